#!/usr/bin/env bash
# Fails when any NuGet package of the solution (direct or transitive) has a known High or Critical
# vulnerability, as reported by `dotnet list package --vulnerable --include-transitive` (NuGet's
# vulnerability feed on nuget.org). Low and Moderate advisories are printed but do not fail.
# Exit codes: 0 no High/Critical advisory, 1 at least one, 2 the check could not run (feed unreachable...).
# ASTROPAL_VULNERABILITY_REPORT=<file> reads a saved `--format json` report instead of asking NuGet (tests).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -n "${ASTROPAL_VULNERABILITY_REPORT:-}" ]; then
  report="$(cat "$ASTROPAL_VULNERABILITY_REPORT")"
  status=$?
else
  report="$(DOTNET_CLI_UI_LANGUAGE=en dotnet list Astropal.sln package --vulnerable --include-transitive --format json 2>&1)"
  status=$?
fi

if [ "$status" -ne 0 ] || ! grep -q '"projects"' <<<"$report" || grep -qiE 'unable to load the service index|vulnerability data' <<<"$report"; then
  echo "Vulnerability check: could not read NuGet's vulnerability data (is https://api.nuget.org reachable?)."
  echo "  Packages were NOT checked for known vulnerabilities. Output of dotnet list package:"
  sed 's/^/    /' <<<"$report" | tail -n 20
  exit 2
fi

# One line per advisory: "<severity> <package> <version> <advisory url>", from the JSON report.
advisories="$(awk '
  /"id":/              { gsub(/[",]/, "", $2); id = $2 }
  /"resolvedVersion":/ { gsub(/[",]/, "", $2); version = $2 }
  /"severity":/        { gsub(/[",]/, "", $2); severity = $2 }
  /"advisoryurl":/     { gsub(/[",]/, "", $2); print severity, id, version, $2 }
' <<<"$report" | sort -u)"

if [ -z "$advisories" ]; then
  echo "Vulnerability check: no package has a known vulnerability."
  exit 0
fi

echo "Vulnerability check: packages with known vulnerabilities:"
sed 's/^/  /' <<<"$advisories"
if grep -qE '^(High|Critical) ' <<<"$advisories"; then
  echo "Vulnerability check FAILED: update the High/Critical packages above (Directory.Packages.props)."
  exit 1
fi

echo "Vulnerability check: only Low/Moderate advisories; not failing."
exit 0

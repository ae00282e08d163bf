#!/usr/bin/env bash
# Runs every test of Astropal from a fresh clone on a Debian machine.
# Installs what the tests need when it is missing (Debian's chromium for the browser tests,
# the dotnet-ef tool, the MJML compiler for the email templates, axe-core for the accessibility test), builds, runs all tests, and
# ends with one line: "N passed, N failed[, N skipped]".
# Fails (after running the tests) when a package has a known High or Critical vulnerability
# (tools/check-vulnerable-packages.sh, which needs nuget.org), or when that check could not run;
# ASTROPAL_SKIP_VULNERABILITY_CHECK=1 skips it on purpose (offline), saying so.
# Then deploy/test-nginx.sh proves the deployment kit behind Debian's nginx (installed when missing; skipped with a
# message when it cannot be); its checks count into the totals. ASTROPAL_SKIP_NGINX_TEST=1 or a --filter skips it.
# --coverage (not passed on to dotnet test) collects line and branch coverage with coverlet
# (coverage.runsettings says what is left out) and prints a table per project before that line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

chromium_path="${ASTROPAL_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

dotnet tool restore >/dev/null
if [ -f emails/package.json ]; then
  npm ci --prefix emails --no-audit --no-fund --loglevel=error >/dev/null
fi
npm ci --prefix Astropal.Tests --no-audit --no-fund --loglevel=error >/dev/null

if [ "${ASTROPAL_SKIP_VULNERABILITY_CHECK:-0}" = "1" ]; then
  echo "Vulnerability check SKIPPED (ASTROPAL_SKIP_VULNERABILITY_CHECK=1): packages were not checked."
  vulnerability_status=0
else
  set +e
  ./tools/check-vulnerable-packages.sh
  vulnerability_status=$?
  set -e
fi

coverage=0
forwarded=()
for arg in "$@"; do
  if [ "$arg" = "--coverage" ]; then coverage=1; else forwarded+=("$arg"); fi
done
collect=()
[ "$coverage" -eq 1 ] && collect=(--collect:"XPlat Code Coverage" --settings coverage.runsettings)

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

set +e
dotnet test Astropal.sln --logger "trx" --results-directory "$results" "${collect[@]}" "${forwarded[@]}"
status=$?
set -e

nginx_counts="$results/nginx-counts"
filtered=0
for arg in "${forwarded[@]}"; do case "$arg" in --filter|--filter=*) filtered=1 ;; esac; done
if [ "${ASTROPAL_SKIP_NGINX_TEST:-0}" = "1" ] || [ "$filtered" -eq 1 ]; then
  echo "nginx test SKIPPED: $([ "$filtered" -eq 1 ] && echo "a --filter was given" || echo "ASTROPAL_SKIP_NGINX_TEST=1")"
  echo skipped > "$nginx_counts"
else
  echo
  set +e
  ./deploy/test-nginx.sh --counts-file "$nginx_counts"
  set -e
fi

if [ "$coverage" -eq 1 ]; then
  reports="$(find "$results" -name coverage.cobertura.xml | paste -sd ';' -)"
  if [ -n "$reports" ]; then
    # ASTROPAL_COVERAGE_DIR keeps the reports (index.html, and Cobertura.xml merged for other tools).
    report_dir="${ASTROPAL_COVERAGE_DIR:-$results/coverage}"
    echo
    if dotnet tool run reportgenerator -reports:"$reports" -targetdir:"$report_dir" \
         -reporttypes:"Html;Cobertura;MarkdownSummaryGithub;TextSummary" -verbosity:Warning >/dev/null; then
      echo "Coverage (coverlet, generated code excluded: see coverage.runsettings)"
      { grep -o '^|\*\*Astropal[^|]*\*\*|\*\*[^|]*\*\*|\*\*[^|]*\*\*|' "$report_dir/SummaryGithub.md" | tr -d '*' |
        awk -F'|' 'BEGIN { printf "%-16s %8s %8s\n", "Project", "Line", "Branch" }
                   { printf "%-16s %8s %8s\n", $2, $3, $4 }'; } || true
      total_line="$(sed -n 's/^  Line coverage: \([0-9.]*%\).*/\1/p' "$report_dir/Summary.txt")"
      total_branch="$(sed -n 's/^  Branch coverage: \([0-9.]*%\).*/\1/p' "$report_dir/Summary.txt")"
      printf "%-16s %8s %8s\n" "All" "$total_line" "$total_branch"
    else
      echo "Coverage: ReportGenerator could not make the report"
    fi
    echo
  else
    echo "Coverage: no coverage file was written"
  fi
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # Skipped tests are not in the counters (executed="0"): count their results instead.
  skipped=$((skipped + $( { grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or the test host failed before any test result was written
fi

# The nginx test's checks: "<passed> <failed>", or "skipped"; no file means the script broke before its summary.
nginx_result="$(cat "$nginx_counts" 2>/dev/null || echo "0 1")"
if [ "$nginx_result" = "skipped" ]; then
  skipped=$((skipped + 1))
else
  read -r nginx_passed nginx_failed <<<"$nginx_result"
  passed=$((passed + nginx_passed)); failed=$((failed + nginx_failed))
  if [ "$nginx_failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
fi

if [ "$vulnerability_status" -ne 0 ]; then
  echo "Failing: the package vulnerability check did not pass (see its report above)."
  [ "$status" -eq 0 ] && status=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"

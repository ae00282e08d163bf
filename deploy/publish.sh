#!/usr/bin/env bash
# Publishes Astropal as a self-contained linux-x64 release into <root>/releases/<name>/ and switches the
# <root>/current symlink to it atomically; keeps the last --keep releases side by side for deploy/rollback.sh.
#
#   deploy/publish.sh [--root DIR] [--keep N] [--name NAME] [--no-switch] [--service NAME] [--no-restart]
#
#   --root DIR      where releases/ and current live (default /opt/astropal)
#   --keep N        releases kept, newest first; the current one is never removed (default 5, at least 2)
#   --name NAME     release folder name (default: UTC time and commit, e.g. 20261205T091500Z-3f2a1bc, so
#                   names sort in deployment order)
#   --no-switch     publish only; `current` stays where it is
#   --service NAME  systemd unit restarted after the switch (default astropal; skipped when systemd or the
#                   unit is not there)
#   --no-restart    do not restart the service
#
# Needs the .NET SDK of global.json. Run it as the user that owns <root> (root on a server set up with
# deploy/README.md). Take a backup first (`./Astropal.Web backup` in `sudo astropal-shell`).
set -euo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

root=/opt/astropal; keep=5; name=""; switch=1; service=astropal; restart=1
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a number}"; shift 2 ;;
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --no-switch) switch=0; shift ;;
    --service) service="${2:?--service needs a unit name}"; shift 2 ;;
    --no-restart) restart=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "publish.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$keep" in ''|*[!0-9]*) echo "publish.sh: --keep must be a whole number (got '$keep')" >&2; exit 2 ;; esac
[ "$keep" -ge 2 ] || { echo "publish.sh: --keep must be at least 2 (the current release and one to roll back to)" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "$name" ]; then
  commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo local)"
  name="$(date -u +%Y%m%dT%H%M%SZ)-$commit"
fi
case "$name" in *[!A-Za-z0-9._-]*|.*) echo "publish.sh: --name may hold letters, digits, '.', '_' and '-' and not start with '.' (got '$name')" >&2; exit 2 ;; esac

releases="$root/releases"
target="$releases/$name"
[ -e "$target" ] && { echo "publish.sh: release $target exists already" >&2; exit 1; }
mkdir -p "$releases"

partial="$releases/.$name.partial"
rm -rf "$partial"
trap 'rm -rf "$partial"' EXIT
echo "Publishing $name (Release, linux-x64, self-contained)..."
dotnet publish "$repo/Astropal.Web/Astropal.Web.csproj" -c Release -r linux-x64 --self-contained true \
  -o "$partial" -p:DebugType=none --nologo -v quiet
[ -x "$partial/Astropal.Web" ] || { echo "publish.sh: the publish produced no Astropal.Web executable" >&2; exit 1; }
printf '%s\n' "$name" > "$partial/RELEASE"
mv "$partial" "$target"
trap - EXIT
echo "Release: $target"

previous="$(readlink "$root/current" 2>/dev/null || true)"
if [ "$switch" -eq 1 ]; then
  # A new symlink renamed over the old one: `current` is never missing, whoever reads it.
  ln -sfn "releases/$name" "$root/.current.new"
  mv -Tf "$root/.current.new" "$root/current"
  echo "current: ${previous:-none} -> releases/$name"
fi

# Keep the newest $keep releases (names sort in deployment order), never the one `current` points at.
current_name="$(basename "$(readlink "$root/current" 2>/dev/null || echo none)")"
mapfile -t all < <(find "$releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort)
excess=$(( ${#all[@]} - keep ))
for old in "${all[@]}"; do
  [ "$excess" -gt 0 ] || break
  [ "$old" = "$current_name" ] && continue
  rm -rf "${releases:?}/$old"
  echo "Removed old release $old"
  excess=$((excess - 1))
done

if [ "$switch" -eq 1 ] && [ "$restart" -eq 1 ]; then
  if command -v systemctl >/dev/null 2>&1 && systemctl cat "$service" >/dev/null 2>&1; then
    systemctl restart "$service"
    echo "Restarted $service; check: systemctl status $service, curl -s http://127.0.0.1:5080/readyz"
  else
    echo "No systemd unit '$service' here: start $root/current/Astropal.Web yourself."
  fi
fi

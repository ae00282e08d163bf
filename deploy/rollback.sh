#!/usr/bin/env bash
# Switches <root>/current back to the release before the one it points at (or to --to NAME), atomically,
# and restarts the service. The rollback runbook (docs/runbooks/rollback.md) says what comes before and after:
# pause the jobs first, restore the database only if the bad release changed it, tell readers, resume the jobs.
#
#   deploy/rollback.sh [--root DIR] [--to NAME] [--list] [--service NAME] [--no-restart]
set -euo pipefail

root=/opt/astropal; to=""; list=0; service=astropal; restart=1
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    --to) to="${2:?--to needs a release name}"; shift 2 ;;
    --list) list=1; shift ;;
    --service) service="${2:?--service needs a unit name}"; shift 2 ;;
    --no-restart) restart=0; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "rollback.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

releases="$root/releases"
[ -d "$releases" ] || { echo "rollback.sh: no releases in $releases" >&2; exit 1; }
mapfile -t all < <(find "$releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort)
current="$(basename "$(readlink "$root/current" 2>/dev/null || echo none)")"

if [ "$list" -eq 1 ]; then
  for r in "${all[@]}"; do
    if [ "$r" = "$current" ]; then echo "* $r (current)"; else echo "  $r"; fi
  done
  exit 0
fi

if [ -n "$to" ]; then
  found=0
  for r in "${all[@]}"; do [ "$r" = "$to" ] && found=1; done
  [ "$found" -eq 1 ] || { echo "rollback.sh: no release '$to' in $releases (releases: ${all[*]:-none})" >&2; exit 1; }
  [ "$to" != "$current" ] || { echo "rollback.sh: $to is already current" >&2; exit 1; }
  target="$to"
else
  target=""
  for r in "${all[@]}"; do
    [ "$r" = "$current" ] && break
    target="$r"
  done
  [ -n "$target" ] || { echo "rollback.sh: no release before '$current' to roll back to (releases: ${all[*]:-none})" >&2; exit 1; }
fi

ln -sfn "releases/$target" "$root/.current.new"
mv -Tf "$root/.current.new" "$root/current"
echo "current: releases/$current -> releases/$target"

if [ "$restart" -eq 1 ]; then
  if command -v systemctl >/dev/null 2>&1 && systemctl cat "$service" >/dev/null 2>&1; then
    systemctl restart "$service"
    echo "Restarted $service."
  else
    echo "No systemd unit '$service' here: restart $root/current/Astropal.Web yourself."
  fi
fi

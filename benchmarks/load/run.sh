#!/usr/bin/env bash
# Load test of the published app: p50/p95/p99 latency and throughput at 50 and 200 concurrent clients, side by side
# in one run, one line per endpoint and concurrency. Installs Debian's `hey` when missing (apt-get, as root or
# through password-less sudo). Publishes with deploy/publish.sh (Release, self-contained), runs the release in the
# Production environment on a loopback port with its own temporary data folder, secrets made for the run and the
# per-client rate limits raised (every request comes from 127.0.0.1), as if behind the proxy (X-Forwarded-Proto:
# https), warms each endpoint up, then measures. Cleans up (app stopped, temporary folder removed).
#
#   benchmarks/load/run.sh [--requests N] [--release DIR] [--markdown FILE]
#
#   --requests N     requests per endpoint and concurrency, rounded up to a multiple of the clients (default 2000;
#                    sign-ups at most 2400 each: 4 runs + warm-up stay under the 10000 per IP per hour allowed)
#   --release DIR    reuse a published release folder instead of publishing
#   --markdown FILE  also write the table as Markdown (for docs/performance.md)
#   --raw DIR        keep hey's full output of each measurement there
#   --only TEXT      measure only the endpoints whose name contains TEXT (e.g. "/api/readers")
set -uo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
repo="$(cd "$(dirname "$0")/../.." && pwd)"
requests=2000; reuse=""; markdown=""; raw=""; only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="${2:?--requests needs a number}"; shift 2 ;;
    --release) reuse="$(cd "${2:?--release needs a folder}" && pwd -P)"; shift 2 ;;
    --markdown) markdown="${2:?--markdown needs a file}"; shift 2 ;;
    --only) only="${2:?--only needs a text}"; shift 2 ;;
    --raw) raw="${2:?--raw needs a folder}"; mkdir -p "$raw"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$requests" in ''|*[!0-9]*) echo "run.sh: --requests must be a whole number" >&2; exit 2 ;; esac
signup_requests=$(( requests > 2400 ? 2400 : requests ))

if ! command -v hey >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "run.sh: hey is not installed and cannot be installed here (no root or password-less sudo): apt-get install hey" >&2; exit 1; fi
  fi
  echo "Installing Debian's hey..."
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hey >/dev/null \
    || { echo "run.sh: apt-get could not install hey" >&2; exit 1; }
fi
for tool in curl openssl; do command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }; done

tmp="$(mktemp -d /tmp/astropal-load.XXXXXX)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$reuse" ]; then
  release="$reuse"
else
  echo "Publishing (deploy/publish.sh, Release, self-contained)..."
  "$repo/deploy/publish.sh" --root "$tmp/opt" --no-restart > "$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log"; exit 1; }
  release="$(readlink -f "$tmp/opt/current")"
fi

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=astropal-keyring" -keyout "$tmp/k.pem" -out "$tmp/c.pem" >/dev/null 2>&1
password="$(openssl rand -hex 16)"
openssl pkcs12 -export -inkey "$tmp/k.pem" -in "$tmp/c.pem" -out "$tmp/keyring.pfx" -passout "pass:$password" >/dev/null 2>&1
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)"
base="http://127.0.0.1:$port"
mkdir -p "$tmp/data"
(
  cd "$release" || exit 1
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Storage__DataDirectory="$tmp/data" \
    DataProtection__CertificatePath="$tmp/keyring.pfx" DataProtection__CertificatePassword="$password" \
    Brand__SiteUrl="https://astropal.test" \
    RateLimits__PagesPerIpPerMinute=100000 RateLimits__HealthPerIpPerMinute=100000 \
    RateLimits__TrackingPerIpPerMinute=100000 RateLimits__SignupsPerIpPerHour=10000 \
    RateLimits__ConfirmationEmailsPerHour=100000 \
    Logging__LogLevel__Default=Warning \
    ./Astropal.Web
) > "$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  curl -s -o /dev/null --max-time 2 "$base/healthz" && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.5
done
curl -s -o /dev/null --max-time 2 "$base/healthz" || { tail -n 40 "$tmp/app.log"; echo "run.sh: the app did not start" >&2; exit 1; }

# As behind nginx: the proxy tells the app the request came over HTTPS (so it is not redirected).
proxy=(-H "X-Forwarded-Proto: https")
valid='{"email":"load-test@example.com","name":"Load","birthDate":"1990-05-17","birthTime":"08:30","birthPlaceId":2643743,"timeZone":"Europe/London","deliveryTime":"06:30","locale":"en-US","perspective":"calm","focusAreas":["wellness","spiritual"],"acceptTerms":true,"marketingConsent":false}'
invalid='{"email":"not-an-address","birthDate":"1990-02-30","birthPlaceId":-1,"timeZone":"Mars/Olympus","perspective":"loud","focusAreas":[],"acceptTerms":false}'
# Open pixel with a crafted token: the shape of a real one (base64url Data Protection payload), not from a sent email:
# the pixel is served, the token's check fails and no open is recorded.
token="$(head -c 160 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"

status_code() { curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-Proto: https" "$base$1"; }
endpoints=("GET /" "GET /start" "GET /status" "POST /api/readers (valid)" "POST /api/readers (invalid)" "GET /t/o/{token}" "GET /healthz")
if [ -n "$only" ]; then
  kept=(); for e in "${endpoints[@]}"; do [[ "$e" == *"$only"* ]] && kept+=("$e"); done; endpoints=("${kept[@]}")
fi
declare -A skip_reason
if [ "$(status_code /status)" = 404 ]; then skip_reason["GET /status"]="skipped: /status answers 404 in this version"; fi

hey_run() { # endpoint clients requests -> hey's output
  local e="$1" c="$2" n="$3"
  case "$e" in
    "GET /") hey -n "$n" -c "$c" "${proxy[@]}" "$base/" ;;
    "GET /start") hey -n "$n" -c "$c" "${proxy[@]}" "$base/start" ;;
    "GET /status") hey -n "$n" -c "$c" "${proxy[@]}" "$base/status" ;;
    "POST /api/readers (valid)") hey -n "$n" -c "$c" "${proxy[@]}" -m POST -T application/json -d "$valid" "$base/api/readers" ;;
    "POST /api/readers (invalid)") hey -n "$n" -c "$c" "${proxy[@]}" -m POST -T application/json -d "$invalid" "$base/api/readers" ;;
    "GET /t/o/{token}") hey -n "$n" -c "$c" "${proxy[@]}" "$base/t/o/$token" ;;
    "GET /healthz") hey -n "$n" -c "$c" "${proxy[@]}" "$base/healthz" ;;
  esac
}

echo "Warming up..."
for e in "${endpoints[@]}"; do
  [ -n "${skip_reason[$e]:-}" ] && continue
  hey_run "$e" 10 100 > /dev/null
done

rows=()
printf '%-30s %7s %8s %9s %8s %8s %8s  %s\n' "Endpoint" "Clients" "Requests" "Req/s" "p50 ms" "p95 ms" "p99 ms" "Statuses"
for c in 50 200; do
  for e in "${endpoints[@]}"; do
    if [ -n "${skip_reason[$e]:-}" ]; then
      printf '%-30s %7s  %s\n' "$e" "$c" "${skip_reason[$e]}"
      rows+=("| \`$e\` | $c | — | — | — | — | — | ${skip_reason[$e]} |")
      continue
    fi
    n="$requests"; case "$e" in POST*) n="$signup_requests" ;; esac
    n=$(( (n + c - 1) / c * c ))   # hey sends a multiple of the clients
    out="$(hey_run "$e" "$c" "$n" 2>&1)"
    [ -n "$raw" ] && printf '%s\n' "$out" > "$raw/$(tr -c 'A-Za-z0-9' '_' <<<"$e")-$c.txt"
    rps="$(awk '/Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
    pct() { awk -v p="$1%" '$1 == p && $2 == "in" { printf "%.1f", $3 * 1000 }' <<<"$out"; }
    p50="$(pct 50)"; p95="$(pct 95)"; p99="$(pct 99)"
    statuses="$(awk '/Status code distribution:/ { on = 1; next } on && /\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); s = s (s ? " " : "") $1 "×" $2; next } on && !/\[/ { on = 0 } END { print s }' <<<"$out")"
    errors="$(awk '/Error distribution:/ { on = 1; next } on && /\[[0-9]+\]/ { n += substr($1, 2, length($1) - 2) } END { if (n) print n " errors" }' <<<"$out")"
    total="$(awk '/Status code distribution:/ { on = 1; next } on && /\[[0-9]+\]/ { t += $2 } /Error distribution:/ { on = 0; err = 1; next } err && /\[[0-9]+\]/ { t += substr($1, 2, length($1) - 2) } END { print t + 0 }' <<<"$out")"
    printf '%-30s %7s %8s %9s %8s %8s %8s  %s\n' "$e" "$c" "$total" "$rps" "$p50" "$p95" "$p99" "$statuses${errors:+, $errors}"
    rows+=("| \`$e\` | $c | $total | $rps | $p50 | $p95 | $p99 | $statuses${errors:+, $errors} |")
  done
done

if [ -n "$markdown" ]; then
  {
    echo "| Endpoint | Clients | Requests | Req/s | p50 ms | p95 ms | p99 ms | Statuses |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
  } > "$markdown"
  echo "Markdown table: $markdown"
fi

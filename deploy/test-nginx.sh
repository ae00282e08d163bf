#!/usr/bin/env bash
# Proves the deployment kit end to end on this machine: publishes the app with deploy/publish.sh (Release,
# self-contained), runs it in the Production environment on a loopback port with secrets made for the run, puts
# Debian's nginx in front with deploy/nginx/astropal.conf (only ports, paths and the host name replaced) and a
# self-signed certificate, and checks through the proxy: pages over HTTPS and HTTP/2, HTTP redirected, HSTS, Secure
# __Host- cookies, the Blazor circuit (negotiate + WebSocket upgrade), the client address the app sees (per-client
# rate limits with forwarded addresses, a forged X-Forwarded-For ignored), /metrics not exposed, static assets
# cached; then deploy/rollback.sh on the published releases. Cleans up after itself (nginx and the app stopped,
# the temporary folder removed) and ends with "nginx test: N passed, N failed".
#
#   deploy/test-nginx.sh [--counts-file FILE] [--release DIR]
#
# --release DIR reuses a release folder published before (a rerun without the publish step).
# Installs nginx (apt-get, as root or through sudo) when it is missing; when that is impossible it prints
# "nginx test SKIPPED: <reason>" and exits 0. --counts-file writes "<passed> <failed>" (or "skipped") for test.sh.
set -uo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
repo="$(cd "$(dirname "$0")/.." && pwd)"
counts_file=""; reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --counts-file) counts_file="${2:?--counts-file needs a path}"; shift 2 ;;
    --release) reuse="$(cd "${2:?--release needs a folder}" && pwd -P)"; shift 2 ;;
    *) echo "test-nginx.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

skip() {
  echo "nginx test SKIPPED: $1"
  [ -n "$counts_file" ] && echo skipped > "$counts_file"
  exit 0
}

for tool in curl openssl; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
if [ ! -x "$nginx_bin" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else skip "nginx is not installed and there is no root or password-less sudo to install it"; fi
  fi
  echo "Installing Debian's nginx..."
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null 2>&1 \
        || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null 2>&1; }; then
    skip "apt-get could not install nginx"
  fi
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  [ -x "$nginx_bin" ] || skip "nginx is still missing after apt-get install"
fi
"$nginx_bin" -V 2>&1 | grep -q -- --with-http_v2_module || skip "this nginx has no HTTP/2 module"

tmp="$(mktemp -d /tmp/astropal-nginx-test.XXXXXX)"
chmod 0755 "$tmp"
app_pid=""; nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0; failed=0
pass() { echo "PASS  $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1${2:+: $2}"; failed=$((failed + 1)); }
# check NAME 'shell condition' (evaluated, so a condition may join tests with && and ||)
check() { if eval "$2"; then pass "$1"; else fail "$1" "${detail:-}"; fi; detail=""; }
finish() {
  echo "nginx test: $passed passed, $failed failed"
  [ -n "$counts_file" ] && echo "$passed $failed" > "$counts_file"
  [ "$failed" -eq 0 ]
  exit $?
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}
app_port="$(free_port)"; http_port="$(free_port)"; https_port="$(free_port)"
host=astropal.test

# 1. Publish with the kit's own script into a temporary root (no systemd restart).
if [ -n "$reuse" ]; then
  mkdir -p "$tmp/opt/releases" && cp -al "$reuse" "$tmp/opt/releases/$(basename "$reuse")" && ln -s "releases/$(basename "$reuse")" "$tmp/opt/current"
  echo "Reusing the release $reuse"
elif echo "Publishing the app (deploy/publish.sh, Release, self-contained)..." \
    && ! "$repo/deploy/publish.sh" --root "$tmp/opt" --no-restart > "$tmp/publish.log" 2>&1; then
  cat "$tmp/publish.log"
  fail "publish.sh publishes a self-contained release" "see the log above"
  finish
fi
release="$(readlink "$tmp/opt/current")"
check "publish.sh switches current to the new release" 'test -x "$tmp/opt/current/Astropal.Web"'

# 2. Secrets for the run: the Data Protection certificate Production requires, and a TLS certificate for nginx.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=astropal-keyring" \
  -keyout "$tmp/keyring.key" -out "$tmp/keyring.crt" >/dev/null 2>&1
keyring_password="$(openssl rand -hex 16)"
openssl pkcs12 -export -inkey "$tmp/keyring.key" -in "$tmp/keyring.crt" -out "$tmp/keyring.pfx" \
  -passout "pass:$keyring_password" >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
  -keyout "$tmp/tls.key" -out "$tmp/tls.crt" >/dev/null 2>&1

# 3. The app in Production on loopback, as the systemd unit runs it.
mkdir -p "$tmp/data"
(
  cd "$tmp/opt/current" || exit 1
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
    Storage__DataDirectory="$tmp/data" \
    DataProtection__CertificatePath="$tmp/keyring.pfx" DataProtection__CertificatePassword="$keyring_password" \
    Brand__SiteUrl="https://$host:$https_port" HttpsRedirection__HttpsPort="$https_port" \
    RateLimits__HealthPerIpPerMinute=3 Scheduler__Enabled=false \
    ./Astropal.Web
) > "$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$app_port/healthz" && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.5
done
if ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$app_port/healthz"; then
  tail -n 40 "$tmp/app.log"
  fail "the published app starts in Production" "it did not answer /healthz (log above)"
  finish
fi
pass "the published app starts in Production on 127.0.0.1:$app_port"
# Direct /metrics from loopback works: so a 404 through nginx below is nginx's doing.
direct_metrics="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/metrics")"

# 4. nginx with the kit's site file: only listen ports, upstream port, certificate, cache and host name replaced.
sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e '/listen \[::\]:80;/d' \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" -e '/listen \[::\]:443/d' \
    -e "s|server 127.0.0.1:5080;|server 127.0.0.1:$app_port;|" \
    -e "s|/etc/letsencrypt/live/astropal.example/fullchain.pem|$tmp/tls.crt|" \
    -e "s|/etc/letsencrypt/live/astropal.example/privkey.pem|$tmp/tls.key|" \
    -e "s|/var/cache/nginx/astropal|$tmp/nginx-cache|" -e "s|/var/www/letsencrypt|$tmp/acme|" \
    -e "s|server_name astropal.example;|server_name $host;|" \
    "$repo/deploy/nginx/astropal.conf" > "$tmp/astropal.conf"
leftover="$(grep -nE '5080|letsencrypt/live|/var/cache|astropal\.example|listen (80|443)' "$tmp/astropal.conf" | grep -v '^\s*#' | grep -v ':\s*#' || true)"
detail="$leftover"; check "the site file takes the test ports and paths (nothing of production left)" 'test -z "$leftover"'
mkdir -p "$tmp/nginx-cache" "$tmp/acme" "$tmp/nginx-temp"
user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$tmp/nginx.conf" <<NGINX
$user_line
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log $tmp/nginx-access.log;
    client_body_temp_path $tmp/nginx-temp/body;
    proxy_temp_path $tmp/nginx-temp/proxy;
    fastcgi_temp_path $tmp/nginx-temp/fastcgi;
    uwsgi_temp_path $tmp/nginx-temp/uwsgi;
    scgi_temp_path $tmp/nginx-temp/scgi;
    include $tmp/astropal.conf;
}
NGINX
if ! "$nginx_bin" -t -q -p "$tmp" -c "$tmp/nginx.conf" > "$tmp/nginx-t.log" 2>&1; then
  cat "$tmp/nginx-t.log"
  fail "nginx accepts deploy/nginx/astropal.conf" "nginx -t failed (above)"
  finish
fi
pass "nginx accepts deploy/nginx/astropal.conf (nginx -t)"
"$nginx_bin" -p "$tmp" -c "$tmp/nginx.conf" 2>>"$tmp/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 1 40); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$http_port/" && break
  sleep 0.25
done

https="https://$host:$https_port"
c() { curl -s --max-time 10 --cacert "$tmp/tls.crt" --resolve "$host:$https_port:127.0.0.1" --resolve "$host:$http_port:127.0.0.1" "$@"; }

# 5. The checks.
out="$(c -o /dev/null -w '%{http_code} %{redirect_url}' "http://$host:$http_port/start?x=1")"
detail="got '$out'"; check "plain HTTP is redirected to HTTPS (301)" '[ "${out%% *}" = 301 ] && [[ "${out#* }" == "https://$host/start?x=1" ]]'

for page in / /start /privacy; do
  out="$(c -o "$tmp/page.html" -w '%{http_code} %{http_version}' "$https$page")"
  detail="got '$out'"; check "GET $page over HTTPS answers 200 on HTTP/2" '[ "$out" = "200 2" ]'
done
detail="the landing page has no brand name"; check "the landing page is the app's (brand in the HTML)" 'grep -qi "astropal" "$tmp/page.html"'

headers="$(c -D - -o /dev/null "$https/")"
hsts="$(printf '%s' "$headers" | grep -i '^strict-transport-security:' | tr -d '\r')"
detail="headers: $(printf '%s' "$headers" | tr -d '\r' | tr '\n' '|')"
check "HSTS is sent over HTTPS (one header, from the app)" '[ "$(printf '\''%s\n'\'' "$hsts" | grep -c max-age)" = 1 ]'

cookies="$(c -D - -o /dev/null "$https/account/sign-in"; c -D - -o /dev/null "$https/?culture=es-ES")"
set_cookies="$(printf '%s' "$cookies" | grep -i '^set-cookie:' | tr -d '\r')"
detail="Set-Cookie: $(printf '%s' "$set_cookies" | tr '\n' '|')"
check "the app sets cookies through the proxy (antiforgery, language)" '[ "$(printf '\''%s\n'\'' "$set_cookies" | grep -c .)" -ge 2 ]'
insecure="$(printf '%s\n' "$set_cookies" | grep -v -i '; *secure' || true)"
unprefixed="$(printf '%s\n' "$set_cookies" | grep -v -i '^set-cookie: *__Host-' || true)"
detail="not Secure: $insecure"; check "every cookie is Secure" '[ -z "$insecure" ]'
detail="without __Host-: $unprefixed"; check "every cookie carries the __Host- prefix" '[ -z "$unprefixed" ]'

negotiate="$(c -X POST -H 'Content-Length: 0' -w '\n%{http_code}' "$https/_blazor/negotiate?negotiateVersion=1")"
token="$(printf '%s' "$negotiate" | head -n 1 | sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p')"
detail="answer: $negotiate"; check "the Blazor circuit negotiates through the proxy (POST /_blazor/negotiate)" '[ "$(printf '\''%s'\'' "$negotiate" | tail -n 1)" = 200 ] && [ -n "$token" ]'
upgrade="$(c --http1.1 -i -N --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
  -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H "Origin: $https" "$https/_blazor?id=$token" 2>/dev/null | head -n 1 | tr -d '\r')"
detail="status line: '$upgrade'"; check "the circuit's WebSocket upgrade succeeds through the proxy (101)" '[[ "$upgrade" == *" 101"* ]]'

# Client address: /healthz allows 3 requests per client address per minute in this run. Client A (127.0.0.2) uses up
# its bucket; client B (127.0.0.3) is a different client to the app; client C (127.0.0.4) claims to be A with its own
# X-Forwarded-For, which nginx overwrites with the real address.
a_codes=""; for _ in 1 2 3 4; do a_codes+="$(c --interface 127.0.0.2 -o /dev/null -w '%{http_code} ' "$https/healthz")"; done
detail="client A got: $a_codes"; check "the app limits a client by its forwarded address (4th request of 127.0.0.2: 429)" '[ "$a_codes" = "200 200 200 429 " ]'
b_code="$(c --interface 127.0.0.3 -o /dev/null -w '%{http_code}' "$https/healthz")"
detail="client B got $b_code"; check "another client address has its own bucket (127.0.0.3: 200)" '[ "$b_code" = 200 ]'
f_code="$(c --interface 127.0.0.4 -H 'X-Forwarded-For: 127.0.0.2' -o /dev/null -w '%{http_code}' "$https/healthz")"
detail="client C got $f_code"; check "a forged X-Forwarded-For is ignored (127.0.0.4 claiming 127.0.0.2: 200)" '[ "$f_code" = 200 ]'

m1="$(c -o /dev/null -w '%{http_code}' "$https/metrics")"; m2="$(c -o /dev/null -w '%{http_code}' "$https/METRICS")"
detail="direct $direct_metrics, via nginx /metrics $m1, /METRICS $m2"
check "/metrics is not exposed through the proxy (404), though the app serves it on loopback" '[ "$direct_metrics" = 200 ] && [ "$m1" = 404 ] && [ "$m2" = 404 ]'

c -o /dev/null "$https/brand/logo.svg"
static="$(c -D - -o /dev/null "$https/brand/logo.svg" | tr -d '\r')"
detail="headers: $(printf '%s' "$static" | tr '\n' '|')"
check "static assets are cached by nginx with a long Cache-Control" 'grep -qi '\''^x-cache-status: HIT'\'' <<<"$static" && grep -qi '\''^cache-control: .*max-age=[0-9]\{6,\}'\'' <<<"$static"'

# 6. rollback.sh: a second release beside the first, then back.
first="$(basename "$release")"
cp -al "$tmp/opt/releases/$first" "$tmp/opt/releases/$first-next"
ln -sfn "releases/$first-next" "$tmp/opt/current"
out="$("$repo/deploy/rollback.sh" --root "$tmp/opt" --no-restart 2>&1)"
detail="$out"; check "rollback.sh switches current back to the previous release" '[ "$(readlink "$tmp/opt/current")" = "releases/$first" ]'
out="$("$repo/deploy/rollback.sh" --root "$tmp/opt" --no-restart 2>&1)"; rc=$?
detail="exit $rc: $out"; check "rollback.sh refuses when there is no earlier release" '[ "$rc" -ne 0 ] && [ "$(readlink "$tmp/opt/current")" = "releases/$first" ]'

finish

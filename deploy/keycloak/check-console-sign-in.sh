#!/usr/bin/env bash
# Checks the console's production sign-in end to end with a real Keycloak, behind a real TLS-terminating proxy: the
# realm file in this folder (client hub-console: confidential, code flow with PKCE, realm roles in `groups`,
# sslRequired external), the packaged hub with the console settings production uses (HUB_CONSOLE_OIDC_*,
# HUB_CONSOLE_PUBLIC_ORIGIN, HUB_PROXY_ADDRESS_FORWARDING, HUB_TRUSTED_PROXIES) behind nginx (Debian's package, a
# self-signed certificate, X-Forwarded-Proto/-Host/-Port/-For), and a person signing in through Keycloak's own login
# form to https://127.0.0.1:<port>/console/.
#   - the sign-in's redirect URIs are https; the session and CSRF cookies are Secure, HttpOnly, SameSite=Strict;
#   - an operator gets the console page and a session; the console API answers with the operator's roles;
#   - a console change (PUT /me/language) from another Origin, or without the CSRF token, is refused 403; from the
#     hub's Origin with the token it passes;
#   - forwarded headers sent to the hub by anyone but the proxy are not believed;
#   - a board viewer (a member of its board's group: the role and the safeguarding_board claim) gets its own
#     region's reports, a 403 for another council's and for the dead letters; the national viewer any council's.
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist), nginx and openssl from Debian's packages
# (installed here when missing); the hub must be built already (hub-routes/target/quarkus-app). Run from anywhere; CI
# runs it after the test suite. Takes 1-5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work="$repo/hub-routes/target/keycloak-check"
version=26.5.6
jar="$repo/hub-routes/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "build the hub first (./mvnw -B package -DskipTests)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
kc_port=$(free_port); hub_port=$(free_port); pg_port=$(free_port); amq_port=$(free_port); tls_port=$(free_port)
# nginx reaches the hub from this loopback address, the only one the hub believes forwarded headers from
proxy_address=127.0.0.2
public="https://127.0.0.1:$tls_port"
secret="check-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
session_secret="check-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
password="Check-only-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"

mkdir -p "$work"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ] || ! command -v openssl >/dev/null 2>&1; then
  echo "== installing nginx and openssl from Debian's packages"
  # the package would start a system nginx on port 80; this check runs its own, so no service starts meanwhile
  policy=/usr/sbin/policy-rc.d
  own_policy=false
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && own_policy=true; fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null
  if $own_policy; then rm -f "$policy"; fi
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi

if [ ! -x "$work/keycloak-$version/bin/kc.sh" ]; then
  echo "== fetching Keycloak $version from Maven Central"
  ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -DoutputDirectory="$work"
  (cd "$work" && unzip -q -o keycloak-quarkus-dist-$version.zip)
fi
kc="$work/keycloak-$version"
rm -rf "$kc/data" && mkdir -p "$kc/data/import"
# the realm as deployed, plus what only this check needs: the client's secret and address, two people
python3 - "$repo/deploy/keycloak/safeguarding-hub-realm.json" "$kc/data/import/realm.json" "$public" "$secret" "$password" <<'PY'
import json, sys
source, target, base, secret, password = sys.argv[1:]
realm = json.load(open(source))
# as deployed: TLS required except from private addresses (this Keycloak listens on 127.0.0.1 over http; the hub's
# pages the person signs in from are https through the proxy)
assert realm["sslRequired"] == "external", realm["sslRequired"]
console = next(c for c in realm["clients"] if c["clientId"] == "hub-console")
assert console["publicClient"] is False and console["attributes"]["pkce.code.challenge.method"] == "S256"
console.update(secret=secret, rootUrl=base, redirectUris=[base + "/console/*"], webOrigins=[base])
def person(name, role=None, group=None):
    return {"username": name, "enabled": True, "email": name + "@example.org", "emailVerified": True,
            "firstName": name, "lastName": "Check", "realmRoles": [role] if role else [],
            "groups": ["/" + group] if group else [],
            "credentials": [{"type": "password", "value": password, "temporary": False}]}
# a board viewer is a member of their board's group (which gives the role and the safeguarding_board claim)
realm.setdefault("users", []).extend([person("check-operator", "operator"),
                                      person("check-board", group="mid-and-west-wales-safeguarding-board"),
                                      person("check-national", "national-viewer")])
json.dump(realm, open(target, "w"))
PY

echo "== a self-signed certificate for 127.0.0.1; nginx on $public in front of the hub (http on 127.0.0.1:$hub_port)"
rm -rf "$work/nginx" && mkdir -p "$work/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi
cat > "$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$tls_port ssl;
    ssl_certificate $work/nginx/cert.pem;
    ssl_certificate_key $work/nginx/key.pem;
    location / {
      proxy_pass http://127.0.0.1:$hub_port;
      proxy_bind $proxy_address;
      proxy_http_version 1.1;
      proxy_buffering off;
      # the console's session cookie (encrypted ID, access and refresh tokens) is larger than nginx's 4k default
      proxy_buffer_size 32k;
      proxy_buffers 4 32k;
      proxy_busy_buffers_size 64k;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
EOF

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 1' INT TERM

echo "== starting Keycloak on 127.0.0.1:$kc_port"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  "$kc/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$kc_port" --import-realm > "$work/keycloak.log" 2>&1 &
pids+=($!)
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" > "$work/nginx/stdout.log" 2>&1 &
pids+=($!)
nginx_pid=$!
echo "== starting the hub on 127.0.0.1:$hub_port behind the proxy (its console signs in with that Keycloak)"
rm -rf "$work/hub-data"
HUB_PROXY_ADDRESS_FORWARDING=true HUB_TRUSTED_PROXIES="$proxy_address" HUB_CONSOLE_PUBLIC_ORIGIN="$public" \
HUB_CONSOLE_OIDC_SERVER_URL="http://127.0.0.1:$kc_port/realms/safeguarding-hub" HUB_CONSOLE_OIDC_CLIENT_ID=hub-console \
HUB_CONSOLE_OIDC_CLIENT_SECRET="$secret" HUB_CONSOLE_SESSION_SECRET="$session_secret" \
  java -Dquarkus.profile=demo -Dhub.database.embedded=true -Dhub.database.embedded.port="$pg_port" \
       -Dhub.broker.embedded.tcp-acceptor="tcp://127.0.0.1:$amq_port" -Dhub.data-dir="$work/hub-data" \
       -Dhub.console.dev-users.enabled=false -Dquarkus.http.port="$hub_port" -jar "$jar" > "$work/hub.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 600); do
  for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null || { echo "a process of the check stopped; see $work (nginx/, hub.log, keycloak.log)"; \
      cat "$work/nginx/stdout.log"; exit 1; }
  done
  curl -fs "http://127.0.0.1:$kc_port/realms/safeguarding-hub/.well-known/openid-configuration" >/dev/null 2>&1 \
    && curl -fs --cacert "$work/nginx/cert.pem" "$public/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

python3 - "$public" "$hub_port" "$password" "$work/nginx/cert.pem" <<'PY'
import http.cookiejar, json, re, ssl, sys, urllib.error, urllib.parse, urllib.request
hub, hub_port, password, cert = sys.argv[1:]
direct = f"http://127.0.0.1:{hub_port}"
tls = ssl.create_default_context(cafile=cert)

class Recorder(urllib.request.HTTPCookieProcessor):
    """Keeps every Set-Cookie header as sent (urllib's cookie jar forgets SameSite)."""
    def __init__(self, jar):
        super().__init__(jar)
        self.set_cookies = []
    def http_response(self, request, response):
        self.set_cookies += response.headers.get_all("Set-Cookie") or []
        return super().http_response(request, response)
    https_response = http_response

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

def set_cookies(recorder, name):
    """The Set-Cookie headers that gave the cookie a value (not the ones clearing it)."""
    found = [c for c in recorder.set_cookies if c.split(";")[0].startswith(name) and c.split(";")[0].split("=", 1)[1]]
    assert found, (name, recorder.set_cookies)
    return found

def assert_attributes(recorder, name, *attributes):
    for header in set_cookies(recorder, name):
        for attribute in attributes:
            assert attribute.lower() in [a.strip().lower() for a in header.split(";")[1:]], (name, attribute, header)

def sign_in(user):
    jar = http.cookiejar.CookieJar()
    recorder = Recorder(jar)
    opener = urllib.request.build_opener(recorder, urllib.request.HTTPSHandler(context=tls))
    page = opener.open(hub + "/console/")
    assert "/protocol/openid-connect/auth" in page.geturl(), page.geturl()
    assert "code_challenge_method=S256" in page.geturl(), "PKCE expected"
    redirect = urllib.parse.parse_qs(urllib.parse.urlparse(page.geturl()).query)["redirect_uri"][0]
    assert redirect.startswith(hub + "/console"), redirect
    form = page.read().decode()
    # Keycloak marks its cookies Secure; a browser sends them to 127.0.0.1 over http, urllib does not
    for cookie in jar:
        cookie.secure = False
    action = re.search(r'id="kc-form-login"[^>]*action="([^"]+)"', form).group(1).replace("&amp;", "&")
    landed = opener.open(action, urllib.parse.urlencode({"username": user, "password": password}).encode())
    assert landed.geturl().startswith(hub + "/console/"), landed.geturl()
    assert 'id="views"' in landed.read().decode()
    assert_attributes(recorder, "q_session_console", "Secure", "HttpOnly", "SameSite=Strict")
    return opener, recorder, redirect

def call(opener, path, method="GET", body=None, headers=None):
    request = urllib.request.Request(hub + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"X-Requested-With": "JavaScript", "Accept": "application/json",
                                              "Content-Type": "application/json", **(headers or {})})
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers

operator, recorder, redirect = sign_in("check-operator")
code, body, headers = call(operator, "/api/v1/console/me")
assert code == 200 and json.loads(body)["roles"] == ["operator"], (code, body)
token = headers["X-CSRF-Token"]
assert token, "the console API gives the CSRF token"
assert_attributes(recorder, "hub_csrf", "Secure", "HttpOnly", "SameSite=Strict", "Path=/api/v1/console")
assert call(operator, "/api/v1/console/dead-letters")[0] == 200
print("operator: signed in through Keycloak (code flow + PKCE) over https; redirect_uri", redirect, "; me =", body)
for name in ("q_session_console", "hub_csrf"):
    print("  Set-Cookie", name, "...;", set_cookies(recorder, name)[-1].split(";", 1)[1].strip())

other = "en" if json.loads(body)["language"] == "cy" else "cy"
def put_language(headers):
    return call(operator, "/api/v1/console/me/language", "PUT", {"language": other}, headers)
code, body, _ = put_language({"Origin": "https://evil.example", "X-CSRF-Token": token})
assert code == 403 and json.loads(body)["violations"][0]["rule"] == "same-origin", (code, body)
code, body, _ = put_language({"Origin": hub})
assert code == 403 and json.loads(body)["violations"][0]["rule"] == "csrf-token", (code, body)
code, body, _ = put_language({"Origin": hub, "X-CSRF-Token": token})
assert code == 200 and json.loads(body)["language"] == other, (code, body)
print("console PUT: another Origin 403 same-origin; no token 403 csrf-token; the hub's Origin with the token 200")

# the same headers sent straight to the hub, not by the proxy: not believed (the sign-in redirect stays http)
try:
    urllib.request.build_opener(NoRedirect).open(urllib.request.Request(direct + "/console/", headers={
        "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example", "Forwarded": "proto=https;host=evil.example"}))
    raise AssertionError("expected a redirect to sign in")
except urllib.error.HTTPError as e:
    assert e.code == 302, e.code
    forged = urllib.parse.parse_qs(urllib.parse.urlparse(e.headers["Location"]).query)["redirect_uri"][0]
    assert forged.startswith(direct + "/console"), forged
print("forwarded headers from an address that is not the proxy: ignored (redirect_uri", forged + ")")

board, _, _ = sign_in("check-board")
code, body, _ = call(board, "/api/v1/console/reports?from=2026-01-01&to=2026-12-31&groupBy=region")
assert code == 200, (code, body)
assert {r["group"] for r in json.loads(body)["rows"]} <= {"mid-and-west-wales-safeguarding-board"}, body
assert call(board, "/api/v1/console/reports?groupBy=council&council=cardiff-childrens-services")[0] == 403
assert call(board, "/api/v1/console/dead-letters")[0] == 403
print("board viewer (Mid and West Wales's group): its region's reports 200, another council's 403, dead letters 403")
national, _, _ = sign_in("check-national")
assert call(national, "/api/v1/console/reports?from=2026-01-01&to=2026-12-31&groupBy=council&council=cardiff-childrens-services")[0] == 200
print("national viewer: any council's report 200")
PY
echo "== the console's Keycloak sign-in works behind the TLS-terminating proxy"

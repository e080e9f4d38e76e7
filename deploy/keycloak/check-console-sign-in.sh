#!/usr/bin/env bash
# Checks the console's production sign-in end to end with a real Keycloak: the realm file in this folder (client
# hub-console: confidential, code flow with PKCE, realm roles in `groups`), the packaged hub with the console
# settings production uses (HUB_CONSOLE_OIDC_*), and a person signing in through Keycloak's own login form.
#   - an operator gets the console page and a session; the console API answers with the operator's roles;
#   - a board viewer gets the reports and a 403 for the dead letters.
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist); the hub must be built already
# (hub-routes/target/quarkus-app). Run from anywhere; CI runs it after the test suite. Takes 1-5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work="$repo/hub-routes/target/keycloak-check"
version=26.5.6
jar="$repo/hub-routes/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "build the hub first (./mvnw -B package -DskipTests)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
kc_port=$(free_port); hub_port=$(free_port); pg_port=$(free_port); amq_port=$(free_port)
secret="check-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
session_secret="check-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
password="Check-only-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"

mkdir -p "$work"
if [ ! -x "$work/keycloak-$version/bin/kc.sh" ]; then
  echo "== fetching Keycloak $version from Maven Central"
  ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -DoutputDirectory="$work"
  (cd "$work" && unzip -q -o keycloak-quarkus-dist-$version.zip)
fi
kc="$work/keycloak-$version"
rm -rf "$kc/data" && mkdir -p "$kc/data/import"
# the realm as deployed, plus what only this check needs: the client's secret and address, two people
python3 - "$repo/deploy/keycloak/safeguarding-hub-realm.json" "$kc/data/import/realm.json" "$hub_port" "$secret" "$password" <<'PY'
import json, sys
source, target, port, secret, password = sys.argv[1:]
realm = json.load(open(source))
realm["sslRequired"] = "none"
console = next(c for c in realm["clients"] if c["clientId"] == "hub-console")
assert console["publicClient"] is False and console["attributes"]["pkce.code.challenge.method"] == "S256"
base = f"http://127.0.0.1:{port}"
console.update(secret=secret, rootUrl=base, redirectUris=[base + "/console/*"], webOrigins=[base])
def person(name, role):
    return {"username": name, "enabled": True, "email": name + "@example.org", "emailVerified": True,
            "firstName": name, "lastName": "Check", "realmRoles": [role],
            "credentials": [{"type": "password", "value": password, "temporary": False}]}
realm.setdefault("users", []).extend([person("check-operator", "operator"), person("check-board", "board-viewer")])
json.dump(realm, open(target, "w"))
PY

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting Keycloak on 127.0.0.1:$kc_port"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  "$kc/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$kc_port" --import-realm > "$work/keycloak.log" 2>&1 &
pids+=($!)
echo "== starting the hub on 127.0.0.1:$hub_port (its console signs in with that Keycloak)"
rm -rf "$work/hub-data"
HUB_CONSOLE_OIDC_SERVER_URL="http://127.0.0.1:$kc_port/realms/safeguarding-hub" HUB_CONSOLE_OIDC_CLIENT_ID=hub-console \
HUB_CONSOLE_OIDC_CLIENT_SECRET="$secret" HUB_CONSOLE_SESSION_SECRET="$session_secret" \
  java -Dquarkus.profile=demo -Dhub.database.embedded=true -Dhub.database.embedded.port="$pg_port" \
       -Dhub.broker.embedded.tcp-acceptor="tcp://127.0.0.1:$amq_port" -Dhub.data-dir="$work/hub-data" \
       -Dhub.console.dev-users.enabled=false -Dquarkus.http.port="$hub_port" -jar "$jar" > "$work/hub.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$kc_port/realms/safeguarding-hub/.well-known/openid-configuration" >/dev/null 2>&1 \
    && curl -fs "http://127.0.0.1:$hub_port/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

python3 - "$hub_port" "$password" <<'PY'
import http.cookiejar, json, re, sys, urllib.error, urllib.parse, urllib.request
port, password = sys.argv[1:]
hub = f"http://127.0.0.1:{port}"

def sign_in(user):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(hub + "/console/")
    assert "/protocol/openid-connect/auth" in page.geturl(), page.geturl()
    assert "code_challenge_method=S256" in page.geturl(), "PKCE expected"
    form = page.read().decode()
    # Keycloak marks its cookies Secure; a browser sends them to 127.0.0.1 over http, urllib does not
    for cookie in jar:
        cookie.secure = False
    action = re.search(r'id="kc-form-login"[^>]*action="([^"]+)"', form).group(1).replace("&amp;", "&")
    landed = opener.open(action, urllib.parse.urlencode({"username": user, "password": password}).encode())
    assert landed.geturl().startswith(hub + "/console/"), landed.geturl()
    assert 'id="views"' in landed.read().decode()
    return opener

def status(opener, path):
    request = urllib.request.Request(hub + path, headers={"X-Requested-With": "JavaScript", "Accept": "application/json"})
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""

operator = sign_in("check-operator")
code, body = status(operator, "/api/v1/console/me")
assert code == 200 and json.loads(body)["roles"] == ["operator"], (code, body)
assert status(operator, "/api/v1/console/dead-letters")[0] == 200
print("operator: signed in through Keycloak (code flow + PKCE), me =", body)
board = sign_in("check-board")
assert status(board, "/api/v1/console/reports?from=2026-01-01&to=2026-12-31&groupBy=council")[0] == 200
assert status(board, "/api/v1/console/dead-letters")[0] == 403
print("board viewer: reports 200, dead letters 403")
PY
echo "== the console's Keycloak sign-in works"

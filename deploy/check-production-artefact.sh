#!/usr/bin/env bash
# CI step 4 (issue 13): the production artefact, checked without a container engine (this machine has none, and no
# registry to pull deploy/Containerfile's base image from). Builds it (-Pproduction), then checks:
#   1. every path deploy/Containerfile copies exists;
#   2. it holds neither the embedded PostgreSQL nor the embedded broker server, and prints its size against the
#      default (demo) build's;
#   3. it starts on the PostgreSQL server on 127.0.0.1:5432 with a standalone broker URL (none listening: the hub
#      must still come up and answer live), loads no missing class, and logs JSON lines.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl hub-routes -Pproduction package -DskipTests
app=hub-routes/target/quarkus-app-production

echo "== 1. the paths deploy/Containerfile copies"
grep -E '^COPY ' deploy/Containerfile | awk '{print $3}' | while read -r source; do
  ls -d $source >/dev/null || { echo "missing: $source" >&2; exit 1; }
  echo "present: $source"
done
grep -qE '^USER 185$' deploy/Containerfile || { echo "the image must not run as root" >&2; exit 1; }

echo "== 2. nothing embedded, and the size"
if ls "$app/lib/main" | grep -E 'zonky|artemis-jakarta-server|artemis-server'; then
  echo "the production artefact holds an embedded server's jars (above)" >&2
  exit 1
fi
echo "production artefact: $(du -sh "$app" | cut -f1); default build (demo and tests): $(du -sh hub-routes/target/quarkus-app 2>/dev/null | cut -f1 || echo 'not built')"

echo "== 3. it starts as a production hub on the PostgreSQL server"
work=$(mktemp -d)
db="hub_artefact_$$"
trap 'kill "$pid" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql -h 127.0.0.1 -U postgres -qc "create database $db"
mkdir -p "$work/keys"
echo "dGVzdC1vbmx5LWJvZHkta2V5LW5ldmVyLWluLXByb2Q=" > "$work/keys/body-key.check"
port=18777
java -Xmx384m -Dquarkus.profile=prod -Dhub.data-dir="$work/data" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.username=postgres \
  -Dhub.broker.url=tcp://127.0.0.1:61699 -Dhub.directory.location=classpath:directory/demo-directory.json \
  -Dquarkus.http.port=$port -Dhub.message-ids.secret=check-only-message-id-key-never-use-it-in-production \
  -Dhub.bodies.keys-dir="$work/keys" -Dhub.bodies.current-key=check \
  -Dhub.child-keys.current-key=check -Dhub.child-keys.key.check=check-only-child-key-never-use-it-in-production \
  -jar "$app/quarkus-run.jar" > "$work/hub.log" 2>&1 &
pid=$!
live=000
for _ in $(seq 1 60); do
  live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/live" || true)
  [ "$live" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if [ "$live" != 200 ] || grep -qE 'NoClassDefFoundError|ClassNotFoundException' "$work/hub.log"; then
  echo "the production artefact did not start (live: $live):" >&2
  tail -40 "$work/hub.log" >&2
  exit 1
fi
head -c 300 "$work/hub.log" | grep -q '^{' || { echo "production logs are not JSON lines" >&2; exit 1; }
echo "live: 200; readiness: $(curl -s "http://127.0.0.1:$port/q/health/ready" | tr -d ' \n' | grep -o '"status":"[A-Z]*"' | head -1)"
echo "production artefact: OK"

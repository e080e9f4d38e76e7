#!/usr/bin/env bash
# Runs the hub on embedded defaults (embedded Artemis, embedded PostgreSQL, demo directory, demo tokens) and, once it
# is up, plays one duty-to-report through it: Dyfed-Powys Police report a concern about a child in Carmarthenshire,
# Carmarthenshire's children's services acknowledge it and give the outcome, the police system receives both.
# Watch the "DEMO" lines. Ctrl-C stops the hub. Data stays in ./data (delete it to start afresh).
#
#   deploy/demo/run.sh              build if needed, run, play the scenario
#   deploy/demo/run.sh --no-scenario
#   HUB_PORT=8480 HUB_DATA_DIR=data deploy/demo/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${HUB_PORT:-8480}"
data="${HUB_DATA_DIR:-data}"
jar=hub-routes/target/quarkus-app/quarkus-run.jar
scenario=yes
[ "${1:-}" = "--no-scenario" ] && scenario=no

if [ ! -f "$jar" ] || [ -n "$(find schemas adapters hub-routes/src -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  echo "== building the hub (first time: a few minutes while Maven fetches dependencies)"
  ./mvnw -B -q install -DskipTests
fi

mkdir -p "$data"
# Class-data sharing (JDK 17's dynamic AppCDS): the first run after a build writes the classes a start loads to
# hub-routes/target/hub-cds.jsa when the hub stops; later runs map that file instead of loading the classes again
# (about a sixth of a start's CPU; benchmarks/README.md, "Start and memory"). HUB_CDS=off runs without.
cds=hub-routes/target/hub-cds.jsa
cds_opts=()
if [ "${HUB_CDS:-on}" != off ]; then
  if [ -f "$cds" ] && [ "$cds" -nt "$jar" ]; then
    cds_opts=(-XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
  else
    rm -f "$cds"
    cds_opts=(-XX:ArchiveClassesAtExit="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi
echo "== starting the hub on http://127.0.0.1:$port (data in $data/)"
# -Xmx512m -XX:+UseSerialGC: the memory the hub is sized for (benchmarks/README.md, "Start and memory")
java -Xmx512m -XX:+UseSerialGC "${cds_opts[@]}" -Dquarkus.profile=demo -Dhub.demo.tokens=true -Dhub.database.embedded=true -Dhub.data-dir="$data" -Dquarkus.http.port="$port" \
     -jar "$jar" &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $hub 2>/dev/null || { echo "the hub stopped; see the lines above"; exit 1; }
  sleep 1
done

if [ "$scenario" = yes ]; then
  examples=schemas/src/main/resources/examples/valid
  report_id=$(cat /proc/sys/kernel/random/uuid)
  police=$(cat "$data/demo-tokens/dyfed-powys-police.jwt")
  council=$(cat "$data/demo-tokens/carmarthenshire-childrens-services.jwt")
  post() { # token file
    curl -s -X POST "http://127.0.0.1:$port/api/v1/messages" -H "Authorization: Bearer $1" \
         -H 'Content-Type: application/json' --data-binary @-
    echo
  }
  echo; echo "== 1. Dyfed-Powys Police send a duty-to-report ($report_id)"
  sed "s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01/$report_id/" "$examples/duty-to-report.json" | post "$police"
  sleep 2
  echo; echo "== 2. Carmarthenshire children's services acknowledge it, then give the outcome"
  sed "s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01/$report_id/; s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e02/$(cat /proc/sys/kernel/random/uuid)/" \
      "$examples/report-acknowledgement.json" | post "$council"
  sed "s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01/$report_id/; s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e03/$(cat /proc/sys/kernel/random/uuid)/" \
      "$examples/report-outcome.json" | post "$council"
  sleep 2
  echo; echo "== 3. The report's tracking record, as the police see it"
  curl -s "http://127.0.0.1:$port/api/v1/messages/$report_id" -H "Authorization: Bearer $police"
  echo; echo
  case_ref="DEMO-$(date +%s)"
  starts_at=$(date -u -d '+10 days' +%Y-%m-%dT10:00:00Z)
  # the strategy discussion that decided on the conference: yesterday, so the conference is booked in time
  strategy_at=$(date -u -d '-1 days' +%Y-%m-%dT11:30:00Z)
  echo "== 4. Carmarthenshire calls a child protection conference for Alys (9) and Nia (2) and leaves health out: the hub"
  echo "      adds the children's GP practice, whose system speaks HL7 FHIR R4 (a validated FHIR message), Hywel Dda's"
  echo "      safeguarding team, Nia's health visitor and Alys's school nurse, and each owes a written report"
  sed "s/__MESSAGE_ID__/$(cat /proc/sys/kernel/random/uuid)/; s/__CASE__/$case_ref/g; s/__STARTS_AT__/$starts_at/g; s/__STRATEGY_AT__/$strategy_at/" \
      deploy/demo/conference-invitation.json | post "$council"
  held_on=${starts_at%%T*}
  echo; echo "== 5. The conference (the demo dates its outline plan the day it is booked for) registers both children."
  echo "      Nia's health assessment could not be done before it: the health visitor owns the action, due 20 days after it,"
  echo "      and owes a 'health-assessment' clock. Alys took part through her advocate; Nia, two, did not"
  sed "s/__MESSAGE_ID__/$(cat /proc/sys/kernel/random/uuid)/; s/__CASE__/$case_ref/g; s/__HELD_ON__/$held_on/;
       s/__STRATEGY_ON__/${strategy_at%%T*}/; s/__DUE_BY__/$(date -u -d '+30 days' +%Y-%m-%d)/" \
      deploy/demo/outline-plan.json | post "$council"
  echo; echo "== 6. The care and support protection plan changes: the school gets a signed webhook"
  sed "s/__MESSAGE_ID__/$(cat /proc/sys/kernel/random/uuid)/; s/__CASE__/$case_ref/g" deploy/demo/plan-update.json \
      | post "$council"
  sleep 2
  transfer_id=$(cat /proc/sys/kernel/random/uuid)
  new_school=$(cat "$data/demo-tokens/school-6699002.jwt")
  echo; echo "== 7. The child moves school: the new school gets the safeguarding file (signed webhook); the old school and"
  echo "      Carmarthenshire's education service are told who moved, from where, to where and when, without the file"
  sed "s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e18/$transfer_id/; s/CCS-2025-004512/$case_ref/" \
      "$examples/school-transfer.json" | post "$council"
  sleep 2
  echo; echo "== 8. The new school acknowledges the file: the council hears, and the 5 working day clock stops"
  sed "s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e17/$(cat /proc/sys/kernel/random/uuid)/; s/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e13/$transfer_id/;
       s/CCS-2025-004512/$case_ref/; s/\"sender\": \"school-6699001\"/\"sender\": \"school-6699002\"/" \
      "$examples/acknowledgement.json" | post "$new_school"
  sleep 2
  echo
  echo "== The hub keeps running. Tokens: $data/demo-tokens/*.jwt  API docs: http://127.0.0.1:$port/q/swagger-ui"
  echo "   Console: http://127.0.0.1:$port/console/  (dev users, password 'demo': operator, auditor, board, admin)"
  echo "   To see escalation, restart with  JAVA_TOOL_OPTIONS=-Dhub.clock.offset=P12D  (the clock moves 12 days on)."
fi
wait $hub

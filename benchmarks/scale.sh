#!/usr/bin/env bash
# Issue 12 goal 5, "a million tracked messages": makes a database on the PostgreSQL server at 127.0.0.1:5432
# (default hub_scale; dropped and made again), lets the packaged hub make the schema, bulk-loads a year of messages
# with their deliveries, clocks and audit rows (COPY), then starts the hub on it and measures every console view,
# intake (against an empty database too), the escalation sweep, and prints issue 12's GOAL 5 lines (run.sh --scale
# runs this after the end-to-end run). Run by hand, not by CI. Arguments go to the driver (-h for all), e.g.
#   benchmarks/scale.sh --messages 100000          # a quick run
# The output is also written to benchmarks/target/scale/results-<label>.txt.
# BENCH_SKIP_BUILD=1 skips building the hub; BENCH_JAVA_OPTS sets the driver's JVM options (default -Xmx1g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/benchmarks/target"
cd "$root"

build() {
  ./mvnw -B -q -o "$@" || { echo "offline build failed; retrying online" >&2; ./mvnw -B -q "$@"; }
}

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the hub (./mvnw -B -q -o -pl hub-routes -am package -DskipTests)..."
  build -pl hub-routes -am package -DskipTests
fi
build -f benchmarks/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt"

label=run
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[i]}" == --label && $((i + 1)) -lt ${#args[@]} ]] && label="${args[i + 1]}"
done
mkdir -p "$target/scale"
set +e
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$target/classes:$(cat "$target/classpath.txt")" \
  wales.safeguarding.benchmarks.ScaleBenchmark --repo "$root" "$@" 2>&1 | tee "$target/scale/results-$label.txt"
status=${PIPESTATUS[0]}
set -e
echo "results in $target/scale/results-$label.txt (exit code $status)"
exit "$status"

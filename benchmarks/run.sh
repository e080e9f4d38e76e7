#!/usr/bin/env bash
# Builds the hub and the benchmark driver, then runs the end-to-end + raw-broker benchmark once with the 11-agency
# demo directory and once with the Wales-size one (deploy/directory/wales-directory.json), and prints both side by
# side. Run by hand, not by CI. Arguments go to the driver: e.g. benchmarks/run.sh -n 2000 -c 4 (-h for all).
# The output is also written to benchmarks/target/results.txt.
# BENCH_SKIP_BUILD=1 skips building the hub (use the jar already in hub-routes/target, e.g. while someone else's
# build or tests are using hub-routes/target). BENCH_JAVA_OPTS sets the driver's JVM options (default -Xmx512m).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/benchmarks/target"
cd "$root"

build() {
  # Offline first (quick, and the machines here have a warm local repository); online if that fails.
  ./mvnw -B -q -o "$@" || { echo "offline build failed; retrying online" >&2; ./mvnw -B -q "$@"; }
}

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # package, never install: the driver runs hub-routes/target/quarkus-app, and install would overwrite the
  # snapshots in ~/.m2 that other people's builds on this machine use.
  echo "building the hub (./mvnw -B -q -o -pl hub-routes -am package -DskipTests)..."
  build -pl hub-routes -am package -DskipTests
fi
# -f rather than -pl: works whether or not the root pom lists the benchmarks module.
build -f benchmarks/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt"

mkdir -p "$target"
# The commit measured; -dirty when the working tree has changes the figures include.
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git -C "$root" diff --quiet HEAD 2>/dev/null; then commit="$commit-dirty"; fi
set +e
java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$target/classes:$(cat "$target/classpath.txt")" \
  wales.safeguarding.benchmarks.EndToEndBenchmark --repo "$root" --commit "$commit" "$@" 2>&1 | tee "$target/results.txt"
status=${PIPESTATUS[0]}
set -e
echo "results in $target/results.txt (exit code $status)"

# Every run that measured something leaves its summary (side by side and the goals) in the README's run history, so
# a later change that costs speed shows. BENCH_NO_HISTORY=1 leaves the README alone.
if [[ "${BENCH_NO_HISTORY:-0}" != 1 ]] && grep -q '^GOAL ' "$target/results.txt"; then
  {
    echo
    echo "### $(date -u +'%Y-%m-%d %H:%M') UTC, commit $commit, \`benchmarks/run.sh $*\` (exit code $status)"
    echo
    echo '```'
    grep -E '^(machine busy|run:)' "$target/results.txt"
    sed -n '/^SIDE BY SIDE/,/^RESULT:/p' "$target/results.txt"
    echo '```'
  } >> "$root/benchmarks/README.md"
  echo "summary appended to benchmarks/README.md (Run history)"
fi
exit "$status"

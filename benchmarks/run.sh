#!/usr/bin/env bash
# Builds the hub and the benchmark driver, then runs the end-to-end + raw-broker benchmark once with the 11-agency
# demo directory and once with the Wales-size one (deploy/directory/wales-directory.json), and prints both side by
# side. Run by hand, not by CI. Arguments go to the driver: e.g. benchmarks/run.sh -n 2000 -c 4 (-h for all).
# The output is also written to benchmarks/target/results.txt.
# --scale ends run.sh's own options: every argument after it goes to benchmarks/scale.sh (issue 12 goal 5, a million
# tracked messages: --jdbc-url, --skip-load, --rearm, ...), which runs after the end-to-end run on the same build; its
# GOAL 5 lines take the place of the end-to-end run's "not measured" line, in the GOALS block printed at the end and in
# the run history. E.g. benchmarks/run.sh -n 2000 -c 4 --scale --jdbc-url jdbc:postgresql://127.0.0.1:5432/x --skip-load
# BENCH_SKIP_BUILD=1 skips building the hub (use the jar already in hub-routes/target, e.g. while someone else's
# build or tests are using hub-routes/target). BENCH_JAVA_OPTS sets the driver's JVM options (default -Xmx512m).
set -euo pipefail

run_args=()
scale_args=()
scale=0
for a in "$@"; do
  if [[ $scale == 1 ]]; then scale_args+=("$a"); elif [[ "$a" == --scale ]]; then scale=1; else run_args+=("$a"); fi
done

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
  wales.safeguarding.benchmarks.EndToEndBenchmark --repo "$root" --commit "$commit" ${run_args[@]+"${run_args[@]}"} 2>&1 \
  | tee "$target/results.txt"
status=${PIPESTATUS[0]}
set -e
echo "results in $target/results.txt (exit code $status)"

if [[ $scale == 1 ]]; then
  echo
  echo "==== SCALE (issue 12 goal 5): benchmarks/scale.sh ${scale_args[*]}"
  set +e
  BENCH_SKIP_BUILD=1 "$root/benchmarks/scale.sh" ${scale_args[@]+"${scale_args[@]}"} | tee "$target/scale-results.txt"
  scale_status=${PIPESTATUS[0]}
  set -e
  [[ $scale_status != 0 && $status == 0 ]] && status=$scale_status
  # the scale run's GOAL 5 lines in place of the end-to-end run's "not measured" one, and the block printed again
  # with every goal together
  if grep -q '^GOAL 5' "$target/scale-results.txt"; then
    grep '^GOAL 5' "$target/scale-results.txt" > "$target/scale-goals.txt"
    awk -v goals="$target/scale-goals.txt" '
      /^GOAL 5 / && !done { while ((getline l < goals) > 0) print l; done = 1; next }
      /^GOAL 5/ && done { next }
      { print }' "$target/results.txt" > "$target/results.tmp" && mv "$target/results.tmp" "$target/results.txt"
  else
    echo "the scale run printed no GOAL 5 line (exit code $scale_status): see $target/scale-results.txt"
  fi
  echo
  sed -n '/^GOALS (issue 12)/,/^RESULT:/p' "$target/results.txt"
fi

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

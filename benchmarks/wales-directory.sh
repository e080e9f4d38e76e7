#!/usr/bin/env bash
# Writes deploy/directory/wales-directory.json from the list of Welsh public bodies (default
# ../shared/data/wales-agencies.json beside the repository, or WALES_AGENCIES=<file>), with synthetic schools and
# GP practices. Deterministic: the same input gives the same file. Arguments go to WalesDirectory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/benchmarks/target"
input="${WALES_AGENCIES:-$root/../shared/data/wales-agencies.json}"
cd "$root"

./mvnw -B -q -o -f benchmarks/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt" \
  || ./mvnw -B -q -f benchmarks/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt"
java -cp "$target/classes:$(cat "$target/classpath.txt")" wales.safeguarding.benchmarks.WalesDirectory \
  --input "$input" --output "$root/deploy/directory/wales-directory.json" "$@"

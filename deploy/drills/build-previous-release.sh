#!/usr/bin/env bash
# Builds the previous release's packaged hub for the upgrade drill (UpgradeIT; deploy/README section 13): the commit
# named in deploy/drills/previous-release, taken from this clone's history, built into
# target/previous-release/src/hub-routes/target/quarkus-app/. .ci/test runs it before the suite; nothing is done when
# that build is already there. A clone without the commit (a shallow clone) gets a warning, and UpgradeIT is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."

commit=$(grep -v '^#' deploy/drills/previous-release | grep -m1 . | tr -d '[:space:]')
out=target/previous-release
jar=$out/src/hub-routes/target/quarkus-app/quarkus-run.jar
if [ -f "$out/commit" ] && [ "$(cat "$out/commit")" = "$commit" ] && [ -f "$jar" ]; then
  echo "previous release $commit: already built ($jar)"
  exit 0
fi
if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "WARNING: the previous release $commit is not in this clone (a shallow clone?): UpgradeIT will be skipped" >&2
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/src"
git archive "$commit" | tar -x -C "$out/src"
echo "previous release $commit: building $jar"
(cd "$out/src" && ./mvnw -B -q -DskipTests package -pl hub-routes -am "$@")
echo "$commit" > "$out/commit"

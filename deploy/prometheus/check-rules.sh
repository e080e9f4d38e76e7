#!/usr/bin/env bash
# Checks the Prometheus files in this folder with promtool (Prometheus' own checker): the alert rules parse and their
# PromQL is valid, the scrape example is a valid configuration, and the rules' unit tests (hub-alerts.test.yaml) pass.
# promtool comes from PATH, else from Debian's prometheus package, unpacked under hub-routes/target/promtool (nothing
# installed, no Prometheus service started). Which series the rules and the dashboard may use is checked by the Java
# suite (MetricsFlowTest). CI step 5; run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

promtool=$(command -v promtool || true)
if [ -z "$promtool" ]; then
  work="$repo/hub-routes/target/promtool"
  promtool="$work/usr/bin/promtool"
  if [ ! -x "$promtool" ]; then
    echo "== fetching promtool from Debian's prometheus package (unpacked, not installed)"
    mkdir -p "$work"
    # apt-get download needs the package lists; as a normal user the lists must already be there
    (cd "$work" && apt-get download prometheus >/dev/null 2>&1) || {
      if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >/dev/null; else sudo apt-get update -qq >/dev/null; fi
      (cd "$work" && apt-get download prometheus >/dev/null)
    }
    dpkg -x "$work"/prometheus_*.deb "$work"
  fi
fi
"$promtool" --version | head -1
cd "$here"
"$promtool" check rules hub-alerts.yaml
"$promtool" check config prometheus-scrape.example.yaml
"$promtool" test rules hub-alerts.test.yaml

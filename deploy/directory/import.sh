#!/usr/bin/env bash
# Imports a directory file ({"agencies": [...]}, the layout of hub-routes/src/main/resources/directory/demo-directory.json)
# into a running hub. Without --apply it is a dry run: the hub answers what the file would add, change (field by
# field) and remove, and changes nothing. With --apply the hub stores it (what is not in the file is removed), audits
# it under the token's user, and every hub instance uses it within seconds.
#
#   HUB_ADMIN_TOKEN=<bearer token of a person with the admin role> deploy/directory/import.sh FILE [--apply]
#
# Environment: HUB_ADMIN_TOKEN (required), HUB_URL (default http://127.0.0.1:8480). For a private CA set
# CURL_CA_BUNDLE. Exit status: 0 done (or nothing to do), 1 refused (the problem is printed: each violation names
# the agency and the rule), 2 usage or a file that is not JSON.
set -euo pipefail

usage() {
    echo "usage: HUB_ADMIN_TOKEN=... [HUB_URL=https://hub.example.org] $0 FILE [--apply]" >&2
    exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
file=$1
dry_run=true
if [ $# -eq 2 ]; then
    [ "$2" = "--apply" ] || usage
    dry_run=false
fi
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 2; }
[ -n "${HUB_ADMIN_TOKEN:-}" ] || { echo "HUB_ADMIN_TOKEN is not set" >&2; exit 2; }
hub=${HUB_URL:-http://127.0.0.1:8480}

answer=$(mktemp)
body=$(mktemp)
trap 'rm -f "$answer" "$body"' EXIT
# Sent as compact JSON (a Wales-size file, ~2,000 agencies, is then well under the hub's 2 MB body limit,
# quarkus.http.limits.max-body-size); a file that is not JSON stops here.
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; json.dump(json.load(sys.stdin), sys.stdout, separators=(",", ":"), ensure_ascii=False)' \
        < "$file" > "$body" 2>/dev/null || { echo "$file is not JSON (see: python3 -m json.tool $file)" >&2; exit 2; }
else
    cp "$file" "$body"
fi
# The token goes in a header read from a file descriptor, so it is not in the process list.
status=$(curl -sS --connect-timeout 10 --max-time 120 -o "$answer" -w '%{http_code}' \
    -H @<(printf 'Authorization: Bearer %s\n' "$HUB_ADMIN_TOKEN") \
    -H 'Content-Type: application/json' --data-binary @"$body" \
    "$hub/api/v1/console/directory/import?dry-run=$dry_run")

if command -v python3 >/dev/null 2>&1; then
    python3 -m json.tool < "$answer" 2>/dev/null || cat "$answer"
else
    cat "$answer"
fi
echo
if [ "$status" -ge 400 ]; then
    echo "refused: HTTP $status" >&2
    exit 1
fi
if [ "$dry_run" = true ]; then
    echo "dry run: nothing changed; run again with --apply to store it" >&2
fi

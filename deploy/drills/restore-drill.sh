#!/usr/bin/env bash
# The restore drill (deploy/README.md, section 9): restore a backup into a fresh database, start the hub on it, and
# reconcile the deliveries with the broker. RestoreDrillIT runs exactly these two steps in CI.
#
#   restore-drill.sh restore <dump file, pg_dump -Fc> <new database>
#       creates the database and restores the dump into it; prints what it holds. PGHOST, PGPORT, PGUSER (and
#       PGPASSWORD or ~/.pgpass) say where, as for psql.
#   restore-drill.sh reconcile <hub base URL> <file holding an operator's bearer token> <reason>
#       once the hub runs on the restored database: waits for it to be ready, then queues again every delivery the
#       database says is still to be delivered (POST /api/v1/operations/reconcile, audited with the reason).
#       Copies the broker holds for messages the backup does not have are dropped by the hub, one WARN line each
#       ("the database has no such delivery"): ask their senders to send them again.
set -euo pipefail

usage() {
  sed -n '2,14p' "$0" >&2
  exit 2
}

case "${1:-}" in
  restore)
    [ $# -eq 3 ] || usage
    dump=$2
    db=$3
    [ -r "$dump" ] || { echo "restore-drill: cannot read the dump $dump" >&2; exit 2; }
    createdb -E UTF8 -T template0 "$db"
    pg_restore --no-owner --exit-on-error -d "$db" "$dump"
    psql -X -q -d "$db" -At -c "select 'restored ' || (select count(*) from message) || ' messages; '
        || (select count(*) from delivery where state in ('accepted', 'queued', 'failed'))
        || ' deliveries still to be delivered; latest accepted ' || coalesce((select max(accepted_at)::text from message), 'none')"
    ;;
  reconcile)
    [ $# -eq 4 ] || usage
    url=${2%/}
    token=$(tr -d '\n' < "$3")
    reason=$(printf '%s' "$4" | sed 's/\\/\\\\/g; s/"/\\"/g')
    for _ in $(seq 1 120); do
      curl -fsS -o /dev/null "$url/q/health/ready" 2>/dev/null && break
      sleep 1
    done
    curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"reason\": \"$reason\"}" "$url/api/v1/operations/reconcile"
    echo
    ;;
  *)
    usage
    ;;
esac

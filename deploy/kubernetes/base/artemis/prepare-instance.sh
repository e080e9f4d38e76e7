#!/bin/sh
# The brokers' init container (statefulset-primary.yaml, statefulset-backup.yaml), on every start of the pod:
#  1. makes the broker instance on the volume the first time (as deploy/README.md section 2 does on a machine);
#  2. writes its etc/broker.xml from deploy/artemis/broker.xml with this side's HA fragment merged in, as section 2
#     says: the fragment's children of <core> go into broker.xml's <core>, replacing its <name> and its acceptor;
#     the fragment's host names primary/backup become the pods' names, and the acceptor listens on all interfaces;
#  3. sets the heap in etc/artemis.profile from ARTEMIS_JVM_MEMORY.
# Usage: prepare-instance.sh primary|backup. The files come from the ConfigMap artemis-config (/etc/artemis-config).
set -eu
side="$1"
instance=/var/lib/artemis-instance
config=/etc/artemis-config

if [ ! -x "$instance/bin/artemis" ]; then
  /opt/activemq-artemis/bin/artemis create "$instance" --silent \
    --user "$ARTEMIS_ADMIN_USER" --password "$ARTEMIS_ADMIN_PASSWORD" --role amq --require-login --aio \
    --http-host 0.0.0.0 --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor
fi

awk -v fragment="$config/broker-ha-$side.xml" '
  BEGIN {
    while ((getline line < fragment) > 0) {
      if (line ~ /^<core /) { inside = 1; continue }
      if (line ~ /^<\/core>/) { inside = 0; continue }
      if (inside) body = body line "\n"
    }
  }
  /^      <name>/ { next }
  /^      <acceptors>/ { skipping = 1 }
  skipping { if ($0 ~ /^      <\/acceptors>/) skipping = 0; next }
  /^   <\/core>/ { printf "%s", body }
  { print }
' "$config/broker.xml" \
  | sed -e '/<acceptor /s#tcp://\(primary\|backup\):61616#tcp://0.0.0.0:61616#' \
        -e 's#tcp://primary:61616#tcp://artemis-primary-0.artemis-primary:61616#g' \
        -e 's#tcp://backup:61616#tcp://artemis-backup-0.artemis-backup:61616#g' \
  > "$instance/etc/broker.xml.new"
mv "$instance/etc/broker.xml.new" "$instance/etc/broker.xml"

sed -i -e "s#-Xms[0-9]*[kKmMgG] -Xmx[0-9]*[kKmMgG]\( -XX:MaxDirectMemorySize=[0-9]*[kKmMgG]\)\?#$ARTEMIS_JVM_MEMORY#" \
  "$instance/etc/artemis.profile"

#!/bin/sh
# Prometheus reads no environment variables in its configuration, so the platform's metrics
# password is written to a file only Prometheus can read and referenced as password_file.
set -eu
: "${STATECRAFT_METRICS_PASSWORD:?STATECRAFT_METRICS_PASSWORD must be set}"
umask 077
mkdir -p /prometheus/secrets
printf '%s' "$STATECRAFT_METRICS_PASSWORD" > /prometheus/secrets/statecraft-metrics-password
exec /bin/prometheus \
  --config.file=/etc/prometheus/statecraft/prometheus.yml \
  --storage.tsdb.path=/prometheus \
  --storage.tsdb.retention.time=15d

#!/usr/bin/env bash
# The README's run command on free ports with a temporary data directory: the platform must become
# healthy, and the AWS CLI walk-through (cli-walkthrough.sh) must pass against it. The time to
# health is reported against its 20 s target, not asserted: a test suite asserts no timings, and a
# loaded machine stretches it, so the figure is printed here for the record. Only a platform that
# is not healthy after 120 s fails.
CHECK=jar
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../../../target/statecraft.jar"
need aws awscli
need jq jq
need curl curl
need python3 python3
[ -f "$JAR" ] || die "$JAR is missing: it is built in the package phase (mvn -B verify)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
HTTP_PORT=$(free_port)
TEMPORAL_PORT=$(free_port)
RUN_DIR=$(mktemp -d)
JAR_PID=""
stop_jar() {
  if [ -n "$JAR_PID" ] && kill -0 "$JAR_PID" 2>/dev/null; then
    kill "$JAR_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$JAR_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$JAR_PID" 2>/dev/null || true
  fi
  rm -rf "$RUN_DIR"
}
trap stop_jar EXIT
log "starting java -jar statecraft.jar on port $HTTP_PORT (Temporal on $TEMPORAL_PORT, data in $RUN_DIR)"
STARTED_MS=$(date +%s%3N)
"$JAVA" -jar "$JAR" --server.port="$HTTP_PORT" --statecraft.temporal.embedded.port="$TEMPORAL_PORT" \
  --statecraft.data-dir="$RUN_DIR/data" >"$RUN_DIR/statecraft.log" 2>&1 &
JAR_PID=$!
until curl -fsS "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "$JAR_PID" 2>/dev/null; then
    tail -n 50 "$RUN_DIR/statecraft.log" >&2
    die "the platform exited before it was healthy (log above)"
  fi
  if [ $(( $(date +%s%3N) - STARTED_MS )) -gt 120000 ]; then
    tail -n 50 "$RUN_DIR/statecraft.log" >&2
    die "the platform is not healthy after 120 s (log above)"
  fi
  sleep 0.1
done
HEALTHY_MS=$(( $(date +%s%3N) - STARTED_MS ))
log "health UP after ${HEALTHY_MS} ms (target: at most 20000 ms on an unloaded machine)"
[ "$HEALTHY_MS" -le 20000 ] || log "WARNING: above the 20 s target; see the load on this machine: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
log "running the AWS CLI walk-through"
"$HERE/cli-walkthrough.sh" "http://127.0.0.1:$HTTP_PORT" || {
  tail -n 80 "$RUN_DIR/statecraft.log" >&2
  die "the AWS CLI walk-through failed (platform log above)"
}

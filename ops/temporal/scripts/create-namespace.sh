#!/bin/sh
# Creates the Statecraft namespace and registers the platform's search attributes in it (the
# Keyword attributes of io.statecraft.api.temporal.SearchAttributes). Idempotent: what exists is
# left alone, so this runs at every start.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${STATECRAFT_NAMESPACE:=statecraft}"
: "${STATECRAFT_NAMESPACE_RETENTION:=720h}"
SEARCH_ATTRIBUTES="StatecraftStateMachineName StatecraftCurrentState StatecraftExecutionName"

# Runs "$@" until it succeeds, 30 times at most, 2 s apart: the frontend answers before its
# namespace cache has caught up with a namespace just created.
retry() {
  attempt=0
  until "$@"; do
    attempt=$((attempt + 1))
    if [ "$attempt" -ge 30 ]; then
      echo "giving up after $attempt attempts: $*" >&2
      return 1
    fi
    sleep 2
  done
}

retry temporal operator cluster health --address "$TEMPORAL_ADDRESS"

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" \
    --namespace "$STATECRAFT_NAMESPACE" >/dev/null 2>&1; then
  echo "Namespace $STATECRAFT_NAMESPACE exists"
else
  echo "Creating namespace $STATECRAFT_NAMESPACE (retention $STATECRAFT_NAMESPACE_RETENTION)"
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" \
    --namespace "$STATECRAFT_NAMESPACE" --retention "$STATECRAFT_NAMESPACE_RETENTION"
fi

existing() {
  temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" \
    --namespace "$STATECRAFT_NAMESPACE" --output json
}
retry existing >/dev/null

for name in $SEARCH_ATTRIBUTES; do
  if existing | grep -q "\"$name\""; then
    echo "Search attribute $name exists"
  else
    echo "Registering search attribute $name (Keyword)"
    retry temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" \
      --namespace "$STATECRAFT_NAMESPACE" --name "$name" --type Keyword
  fi
done
echo "Namespace $STATECRAFT_NAMESPACE is ready"

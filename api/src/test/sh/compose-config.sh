#!/usr/bin/env bash
# docker-compose.yml cannot be started without a Docker engine; Compose's own parser must at least
# accept it, with every file it refers to (ComposeFileTest checks what it says).
CHECK=compose
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
need docker-compose docker-compose
log "docker-compose -f docker-compose.yml config -q"
docker-compose -f "$ROOT/docker-compose.yml" config -q || die "docker-compose.yml is not a valid compose file"

#!/bin/sh
# Creates Temporal's schemas in PostgreSQL, or upgrades them to this admin-tools release.
# Safe to run at every start: `setup-schema -v 0.0` only records a version where none is, and
# `update-schema` applies only the versions above the recorded one.
set -eu

: "${SQL_PLUGIN:=postgres12}"
: "${SQL_HOST:?SQL_HOST must name the PostgreSQL host}"
: "${SQL_PORT:=5432}"
: "${SQL_USER:?SQL_USER must name the PostgreSQL user}"
: "${SQL_PASSWORD:?SQL_PASSWORD must be set}"
export SQL_PASSWORD
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

attempt=0
until nc -z -w 3 "$SQL_HOST" "$SQL_PORT"; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "PostgreSQL at $SQL_HOST:$SQL_PORT did not answer after $attempt attempts" >&2
    exit 1
  fi
  sleep 2
done

tool() {
  temporal-sql-tool --plugin "$SQL_PLUGIN" --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" "$@"
}

for database in temporal:temporal temporal_visibility:visibility; do
  name=${database%%:*}
  dir=${database##*:}
  echo "Temporal schema: $name"
  tool --db "$name" setup-schema -v 0.0
  tool --db "$name" update-schema -d "$SCHEMA_ROOT/$dir/versioned"
done
echo "Temporal schemas are up to date"

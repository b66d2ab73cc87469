#!/usr/bin/env bash
# Starts a PostgreSQL on 127.0.0.1 for the suite, installing Debian's package when it is absent, and creates
# a role and an empty database. Prints the JDBC URL. Usage: .ci/postgres.sh <database>
set -euo pipefail
db=${1:?database name}
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q . || pg_createcluster "$version" main >&2
pg_ctlcluster "$version" main start >&2 2>/dev/null || true    # already running is fine; start waits until ready
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
pg_isready -q -h 127.0.0.1 -p "$port" -t 30
psql_() { su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -c \"$1\"" >&2; }
psql_ "do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'gradcheck') then create role gradcheck login password 'gradcheck'; end if; end \\\$\\\$;"
psql_ "drop database if exists $db"
psql_ "create database $db owner gradcheck"
echo "jdbc:postgresql://127.0.0.1:$port/$db"

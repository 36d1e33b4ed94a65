#!/bin/sh
# Install (if needed) and start a local PostgreSQL, create a role and database for the store tests,
# and print the URL to export:   eval "$(scripts/ci-postgres.sh)"
set -eu
DB=${CROSSCHECK_PG_DB:-crosscheck_test}
ROLE=${CROSSCHECK_PG_ROLE:-crosscheck}
PASS=${CROSSCHECK_PG_PASSWORD:-crosscheck}
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  flock /tmp/apt.lock apt-get install -y postgresql >&2
fi
VER=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$VER main"; then
  pg_createcluster "$VER" main >&2
fi
if ! pg_lsclusters -h | grep "^$VER main" | grep -q online; then
  pg_ctlcluster "$VER" main start >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main" { print $3 }')
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_pg "psql -p $PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$ROLE'\"" | grep -q 1 ||
  as_pg "psql -p $PORT -qc \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASS'\"" >&2
as_pg "psql -p $PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 ||
  as_pg "createdb -p $PORT -O $ROLE $DB" >&2
echo "export CROSSCHECK_TEST_PG_URL=postgres://$ROLE:$PASS@127.0.0.1:$PORT/$DB"

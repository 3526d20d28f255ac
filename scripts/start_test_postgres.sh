#!/usr/bin/env bash
# Start a private PostgreSQL server on loopback for the storage tests and print its URL.
#
# Debian 12, run as root (or as a user who may run the server binaries). Idempotent: installs
# Debian's `postgresql` package only when no server binaries are present, creates the cluster only
# once, starts it only when it is not running, and creates the role and database only when absent.
# The last line of standard output is the one to eval:
#
#   eval "$(scripts/start_test_postgres.sh)"   # sets DERMCHARGE_TEST_PG_URL
#
# Settings (environment): DERMCHARGE_TEST_PG_PORT (54329), DERMCHARGE_TEST_PG_DIR
# (/tmp/dermcharge-test-pg). The cluster is a throwaway: fsync is off for speed, and autovacuum
# is off so no worker (which a non-superuser may not end) holds a test database being dropped.
# Stop it with:  runuser -u postgres -- /usr/lib/postgresql/*/bin/pg_ctl -D "$DIR/data" stop
set -euo pipefail

PORT="${DERMCHARGE_TEST_PG_PORT:-54329}"
BASE="${DERMCHARGE_TEST_PG_DIR:-/tmp/dermcharge-test-pg}"
DATA="$BASE/data"
ROLE="dermcharge_test"
PASSWORD="dermcharge_test"
DATABASE="dermcharge_test"

log() { echo "start_test_postgres: $*" >&2; }

find_server_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}

BIN="$(find_server_bin)"
if [ -z "$BIN" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
        exit 1
    fi
    log "installing Debian's postgresql package"
    # Debian's package would create and start a default cluster on port 5432; we need none.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/dermcharge-test.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    BIN="$(find_server_bin)"
    if [ -z "$BIN" ]; then
        log "installed postgresql but found no server binaries under /usr/lib/postgresql"
        exit 1
    fi
fi

# The server refuses to run as root: as root, run it as the package's `postgres` user.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

mkdir -p "$BASE"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$BASE"
fi
chmod 700 "$BASE"
cd "$BASE"  # the server user may not be allowed into the caller's directory

if [ ! -s "$DATA/PG_VERSION" ]; then
    log "creating a cluster in $DATA"
    as_server_user "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >&2
fi

if ! as_server_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting the server on 127.0.0.1:$PORT"
    as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
        -o "-p $PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c autovacuum=off" \
        start >&2
fi

psql_admin() {
    as_server_user "$BIN/psql" -h "$BASE" -p "$PORT" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 -qAt "$@"
}

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    log "creating role $ROLE"
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
# The tests create and drop one database per test, so the role needs CREATEDB.
psql_admin -c "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"

if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    log "creating database $DATABASE"
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

echo "export DERMCHARGE_TEST_PG_URL=postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"

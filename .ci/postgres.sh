#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from the Debian package (installed when missing):
# a fresh cluster in a temporary folder, on a free port, owned by the `postgres` user (PostgreSQL
# refuses to run as root). Source it; it exports QUELLENLAGE_TEST_POSTGRES and defines
# stop_test_postgres, which stops the server and removes the folder.
set -euo pipefail

_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(_pg_bin)" ]; then
    echo "installing PostgreSQL (apt-get install postgresql)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(_pg_bin)"
PG_DIR="$(mktemp -d /tmp/quellenlage-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
else
    PG_AS=()
fi
PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export QUELLENLAGE_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
echo "test PostgreSQL on port $PG_PORT ($("$PG_BIN/postgres" --version))" >&2

stop_test_postgres() {
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}

#!/bin/sh
# Parity of `dcval export --sql` on real engines (spec cli.md "export"):
# every contract of contracts/ and tests/sql/contracts/, a generated CSV
# that violates each of its check kinds (parity.py), the exported query
# run in DuckDB (npm @duckdb/node-api in tests/sql/node_modules, installed
# by .ci/deps) and in PostgreSQL 15 (a throwaway cluster on a private unix
# socket under a temporary folder, stopped and removed at the end, also on
# failure), each count equal to `dcval validate -r json`'s rules[].count.
# A missing engine fails when CI=true and is skipped with a message
# otherwise. Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DCVAL="$BUILD/dcval"
PY=/usr/bin/python3
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export LC_ALL=C

scratch=$(mktemp -d)
chmod 755 "$scratch"
pg_started=
pg_user=

stop_pg() {
	[ -n "$pg_started" ] || return 0
	if [ -n "$pg_user" ]; then
		su "$pg_user" -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$scratch/pg' -m immediate stop" >/dev/null 2>&1
	else
		"$PGBIN/pg_ctl" -D "$scratch/pg" -m immediate stop >/dev/null 2>&1
	fi
	pg_started=
}
cleanup() {
	stop_pg
	rm -rf "$scratch"
}
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM HUP

engines=
missing=

# DuckDB: node and the npm package.
if command -v node >/dev/null 2>&1 && [ -d "$ROOT/tests/sql/node_modules/@duckdb/node-api" ]; then
	engines=duckdb
else
	missing="duckdb (node and npm @duckdb/node-api: sh .ci/deps)"
fi

# PostgreSQL: initdb as an unprivileged user (postgres when we are root).
start_pg() {
	[ -x "$PGBIN/initdb" ] && command -v psql >/dev/null 2>&1 || return 1
	mkdir "$scratch/pg" "$scratch/sock" || return 1
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || return 1
		pg_user=postgres
		chown postgres "$scratch/pg" "$scratch/sock"
		run_pg() { su postgres -s /bin/sh -c "$1"; }
	else
		run_pg() { sh -c "$1"; }
	fi
	run_pg "'$PGBIN/initdb' -D '$scratch/pg' -U dcval -A trust -E UTF8 --locale=C.UTF-8 --no-sync" \
		>"$scratch/initdb.log" 2>&1 || { cat "$scratch/initdb.log"; return 1; }
	run_pg "'$PGBIN/pg_ctl' -D '$scratch/pg' -l '$scratch/sock/pg.log' -w -o \"-c listen_addresses='' -k '$scratch/sock' -c fsync=off\" start" \
		>/dev/null 2>&1 || { cat "$scratch/sock/pg.log"; return 1; }
	pg_started=1
	export PGHOST="$scratch/sock" PGUSER=dcval PGDATABASE=postgres
	unset PGPORT PGPASSWORD PGSERVICE
	return 0
}
if start_pg; then
	engines=${engines:+$engines,}postgres
else
	missing="${missing:+$missing; }postgres (PostgreSQL 15: $PGBIN)"
fi

extra_failed=0
if [ -n "$missing" ]; then
	if [ "${CI:-}" = true ]; then
		echo "FAIL sql: engine missing in CI: $missing"
		extra_failed=1
	else
		echo "sql: skipping engines not installed here: $missing"
	fi
fi
if [ -z "$engines" ]; then
	echo "0 passed, $extra_failed failed"
	exit 0
fi

out=$(PARITY_TMP="$scratch" PARITY_NODE="$ROOT/tests/sql/duckdb.mjs" \
	"$PY" "$ROOT/tests/sql/parity.py" "$DCVAL" "$engines" \
	$(ls "$ROOT"/contracts/*.yaml "$ROOT"/tests/sql/contracts/*.yaml 2>/dev/null) 2>&1)
printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
line=$(printf '%s\n' "$out" | grep '^[0-9]* passed, [0-9]* failed$' | tail -n 1)
if [ -z "$line" ]; then
	echo "FAIL sql: parity.py gave no summary"
	echo "0 passed, $((extra_failed + 1)) failed"
	exit 1
fi
p=${line%% passed*}
f=${line##*, }
f=${f%% failed}
echo "$p passed, $((f + extra_failed)) failed"

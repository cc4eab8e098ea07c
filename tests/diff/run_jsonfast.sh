#!/bin/sh
# Differential test of the JSON Lines fast path against the strict path
# alone (DCVAL_JSON_SLOWPATH=1): tests/diff/jsonfast_diff.py on generated
# files (JSONFAST_SEEDS, default 1-40, of 200 records). Ends with
# "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
PY=/usr/bin/python3
if [ ! -x "$PY" ]; then
	echo "FAIL diff/jsonfast: $PY not found"
	echo "0 passed, 1 failed"
	exit 1
fi
exec "$PY" "$ROOT/tests/diff/jsonfast_diff.py" --dcval "$BUILD/dcval" \
	--seeds "${JSONFAST_SEEDS:-1-40}" --records "${JSONFAST_RECORDS:-200}"

#!/bin/sh
# Differential test of the JSON Lines and JSON array readers against
# Python's json module (tests/diff/json_diff.py): a bounded, seeded run
# in `make check` (DIFF_SEEDS, default 1-8: 16 inputs of 300 records), a
# long one under `make fuzz`. Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
PY=/usr/bin/python3
if [ ! -x "$PY" ]; then
	echo "FAIL diff/json: $PY not found"
	echo "0 passed, 1 failed"
	exit 1
fi
exec "$PY" "$ROOT/tests/diff/json_diff.py" --dcval "$BUILD/dcval" \
	--seeds "${DIFF_SEEDS:-1-8}" --records "${DIFF_RECORDS:-300}"

#!/bin/sh
# The property test of sharded runs (prop.py): SHARD_N random cases
# (default 10) from seed SHARD_SEED, each split into random parts and
# merged in every report format and several --max-violations values.
# Failing cases are kept in $BUILD/shard-fail/. Ends with "N passed, N
# failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
if [ ! -x "$BUILD/dcval" ]; then
	echo "FAIL shard: $BUILD/dcval not built"
	echo "0 passed, 1 failed"
	exit 1
fi
exec /usr/bin/python3 "$ROOT/tests/shard/prop.py" --dcval "$BUILD/dcval" \
	--n "${SHARD_N:-10}" --seed "${SHARD_SEED:-20261202}" \
	--keep "$BUILD/shard-fail"

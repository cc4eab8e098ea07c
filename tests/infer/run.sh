#!/bin/sh
# The round-trip property test of `dcval infer` (roundtrip.py): every data
# file of tests/, examples/ and the conformance suites, then
# INFER_N random tables (default 40) from seed INFER_SEED. Failing cases
# are kept in $BUILD/infer-fail/. Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
if [ ! -x "$BUILD/dcval" ]; then
	echo "FAIL infer: $BUILD/dcval not built"
	echo "0 passed, 1 failed"
	exit 1
fi
dirs="$ROOT/tests $ROOT/examples"
[ -d /work/shared/conformance ] && dirs="$dirs /work/shared/conformance"
exec /usr/bin/python3 "$ROOT/tests/infer/roundtrip.py" --dcval "$BUILD/dcval" \
	--dirs $dirs --n "${INFER_N:-40}" --seed "${INFER_SEED:-20261202}" \
	--keep "$BUILD/infer-fail"

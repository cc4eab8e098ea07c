#!/bin/sh
# CSV differential test (tests/diff/csvdiff.py): random CSV and TSV inputs
# and the real files of tests/diff/data/, read by dcval and by Python's csv
# module, must give the same records, lines, fields and quarantine
# partition. DIFF_CSV_N inputs (default 300) from seed DIFF_CSV_SEED;
# failing inputs are kept in $BUILD/diff-csv-fail/. Ends with
# "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
for bin in "$BUILD/dcval" "$BUILD/tests/diff/csvdump"; do
	if [ ! -x "$bin" ]; then
		echo "FAIL csv-diff: $bin not built"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
exec /usr/bin/python3 "$ROOT/tests/diff/csvdiff.py" --dcval "$BUILD/dcval" \
	--csvdump "$BUILD/tests/diff/csvdump" --data "$ROOT/tests/diff/data" \
	--n "${DIFF_CSV_N:-300}" --seed "${DIFF_CSV_SEED:-20261121}" \
	--keep "$BUILD/diff-csv-fail"

#!/bin/sh
# Run every test of the suite: the cmocka unit binaries in $BUILD/tests,
# the contract goldens, the CLI goldens, the hostile corpus, the output
# safety table (tests/outputs/run.sh), the fuzz corpus replay and the
# differential tests of the CSV and JSON readers (Python's csv and json).
# Ends with one line "N passed, N failed" summing all of them.
BUILD=${BUILD:-build}
export LC_ALL=C
passed=0
failed=0
failures=""

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	if [ "$f" -ne 0 ]; then
		printf '%s\n' "$out"
		failures="$failures $(basename "$t")"
	fi
	echo "unit $(basename "$t"): $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
done

for runner in tests/contracts/run.sh tests/cli/run.sh tests/hostile/run.sh tests/outputs/run.sh tests/fuzz/run.sh \
	tests/diff/run_csv.sh tests/diff/run_json.sh tests/diff/run_jsonfast.sh tests/sensitive/run.sh \
	tests/install/run.sh tests/precommit/run.sh tests/sarif/run.sh tests/sql/run.sh \
	tests/infer/run.sh tests/live/run.sh tests/embed/run.sh tests/shard/run.sh \
	tests/dask/run.sh tests/par/run.sh; do
	[ -f "$runner" ] || continue
	t0=$(date +%s)
	out=$(BUILD="$BUILD" sh "$runner" 2>&1)
	t1=$(date +%s)
	printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
	line=$(printf '%s\n' "$out" | grep '^[0-9]* passed, [0-9]* failed$' | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
	if [ -z "$line" ]; then
		p=0
		f=1
		echo "$runner: no summary line"
	fi
	echo "$runner: $p passed, $f failed ($((t1 - t0)) s)"
	[ "$f" -eq 0 ] || failures="$failures $runner"
	passed=$((passed + p))
	failed=$((failed + f))
done

[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

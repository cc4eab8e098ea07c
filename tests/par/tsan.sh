#!/bin/sh
# Parallel validation under ThreadSanitizer (make check-tsan): the
# binary of BUILD (built with SANITIZE=thread) checks generated CSV and
# JSON Lines at -j 4 in small chunks, with quarantine outputs, fail-fast
# and an early stop, from files and through a pipe; any report of a data
# race fails.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build-tsan}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66" LC_ALL=C
/usr/bin/python3 "$ROOT/tests/par/gen.py" "$scratch" 20000 || exit 1
fail=0
# expect1 WHAT: the last run exited 1 (violations), else a failure WHAT
expect1() {
	rc=$?
	if [ "$rc" -ne 1 ]; then
		echo "tsan: $1: exit $rc"
		tail -n 30 "$scratch/out"
		fail=1
	fi
}
for input in data.csv data.jsonl; do
	for opts in "" "--fail-fast" "--max-violations 3"; do
		DCVAL_CHUNK_BYTES=4096 "$BUILD/dcval" validate -j 4 -c "$ROOT/tests/par/contract.yaml" \
			--valid-out "$scratch/v" --invalid-out "$scratch/i" $opts \
			"$scratch/$input" >"$scratch/out" 2>&1
		expect1 "$input $opts"
	done
done
# the same through a pipe written in bursts with pauses (feed.py): the
# calling thread waits for the writer or a worker, and checks some chunks
# itself
for input in data.csv data.jsonl; do
	/usr/bin/python3 "$ROOT/tests/par/feed.py" "$scratch/$input" 7 |
		DCVAL_CHUNK_BYTES=4096 "$BUILD/dcval" validate -j 4 -f "${input##*.}" \
			-c "$ROOT/tests/par/contract.yaml" --valid-out "$scratch/v" \
			--invalid-out "$scratch/i" - >"$scratch/out" 2>&1
	expect1 "$input through a pipe"
done
[ "$fail" -eq 0 ] && echo "check-tsan: parallel validation ok"
exit "$fail"

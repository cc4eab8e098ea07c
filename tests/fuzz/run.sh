#!/bin/sh
# Fuzz corpus replay: every file of tests/fuzz/corpus/<target>/ through
# the target's replay driver ($BUILD/tests/fuzz/replay_<target>, built
# from tests/fuzz/replay.c with the normal compiler). One test per file;
# ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
passed=0
failed=0
for dir in "$ROOT"/tests/fuzz/corpus/*/; do
	t=$(basename "$dir")
	bin="$BUILD/tests/fuzz/replay_$t"
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz/$t: $bin not built"
		failed=$((failed + 1))
		continue
	fi
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		if out=$("$bin" "$f" 2>&1); then
			passed=$((passed + 1))
		else
			echo "FAIL fuzz/$t/$(basename "$f")"
			printf '%s\n' "$out" | tail -n 20
			failed=$((failed + 1))
		fi
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

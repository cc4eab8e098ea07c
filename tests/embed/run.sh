#!/bin/sh
# The embedding example (examples/embed/embed.c), built by make check:
# its output on contracts/events.yaml must be tests/embed/embed.out.
# Ends with "N passed, N failed".
BUILD=${BUILD:-build}
out=$("$BUILD/examples/embed" contracts/events.yaml 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$out" = "$(cat tests/embed/embed.out)" ]; then
	echo "1 passed, 0 failed"
else
	echo "FAIL embed: exit $rc"
	printf '%s\n' "$out" | diff tests/embed/embed.out - | head -20
	echo "0 passed, 1 failed"
fi

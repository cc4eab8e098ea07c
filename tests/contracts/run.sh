#!/bin/sh
# Contract goldens (house style 7): every tests/contracts/invalid/<case>/
# holds contract.yaml and `expected`, one line "LINE:COL: message" that
# `dcval lint` must print after "dcval: <path>:" on the first stderr line,
# exiting 2. Every tests/contracts/valid/<case>/ holds contract.yaml and
# `expected`, the exact stdout of `dcval lint --dump-compiled`, exit 0.
#
#   BUILD=build sh tests/contracts/run.sh     run (default BUILD=build)
#   UPDATE=1 sh tests/contracts/run.sh        rewrite the expected files
#   VALGRIND=1 sh tests/contracts/run.sh      run dcval under valgrind
#
# Ends with one line "N passed, N failed"; exits 1 when any case failed.
BUILD=${BUILD:-build}
DCVAL=${DCVAL:-$BUILD/dcval}
export LC_ALL=C
dir=$(dirname "$0")
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0

run() {
	if [ -n "$VALGRIND" ]; then
		valgrind -q --leak-check=full --error-exitcode=99 "$DCVAL" "$@"
	else
		"$DCVAL" "$@"
	fi
}

pass() {
	passed=$((passed + 1))
}

fail() {
	failed=$((failed + 1))
	echo "FAIL $1: $2"
}

check_invalid() {
	c=$1/contract.yaml
	run lint "$c" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	first=$(head -n 1 "$tmp/err")
	prefix="dcval: $c:"
	got=${first#"$prefix"}
	if [ -n "$UPDATE" ] && [ "$rc" -eq 2 ] && [ "$got" != "$first" ]; then
		printf '%s\n' "$got" >"$1/expected"
	fi
	want=$(cat "$1/expected" 2>/dev/null)
	if [ "$rc" -ne 2 ]; then
		fail "$1" "exit $rc, expected 2"
	elif [ "$got" = "$first" ] || [ "$got" != "$want" ]; then
		fail "$1" "got '$first', expected '$prefix$want'"
	else
		pass
	fi
}

check_valid() {
	c=$1/contract.yaml
	run lint --dump-compiled "$c" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ -n "$UPDATE" ] && [ "$rc" -eq 0 ]; then
		cp "$tmp/out" "$1/expected"
	fi
	if [ "$rc" -ne 0 ]; then
		fail "$1" "exit $rc, expected 0: $(head -n 1 "$tmp/err")"
	elif ! cmp -s "$tmp/out" "$1/expected"; then
		fail "$1" "dump differs:"
		diff "$1/expected" "$tmp/out" | head -n 20
	else
		pass
	fi
}

if [ ! -x "$DCVAL" ]; then
	echo "$DCVAL: not built"
	echo "0 passed, 1 failed"
	exit 1
fi
for d in "$dir"/invalid/*/; do
	[ -f "${d}contract.yaml" ] && check_invalid "${d%/}"
done
for d in "$dir"/valid/*/; do
	[ -f "${d}contract.yaml" ] && check_valid "${d%/}"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Determinism of parallel validation (-j, issue 15): the report, the exit
# code and both quarantine outputs are byte-identical to -j 1.
#  1. Every CLI golden case (tests/cli, whose expectations are -j 1's)
#     runs again with DCVAL_JOBS=2 and 4 (-j when a case gives none) and
#     DCVAL_CHUNK_BYTES small, so that even small inputs run as many
#     chunks.
#  2. A generated 200,000-record CSV (quoted newlines, CRLF stretches,
#     stray quotes, short rows, invalid UTF-8, type, enum, format, unique
#     and primary key errors) and its JSON Lines equivalent, at -j 1, 2
#     and 4, in every report format, with both quarantine outputs, with
#     --fail-fast and with --max-violations.
#  3. The same two files through a pipe (a live input), written in random
#     pieces with pauses (feed.py), at -j 2 and -j 4 against -j 1 through
#     the same pipe: the parallel path waits for the writer with chunks
#     in flight.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DCVAL="$BUILD/dcval"
# Under a sanitizer (make check SANITIZE=..., a second pass over the same
# code) the goldens run once, at the harsher setting, and the generated
# file is a tenth as long: the sanitizer looks for memory and UB faults,
# which the plain pass's full-size determinism run does not need twice.
# The small file goes parallel only with a chunk size set (inputs under
# 4 MiB run on one thread by default), so its runs all set one.
if [ -n "${SANITIZE:-}" ]; then
	N=${PAR_ROWS:-20000}
	KNOBS=${PAR_KNOBS:-"4 700"}
	JCS=${PAR_JCS:-"2 65536,4 100000"}
else
	N=${PAR_ROWS:-200000}
	KNOBS=${PAR_KNOBS:-"2 1,4 700"}
	JCS=${PAR_JCS:-"2 0,2 65536,4 100000"}
fi
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export LC_ALL=C

IFS_SAVE=$IFS
IFS=,
set -- $KNOBS
IFS=$IFS_SAVE
for knobs in "$@"; do
	set -- $knobs
	out=$(DCVAL_JOBS=$1 DCVAL_CHUNK_BYTES=$2 BUILD="$BUILD" sh "$ROOT/tests/cli/run.sh" 2>&1)
	line=$(printf '%s\n' "$out" | grep '^[0-9]* passed, [0-9]* failed$' | tail -n 1)
	f=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
	if [ -n "$line" ] && [ "$f" -eq 0 ]; then
		passed=$((passed + 1))
	else
		printf '%s\n' "$out" | grep -v '^ok' | tail -n 20
		echo "FAIL goldens at DCVAL_JOBS=$1 DCVAL_CHUNK_BYTES=$2"
		failed=$((failed + 1))
	fi
done

/usr/bin/python3 "$ROOT/tests/par/gen.py" "$scratch" "$N" || exit 1
c="$ROOT/tests/par/contract.yaml"

# run NAME JOBS CHUNK ARGS...: outputs in $scratch/NAME.{out,exit,valid,invalid}
run() {
	name=$1 jobs=$2 chunk=$3
	shift 3
	if [ "$chunk" = 0 ]; then
		"$DCVAL" validate -c "$c" -j "$jobs" --valid-out "$scratch/$name.valid" \
			--invalid-out "$scratch/$name.invalid" "$@" >"$scratch/$name.out" 2>&1
	else
		DCVAL_CHUNK_BYTES=$chunk "$DCVAL" validate -c "$c" -j "$jobs" \
			--valid-out "$scratch/$name.valid" --invalid-out "$scratch/$name.invalid" \
			"$@" >"$scratch/$name.out" 2>&1
	fi
	echo $? >"$scratch/$name.exit"
}

same() {
	for ext in out exit valid invalid; do
		cmp -s "$scratch/$1.$ext" "$scratch/$2.$ext" || return 1
	done
}

# agree WHAT: the par run's outputs are the one run's, or a failure WHAT
agree() {
	if same one par; then
		passed=$((passed + 1))
	else
		echo "FAIL $1 differs from -j 1"
		for ext in out exit valid invalid; do
			cmp "$scratch/one.$ext" "$scratch/par.$ext"
		done
		failed=$((failed + 1))
	fi
}

for input in data.csv data.jsonl; do
	for opts in "-r text" "-r json" "-r jsonl" "-r junit" "-r github" "-r sarif" \
		"-r text --fail-fast" "-r json --max-violations 7"; do
		run one 1 0 $opts "$scratch/$input"
		IFS=,
		set -- $JCS
		IFS=$IFS_SAVE
		for jc in "$@"; do
			set -- $jc
			run par "$1" "$2" $opts "$scratch/$input"
			agree "$input $opts: -j $1 (chunk $2)"
		done
	done
done

# run_pipe NAME JOBS CHUNK SEED ARGS...: as run, the input through feed.py
run_pipe() {
	name=$1 jobs=$2 chunk=$3 seed=$4
	shift 4
	/usr/bin/python3 "$ROOT/tests/par/feed.py" "$input" "$seed" |
		DCVAL_CHUNK_BYTES=$chunk "$DCVAL" validate -c "$c" -j "$jobs" \
			--valid-out "$scratch/$name.valid" --invalid-out "$scratch/$name.invalid" \
			"$@" - >"$scratch/$name.out" 2>&1
	echo $? >"$scratch/$name.exit"
}

seed=0
for input in "$scratch/data.csv" "$scratch/data.jsonl"; do
	fmt=${input##*.}
	for opts in "-r jsonl" "-r text --fail-fast" "-r json --max-violations 7"; do
		seed=$((seed + 1))
		run_pipe one 1 0 "$seed" -f "$fmt" $opts
		for jc in "2 0" "4 100000"; do
			set -- $jc
			seed=$((seed + 1))
			run_pipe par "$1" "$2" "$seed" -f "$fmt" $opts
			agree "pipe $input $opts: -j $1 (chunk $2)"
		done
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

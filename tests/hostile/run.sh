#!/bin/sh
# Hostile corpus: every line of tests/hostile/cases is one run of
#   dcval validate -c contracts/CONTRACT [FLAGS] INPUT
# judged by its exit code and, when given, a text that standard output or
# standard error must contain. Line format (fields separated by '|'):
#   NAME | EXIT | CONTRACT | INPUT | FLAGS | EXPECT
# INPUT is a file of tests/hostile/inputs/, or gen:NAME for a big input
# generated at test time (never committed; see gen() below). Then the
# I/O fault tests of tests/hostile/faults.sh, the compressed inputs of
# tests/hostile/compressed.sh (bombs, corrupt and truncated data) and the
# hostile file names of tests/hostile/names.sh run. Every run has a time
# limit, so a hang is a failure. Ends with "N passed, N failed".
#   VALGRIND=1   run dcval under valgrind (errors and leaks fail); the
#                big generated inputs are skipped
#   SANITIZE=... (set by make check SANITIZE=...) skips the 200 MB field
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
H="$ROOT/tests/hostile"
DCVAL="$BUILD/dcval"
export LC_ALL=C
VG=""
if [ -n "$VALGRIND" ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --show-possibly-lost=no --errors-for-leak-kinds=definite,indirect"
fi
LIMIT=${HOSTILE_TIMEOUT:-120}
passed=0
failed=0
skipped=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# gen NAME: path of the generated input NAME, created on first use.
gen() {
	f="$scratch/gen_$1"
	[ -f "$f" ] && { echo "$f"; return; }
	case $1 in
	commas_1mb.csv) # header, then one 1 MB line of commas
		{ echo a,b,c; head -c 1000000 /dev/zero | tr '\0' ,; echo; } >"$f" ;;
	columns_100k.csv) # a 100,000-column header and one row
		{ seq 1 100000 | sed 's/^/c/' | paste -sd, -; seq 1 100000 | paste -sd, -; } >"$f" ;;
	field_200mb.csv) # one 200 MB field: past the 16 MiB cap
		{ echo a; head -c 200000000 /dev/zero | tr '\0' a; echo; echo ok; } >"$f" ;;
	digits_10k.csv) # numbers with 10,000 digits
		d=$(head -c 10000 /dev/zero | tr '\0' 7)
		printf 'i,n\n1,0.%s\n%s,1\n2,%s\n' "$d" "$d" "$d" >"$f" ;;
	regex_100k.csv) # 100 KB of 'a' then 'b' against ^(a+)+$
		{ echo a; head -c 100000 /dev/zero | tr '\0' a; echo b; } >"$f" ;;
	lines_1m.csv) # a million records
		{ echo a,b,c; seq 1 1000000 | sed 's/$/,x,y/'; } >"$f" ;;
	deep_3000.jsonl) # nesting past jansson's depth limit (2048)
		python3 -c "print('{\"id\": 1, \"s\": ' + '['*3000 + ']'*3000 + '}')" >"$f" ;;
	deep_2000.jsonl) # nesting just under it, in an undeclared key
		python3 -c "print('{\"id\": 1, \"x\": ' + '['*2000 + ']'*2000 + '}')" >"$f" ;;
	deep_100k.json) # an array element nested 100,000 deep
		python3 -c "print('[' + '['*100000 + ']'*100000 + ', {\"id\": 2}]')" >"$f" ;;
	digits_10k.jsonl) # a 10,000-digit integer
		printf '{"id": %s}\n' "$(head -c 10000 /dev/zero | tr '\0' 9)" >"$f" ;;
	line_70mb.jsonl) # one line past the 64 MiB default cap, then a good one
		{ printf '{"s": "'; head -c 70000000 /dev/zero | tr '\0' x; printf '"}\n{"id": 1}\n'; } >"$f" ;;
	keys_20k.jsonl) # 20,000 distinct undeclared keys (extra_column cap)
		python3 -c "print('{' + ', '.join('\"k%d\": 1' % i for i in range(20000)) + '}')" >"$f" ;;
	deep_contract.yaml) # contract nested 10,000 deep
		python3 -c "print('contract: deep\ncolumns: ' + '['*10000 + ']'*10000)" >"$f" ;;
	columns_5k.yaml) # a contract with 5,000 columns
		{ printf 'contract: wide\ncolumns:\n'; seq 1 5000 | sed 's/.*/  - {name: c&, type: integer, unique: true}/'; } >"$f" ;;
	huge_key.yaml) # a 1 MB mapping key
		{ printf 'contract: t\n'; head -c 1000000 /dev/zero | tr '\0' k; printf ': 1\ncolumns:\n  - {name: a, type: string}\n'; } >"$f" ;;
	vector_10mb.csv) # one 10 MB vector of two million elements
		{ printf 'id,v\n1,"['; yes '0.5,' | head -n 2000000 | tr -d '\n'; printf '0.5]"\n2,[]\n'; } >"$f" ;;
	vector_10mb.jsonl) # the same as a JSON array
		{ printf '{"id": 1, "v": ['; yes '0.5,' | head -n 2000000 | tr -d '\n'; printf '0.5]}\n{"id": 2, "v": []}\n'; } >"$f" ;;
	vector_deep_100k.csv) # a vector field nested 100,000 deep
		{ printf 'id,v\n1,"'; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf '"\n'; } >"$f" ;;
	vector_deep_2000.jsonl) # a vector value nested 2,000 deep (parses), then 3,000 (malformed)
		{ printf '{"id": 1, "v": '; head -c 2000 /dev/zero | tr '\0' '['; printf 1; head -c 2000 /dev/zero | tr '\0' ']'; printf '}\n{"id": 2, "v": '; head -c 3000 /dev/zero | tr '\0' '['; head -c 3000 /dev/zero | tr '\0' ']'; printf '}\n'; } >"$f" ;;
	vector_digits.csv) # elements of 10,000 digits and one beyond the double range
		d=$(head -c 10000 /dev/zero | tr '\0' 7)
		printf 'id,v\n1,"[0.%s, 1]"\n2,"[%s]"\n' "$d" "$d" >"$f" ;;
	*) echo "unknown generator $1" >&2; return 1 ;;
	esac
	echo "$f"
}

trim() { printf '%s' "$1" | sed 's/^ *//;s/ *$//'; }

# run_case NAME EXIT CONTRACT INPUT FLAGS EXPECT
run_case() {
	name=$1 want=$2 contract=$3 input=$4 flags=$5 expect=$6
	case "$input" in
	gen:*)
		if [ -n "$VALGRIND" ]; then
			skipped=$((skipped + 1))
			return
		fi
		input=$(gen "${input#gen:}") || { failed=$((failed + 1)); return; }
		;;
	'') ;;
	*) input="$H/inputs/$input" ;;
	esac
	case "$contract" in
	gen:*) contract=$(gen "${contract#gen:}") ;;
	*) contract="$H/contracts/$contract" ;;
	esac
	out="$scratch/out"
	# shellcheck disable=SC2086
	(cd "$scratch" && timeout "$LIMIT" $VG "$DCVAL" validate -c "$contract" $flags $input) \
		>"$out" 2>&1 </dev/null
	rc=$?
	ok=1
	if [ "$rc" != "$want" ]; then
		echo "--- $name: exit $rc, expected $want"
		ok=0
	fi
	if [ -n "$expect" ] && ! grep -qF -- "$expect" "$out"; then
		echo "--- $name: output lacks: $expect"
		ok=0
	fi
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|==[0-9]+==' "$out"; then
		echo "--- $name: sanitizer or valgrind report"
		ok=0
	fi
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		head -c 2000 "$out" | head -n 15
		echo "FAIL hostile/$name"
		failed=$((failed + 1))
	fi
}

while IFS='|' read -r name want contract input flags expect; do
	name=$(trim "$name")
	case "$name" in ''|'#'*) continue ;; esac
	run_case "$name" "$(trim "$want")" "$(trim "$contract")" "$(trim "$input")" \
		"$(trim "$flags")" "$(trim "$expect")"
done <"$H/cases"

. "$H/faults.sh"
. "$H/compressed.sh"
. "$H/names.sh"

[ "$skipped" -eq 0 ] || echo "hostile: skipped $skipped big generated inputs under valgrind"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

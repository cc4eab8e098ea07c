#!/bin/sh
# CLI goldens. Each case is tests/cli/<area>/<name>.sh, run by sh in a
# fresh scratch directory with
#   DCVAL  the binary under test (absolute path)
#   T      the case's directory (absolute), for its data files
#   ROOT   the repository root
# and judged by the files beside it:
#   <name>.exit                 expected exit code (required)
#   <name>.stdout.exact|.glob   expected standard output
#   <name>.stderr.exact|.glob   expected standard error
# A .glob file holds one shell pattern per line; a line "..." matches any
# number of lines. Missing expectation files mean "not checked", except
# that stderr must then be empty when the expected exit code is 0 or 1.
# UPDATE=1 rewrites .exit and the .exact files from the actual run.
# VALGRIND=1 runs the binary under valgrind (leaks and errors fail).
# A case with a <name>.nosanitize file is skipped when SANITIZE is set.
# Every junit report a case writes (to standard output, standard error
# or an -o file) must validate against tests/junit/junit.xsd: DCVAL is
# then tests/cli/junit_check.sh, which runs the binary (DCVAL_REAL) and
# checks the report with xmllint.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DCVAL="$BUILD/dcval"
if [ -n "$VALGRIND" ]; then
	wrap="$BUILD/dcval-valgrind"
	printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --show-possibly-lost=no --errors-for-leak-kinds=definite,indirect "%s" "$@"\n' "$DCVAL" >"$wrap"
	chmod +x "$wrap"
	DCVAL=$wrap
fi
passed=0
failed=0
junit_ok=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Every junit report a case writes is validated against the schema
# (tests/cli/junit_check.sh stands in for the binary); a report that
# does not validate fails its case.
JUNIT_XSD="$ROOT/tests/junit/junit.xsd"
DCVAL_REAL=$DCVAL
if command -v xmllint >/dev/null 2>&1; then
	DCVAL="$scratch/dcval"
	printf '#!/bin/sh\nexec sh "%s" "$@"\n' "$ROOT/tests/cli/junit_check.sh" >"$DCVAL"
	chmod +x "$DCVAL"
else
	echo "xmllint not found: junit reports are not validated"
fi
export DCVAL DCVAL_REAL JUNIT_XSD ROOT LC_ALL=C

# glob_match EXPECTED ACTUAL: 0 when every line matches.
glob_match() {
	awk -v expf="$1" '
	function toregex(p,   r, i, c) {
		r = "^"
		for (i = 1; i <= length(p); i++) {
			c = substr(p, i, 1)
			if (c == "*") r = r ".*"
			else if (c == "?") r = r "."
			else if (index("\\^$.[]|()+{}", c)) r = r "\\" c
			else r = r c
		}
		return r "$"
	}
	BEGIN { n = 0; while ((getline l < expf) > 0) pat[++n] = l }
	{ act[++m] = $0 }
	END {
		i = 1; j = 1
		while (i <= n) {
			if (pat[i] == "...") {
				if (i == n) exit 0
				while (j <= m && act[j] !~ toregex(pat[i + 1])) j++
				if (j > m) exit 1
				i++
				continue
			}
			if (j > m || act[j] !~ toregex(pat[i])) exit 1
			i++; j++
		}
		exit (j <= m)
	}' "$2"
}

check_stream() { # case stream actualfile expected-exit
	base=$1
	if [ -f "$base.$2.exact" ]; then
		if [ -n "$UPDATE" ]; then cp "$3" "$base.$2.exact"; return 0; fi
		cmp -s "$3" "$base.$2.exact" && return 0
		echo "--- $base.$2: expected / actual"
		diff "$base.$2.exact" "$3" | head -n 20
		return 1
	fi
	if [ -f "$base.$2.glob" ]; then
		glob_match "$base.$2.glob" "$3" && return 0
		echo "--- $base.$2 does not match $base.$2.glob; actual:"
		head -n 20 "$3"
		return 1
	fi
	if [ "$2" = stderr ] && [ "$4" -le 1 ] && [ -s "$3" ]; then
		echo "--- $base: unexpected stderr:"
		head -n 10 "$3"
		return 1
	fi
	return 0
}

for t in "$ROOT"/tests/cli/*/*.sh; do
	[ -f "$t" ] || continue
	base=${t%.sh}
	# memory-limit tests cannot run under ASan, which maps terabytes,
	# nor under valgrind
	if [ -n "$SANITIZE$VALGRIND" ] && [ -f "$base.nosanitize" ]; then
		echo "skip ${base#"$ROOT"/tests/cli/} (not under sanitizers or valgrind)"
		continue
	fi
	name=${base#"$ROOT"/tests/cli/}
	dir="$scratch/$(echo "$name" | tr / _)"
	mkdir -p "$dir"
	T=$(dirname "$t")
	JUNIT_LOG="$dir/.junit"
	export T JUNIT_LOG
	(cd "$dir" && sh "$t" >"$dir/.stdout" 2>"$dir/.stderr" </dev/null)
	rc=$?
	if [ -n "$UPDATE" ]; then
		echo "$rc" >"$base.exit"
		[ -f "$base.stdout.glob" ] || cp "$dir/.stdout" "$base.stdout.exact"
		[ -f "$base.stderr.glob" ] || cp "$dir/.stderr" "$base.stderr.exact"
	fi
	want=$(cat "$base.exit" 2>/dev/null || echo missing)
	ok=1
	if [ "$rc" != "$want" ]; then
		echo "--- $name: exit $rc, expected $want"
		ok=0
	fi
	check_stream "$base" stdout "$dir/.stdout" "$want" || ok=0
	check_stream "$base" stderr "$dir/.stderr" "$want" || ok=0
	if [ -s "$dir/.junit" ]; then
		echo "--- $name: a junit report does not validate against tests/junit/junit.xsd"
		head -n 20 "$dir/.junit"
		ok=0
	fi
	[ -f "$dir/.junit.ok" ] && junit_ok=$((junit_ok + $(wc -l <"$dir/.junit.ok")))
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
done
echo "junit reports validated against the schema: $junit_ok"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

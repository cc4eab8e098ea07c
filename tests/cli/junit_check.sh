#!/bin/sh
# Stand-in for dcval in the CLI goldens (tests/cli/run.sh): runs the real
# binary ($DCVAL_REAL) with the same arguments, and when that run writes
# a junit report (-r junit / --report junit / --report=junit) validates
# the report against tests/junit/junit.xsd with xmllint. A report that
# does not validate is appended to $JUNIT_LOG, which fails the case.
# Every validated report adds a line "ok" to $JUNIT_LOG.ok. Standard
# output, standard error and the exit code are the real run's.
junit=0
quiet=0
std_quarantine=0
out=""
prev=""
for a in "$@"; do
	case $prev in
	-r | --report) [ "$a" = junit ] && junit=1 ;;
	-o | --output) out=$a ;;
	--valid-out | --invalid-out) [ "$a" = - ] && std_quarantine=1 ;;
	esac
	case $a in
	--report=junit | -rjunit) junit=1 ;;
	--output=*) out=${a#--output=} ;;
	-q | --quiet) quiet=1 ;;
	esac
	prev=$a
done
[ "$junit" = 1 ] && [ "$quiet" = 0 ] || exec "$DCVAL_REAL" "$@"

check() { # FILE ARGS...
	f=$1
	shift
	[ -s "$f" ] || return 0 # no report written (usage error, ...)
	if xmllint --noout --schema "$JUNIT_XSD" "$f" >"$f.xmllint" 2>&1; then
		echo ok >>"$JUNIT_LOG.ok"
	else
		{
			echo "junit report of: dcval $*"
			head -n 5 "$f.xmllint"
		} >>"$JUNIT_LOG"
	fi
	rm -f "$f.xmllint"
}

if [ -n "$out" ] && [ "$out" != - ]; then
	"$DCVAL_REAL" "$@"
	rc=$?
	[ -f "$out" ] && check "$out" "$@"
	exit $rc
fi
tmp="$JUNIT_LOG.report.$$" # the case's scratch folder, whatever TMPDIR says
if [ "$std_quarantine" = 1 ]; then
	# the report goes to standard error then
	"$DCVAL_REAL" "$@" 2>"$tmp"
	rc=$?
	check "$tmp" "$@"
	cat "$tmp" >&2
else
	"$DCVAL_REAL" "$@" >"$tmp"
	rc=$?
	check "$tmp" "$@"
	cat "$tmp"
fi
rm -f "$tmp"
exit $rc

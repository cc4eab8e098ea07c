#!/bin/sh
# Output safety (spec cli.md "Behaviour users count on": outputs never
# clobber each other or an input, are written through a temporary file
# and a rename, keep mode, owner and symlinks, and every write error is
# reported). One table: each `row` is one case
#   row NAME EXIT STDERR SETUP RUN CHECK
# run in a fresh directory: SETUP prepares files, RUN is the command (its
# exit status is judged, or the number it writes to .rc when it ends in a
# pipe), STDERR a text standard error must contain ("" = not checked),
# CHECK shell code that prints what is wrong (nothing = pass). Helpers:
#   dv ARGS           dcval validate -c c.yaml ARGS
#   is FILE TEXT      FILE holds exactly TEXT and a newline
#   mode FILE MODE    FILE's permission bits are MODE (octal, e.g. 640)
#   notemps           no temporary file (*.dcval-*, spool) is left
# Files ready in each directory: c.yaml (one integer column a), in.csv
# (a header, one valid and one invalid record), big.csv (300,001 records,
# almost all invalid), bad.yaml (an invalid contract). Ends with
# "N passed, N failed".
#   VALGRIND=1  runs dcval under valgrind; the LD_PRELOAD rows (inject) and
#               those that break $TMPDIR (novg) are skipped
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DCVAL="$BUILD/dcval"
INJECT="$BUILD/tests/inject.so"
export LC_ALL=C
# ASan must come first in the library list; the shim is preloaded before it
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
VG=""
if [ -n "$VALGRIND" ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --show-possibly-lost=no --errors-for-leak-kinds=definite,indirect"
fi
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
unset TMPDIR
SPOOL="$scratch/spool" # $TMPDIR of every row, unless the row sets another
mkdir -p "$SPOOL" "$scratch/data"
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >"$scratch/data/c.yaml"
printf 'contract: t\ncolumns:\n  - {name: a, type: integr}\n' >"$scratch/data/bad.yaml"
printf 'a\n1\nx\n' >"$scratch/data/in.csv"
{ echo a; echo 1; seq 1 300000 | sed 's/$/x/'; } >"$scratch/data/big.csv"

dv() { $VG "$DCVAL" validate -c c.yaml "$@"; }
is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ] || echo "$1 holds '$(head -c 80 "$1" 2>/dev/null)', expected '$2'"; }
mode() { m=$(stat -c %a "$1" 2>/dev/null); [ "$m" = "$2" ] || echo "$1 has mode $m, expected $2"; }
notemps() {
	t=$(find . "$SPOOL" -name '*.dcval-*' -o -name '.dcval-*' -o -name 'dcval-spool-*' | head -n 3)
	[ -z "$t" ] || echo "temporary files left: $t"
}
inject() { # VAR=VALUE... COMMAND: run with the fault shim
	if [ -n "$VALGRIND" ]; then echo 77 >.rc; return 77; fi
	env LD_PRELOAD="$INJECT" "$@"
}
novg() { # `novg || COMMAND`: skip the row under valgrind
	[ -n "$VALGRIND" ] && echo 77 >.rc
}

row() {
	name=$1 want=$2 text=$3 setup=$4 run=$5 check=$6
	d="$scratch/$name"
	mkdir -p "$d"
	cp "$scratch/data/"* "$d/"
	rm -f "$SPOOL"/*
	(
		cd "$d" || exit 99
		export TMPDIR="$SPOOL"
		eval "$setup"
		eval "$run" >.stdout 2>.stderr </dev/null
		rc=$?
		[ -f .rc ] && rc=$(cat .rc)
		echo "$rc" >.rc
	)
	rc=$(cat "$d/.rc")
	if [ "$rc" = 77 ] && [ -n "$VALGRIND" ]; then
		echo "skip outputs/$name: not under valgrind (fault shim, or valgrind needs \$TMPDIR)"
		return
	fi
	msg=""
	[ "$rc" = "$want" ] || msg="exit $rc, expected $want
"
	if [ -n "$text" ] && ! grep -qF -- "$text" "$d/.stderr"; then
		msg="${msg}standard error lacks: $text
"
	fi
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|==[0-9]+==' "$d/.stderr"; then
		msg="${msg}sanitizer or valgrind report
"
	fi
	msg="$msg$(cd "$d" && TMPDIR="$SPOOL" eval "$check")"
	if [ -z "$msg" ]; then
		passed=$((passed + 1))
	else
		echo "--- outputs/$name:"
		printf '%s\n' "$msg"
		echo "--- stderr:"
		head -n 5 "$d/.stderr"
		echo "FAIL outputs/$name"
		failed=$((failed + 1))
	fi
}

# ---- two outputs, one file: usage error before anything is read (the
# contract and the input named do not even exist)
row same_quarantine_path 2 "--valid-out 'q.csv' and --invalid-out 'q.csv' are the same file" '' \
	'"$DCVAL" validate -c none.yaml --valid-out q.csv --invalid-out q.csv none.csv' \
	'[ ! -e q.csv ] || echo "q.csv was created"; notemps'
row same_report_and_quarantine 2 "-o 'r.csv' and --valid-out 'r.csv' are the same file" 'echo old >r.csv' \
	'dv --valid-out r.csv -o r.csv in.csv' 'is r.csv old'
row same_after_resolving 2 "are the same file" 'mkdir sub' \
	'dv -o sub/../r.csv --invalid-out ./r.csv in.csv' '[ ! -e r.csv ] || echo "r.csv was created"'
row same_via_symlink 2 "--valid-out 'link.csv' and --invalid-out 'q.csv' are the same file" \
	'echo old >q.csv; ln -s q.csv link.csv' \
	'dv --valid-out link.csv --invalid-out q.csv in.csv' 'is q.csv old'
row same_via_dangling_symlink 2 "are the same file" 'ln -s new.csv link.csv' \
	'dv --valid-out link.csv -o new.csv in.csv' '[ ! -e new.csv ] || echo "new.csv was created"'
row same_via_hard_link 2 "are the same file" 'echo old >q.csv; ln q.csv h.csv' \
	'dv --valid-out h.csv --invalid-out q.csv in.csv' 'is q.csv old'
row dash_twice 2 "--valid-out and --invalid-out both write to standard output" '' \
	'dv --valid-out - --invalid-out - in.csv' '[ ! -s .stdout ] || echo "standard output not empty"'
row dash_report_and_quarantine 2 "-o and --invalid-out both write to standard output" '' \
	'dv -o - --invalid-out - in.csv' '[ ! -s .stdout ] || echo "standard output not empty"'
# (standard output is a pipe in the /dev/stdout rows: a dcval that got it
# wrong must not replace the /dev/stdout symlink of the test machine)
row dev_stdout_beside_report 2 "--valid-out '/dev/stdout' is standard output, where the report writes" '' \
	'{ dv --valid-out /dev/stdout in.csv; echo $? >.rc; } | cat >got' '[ ! -s got ] || echo "standard output not empty"'
row redirected_stdout_beside_report 2 "--invalid-out 'out.txt' is standard output, where the report writes" '' \
	'dv --invalid-out out.txt in.csv >out.txt' '[ ! -s out.txt ] || echo "out.txt written"'
row dev_stdout_quiet_allowed 1 "" '' \
	'{ dv -q --valid-out /dev/stdout in.csv; echo $? >.rc; } | cat >got.csv' \
	'[ "$(cat got.csv)" = "$(printf "a\n1")" ] || echo "got.csv: $(cat got.csv)"'
row null_device_twice_allowed 1 "" '' \
	'dv -q --valid-out /dev/null --invalid-out /dev/null in.csv' ''

# ---- an output that is an input or the contract
row output_is_input 2 "output 'in.csv' is also an input" '' \
	'dv --invalid-out in.csv in.csv' '[ "$(cat in.csv)" = "$(printf "a\n1\nx")" ] || echo "in.csv changed"'
row output_is_input_via_symlink 2 "output 'l.csv' is also an input" 'ln -s in.csv l.csv' \
	'dv -o l.csv in.csv' '[ -L l.csv ] || echo "l.csv replaced"'
row output_is_standard_input 2 "output 'in.csv' is also an input" '' \
	'dv --valid-out in.csv <in.csv' '[ "$(wc -l <in.csv)" = 3 ] || echo "in.csv changed"'
row output_is_contract 2 "output 'c.yaml' is the contract" '' \
	'dv -o c.yaml in.csv' 'grep -q "contract: t" c.yaml || echo "c.yaml changed"'

# ---- modes: a new file gets 0666 & ~umask, an existing one keeps its own
row umask_077 1 "" '' \
	'umask 077; dv -o r.txt --valid-out v.csv --invalid-out i.csv in.csv' \
	'mode r.txt 600; mode v.csv 600; mode i.csv 600; notemps'
row umask_022 1 "" '' \
	'umask 022; dv -o r.txt --valid-out v.csv --invalid-out i.csv in.csv' \
	'mode r.txt 644; mode v.csv 644; mode i.csv 644; is v.csv "$(printf "a\n1")"'
row umask_002 1 "" '' \
	'umask 002; dv -o r.txt --valid-out v.csv in.csv' 'mode r.txt 664; mode v.csv 664'
row keeps_mode_0600 1 "" 'echo old >v.csv; chmod 600 v.csv; echo old >r.txt; chmod 600 r.txt' \
	'umask 022; dv -o r.txt --valid-out v.csv in.csv' \
	'mode v.csv 600; mode r.txt 600; is v.csv "$(printf "a\n1")"; grep -q "1 error" r.txt || echo "r.txt not written"'
row keeps_mode_0640 1 "" 'echo old >i.csv; chmod 640 i.csv' \
	'umask 077; dv --invalid-out i.csv in.csv' 'mode i.csv 640; is i.csv "$(printf "a\nx")"'
if [ "$(id -u)" = 0 ]; then
	row keeps_owner 1 "" 'echo old >i.csv; chown nobody:nogroup i.csv; chmod 640 i.csv' \
		'dv --invalid-out i.csv in.csv' \
		'[ "$(stat -c %U:%G:%a i.csv)" = nobody:nogroup:640 ] || echo "i.csv is $(stat -c %U:%G:%a i.csv)"'
else
	echo "skip outputs/keeps_owner: not root, cannot give a file away"
fi

# ---- symlinks: the link's target is written, the link stays
row symlink_target_written 1 "" 'echo old >t.csv; chmod 640 t.csv; ln -s t.csv link.csv' \
	'dv --invalid-out link.csv in.csv' \
	'[ "$(readlink link.csv)" = t.csv ] || echo "link.csv is no longer a link to t.csv"
	 is t.csv "$(printf "a\nx")"; mode t.csv 640; notemps'
row symlink_chain_other_folder 1 "" \
	'mkdir -p a b; echo old >b/t.txt; ln -s ../b/t.txt a/l1; ln -s a/l1 l0' \
	'dv -o l0 in.csv' \
	'[ -L l0 ] && [ -L a/l1 ] || echo "a link was replaced"; grep -q "1 error" b/t.txt || echo "b/t.txt not written"; notemps'
row symlink_dangling_creates_target 1 "" 'mkdir d; ln -s d/new.csv link.csv' \
	'umask 022; dv --valid-out link.csv in.csv' \
	'[ -L link.csv ] || echo "link.csv replaced"; is d/new.csv "$(printf "a\n1")"; mode d/new.csv 644'

# ---- read-only targets are refused (exit 3), nothing read or written;
# as root (these tests) write permission decides by the mode bits
row readonly_quarantine_refused 3 "ro.csv: cannot write: file is read-only" 'echo old >ro.csv; chmod 444 ro.csv' \
	'dv --valid-out ro.csv in.csv' 'is ro.csv old; mode ro.csv 444; [ ! -s .stdout ] || echo "a report was written"'
row readonly_report_refused 3 "ro.txt: cannot write: file is read-only" 'echo old >ro.txt; chmod 400 ro.txt' \
	'dv -o ro.txt in.csv' 'is ro.txt old; notemps'
row readonly_via_symlink_refused 3 "link.csv: cannot write: file is read-only" \
	'echo old >ro.csv; chmod 444 ro.csv; ln -s ro.csv link.csv' \
	'dv --invalid-out link.csv in.csv' 'is ro.csv old'
row directory_output 3 "d: cannot open: Is a directory" 'mkdir d' 'dv -o d in.csv' ''

# ---- a failed run leaves the old files
row invalid_contract_keeps_all 2 "" 'for f in r.txt v.csv i.csv; do echo old >$f; done' \
	'"$DCVAL" validate -c bad.yaml -o r.txt --valid-out v.csv --invalid-out i.csv in.csv' \
	'is r.txt old; is v.csv old; is i.csv old; notemps'
row unreadable_input_keeps_quarantine 3 "missing.csv: cannot open" 'for f in r.txt v.csv i.csv; do echo old >$f; done' \
	'dv -o r.txt --valid-out v.csv --invalid-out i.csv in.csv missing.csv' \
	'is v.csv old; is i.csv old; notemps
	 grep -q "missing.csv" r.txt || echo "the report, which names the unreadable input, was not written"'
row write_error_keeps_report 3 "/dev/full: write error" 'echo old >r.txt' \
	'dv -o r.txt --invalid-out /dev/full big.csv' 'is r.txt old; notemps'
row full_disk_report 3 "r.txt: write error: No space left on device" 'echo old >r.txt' \
	'inject DV_FAULT_PATH="*r.txt" DV_FAULT_AFTER=50 DV_FAULT_ERRNO=ENOSPC "$DCVAL" validate -c c.yaml -o r.txt big.csv' \
	'is r.txt old; notemps'
row full_disk_report_at_close 3 "r.txt: write error" 'echo old >r.txt' \
	'inject DV_FAULT_PATH="*r.txt" DV_FAULT_OP=close "$DCVAL" validate -c c.yaml -o r.txt in.csv' \
	'is r.txt old; notemps'
row full_disk_report_at_fsync 3 "r.txt: write error: Input/output error" 'echo old >r.txt' \
	'inject DV_FAULT_PATH="*r.txt" DV_FAULT_OP=fsync "$DCVAL" validate -c c.yaml -o r.txt in.csv' \
	'is r.txt old; notemps'
row full_disk_quarantine 3 "i.csv: write error: No space left on device" 'echo old >i.csv; echo old >r.txt' \
	'inject DV_FAULT_PATH="*i.csv" DV_FAULT_AFTER=100000 DV_FAULT_ERRNO=ENOSPC "$DCVAL" validate -c c.yaml -o r.txt --invalid-out i.csv big.csv' \
	'is i.csv old; is r.txt old; notemps'

# ---- the json report's spool file: in $TMPDIR (default /tmp), and an
# error there names that folder, not the report
row full_disk_spool 3 "/spool: cannot write a temporary file: No space left on device" 'echo old >r.json' \
	'inject DV_FAULT_PATH="$TMPDIR/*" DV_FAULT_AFTER=1000 DV_FAULT_ERRNO=ENOSPC "$DCVAL" validate -c c.yaml -r json --max-violations all -o r.json big.csv' \
	'is r.json old; grep -q "r.json" .stderr && echo "the report file was blamed"; notemps'
row full_disk_spool_at_end 3 "/spool: cannot write a temporary file: No space left on device" 'echo old >r.json' \
	'inject DV_FAULT_PATH="$TMPDIR/*" DV_FAULT_ERRNO=ENOSPC "$DCVAL" validate -c c.yaml -r json -o r.json in.csv' \
	'is r.json old; notemps'
row tmpdir_missing_named 3 "/nowhere: cannot write a temporary file: No such file or directory" 'echo old >r.json' \
	'novg || TMPDIR=$PWD/nowhere dv -r json -o r.json in.csv' 'is r.json old; notemps'
row tmpdir_default_tmp 3 "dcval: /tmp: cannot write a temporary file: No space left on device" '' \
	'unset TMPDIR; inject DV_FAULT_PATH="/tmp/dcval-spool-*" DV_FAULT_ERRNO=ENOSPC "$DCVAL" validate -c c.yaml -r json in.csv' ''
row tmpdir_empty_is_tmp 1 "" '' 'TMPDIR= dv -r json in.csv' 'grep -q "\"valid\": false" .stdout || echo "no report"'
row tmpdir_used_not_beside_report 1 "" '' \
	'TMPDIR=$PWD/t; mkdir t; dv -r json -o r.json in.csv' 'grep -q "\"errors\": 1" r.json || echo "no report"; notemps'

# ---- closed pipes: a quarantine output is a write error (exit 3, named);
# the report ends quietly as `| head` expects (killed by SIGPIPE: 141)
row closed_pipe_invalid_out 3 "dcval: standard output: write error: Broken pipe" '' \
	'{ dv --invalid-out - big.csv 2>.stderr; echo $? >.rc; } | head -c 10 >/dev/null' \
	'grep -q "errors, 0 warnings" .stderr || echo "the report on standard error was cut"'
row closed_pipe_valid_out 3 "standard output: write error: Broken pipe" '' \
	'{ { echo a; seq 1 300000; } | dv -q --valid-out - 2>.stderr; echo $? >.rc; } | head -c 10 >/dev/null' ''
row closed_pipe_report_quiet 141 "" 'echo old >i.csv' \
	'{ dv --max-violations all --invalid-out i.csv big.csv 2>.stderr; echo $? >.rc; } | head -n 1 >/dev/null' \
	'[ ! -s .stderr ] || echo "standard error not empty"; is i.csv old; notemps'
row closed_pipe_json_report_quiet 141 "" '' \
	'{ dv -r json --max-violations all big.csv 2>.stderr; echo $? >.rc; } | head -c 10 >/dev/null' \
	'[ ! -s .stderr ] || echo "standard error not empty"; notemps'

# ---- signals: temporary files of every output are removed, targets kept
for sig in INT TERM HUP; do
	row signal_$sig 0 "" 'mkfifo fifo; for f in r.txt v.csv i.csv; do echo old >$f; done' \
		'{ echo a; echo 1; exec sleep 3; } >fifo &
		 w=$!
		 $VG "$DCVAL" validate -c c.yaml -o r.txt --valid-out v.csv --invalid-out i.csv fifo &
		 pid=$!; n=0
		 while [ $n -lt 50 ] && [ "$(ls | grep -c dcval-)" != 3 ]; do sleep 0.1; n=$((n + 1)); done
		 ls | grep -c dcval- >temps
		 kill -'$sig' $pid; wait $pid; echo $? >sigrc; kill $w 2>/dev/null; wait; true' \
		'is temps 3; is r.txt old; is v.csv old; is i.csv old; notemps
		 [ "$(cat sigrc)" -gt 128 ] || echo "exit $(cat sigrc): not ended by the signal"'
done

# ---- names: long (no room for the suffix), and hostile ones as outputs
long=$(printf '%0250d' 0 | tr 0 n)
row long_name 1 "" '' "dv -o $long.txt --valid-out $long.csv in.csv" \
	"grep -q '1 error' $long.txt || echo 'long report missing'; is $long.csv \"\$(printf 'a\\n1')\"; notemps"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

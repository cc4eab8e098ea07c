# I/O faults, sourced by tests/hostile/run.sh (uses DCVAL, VG, BUILD,
# scratch, passed, failed). Each check: exit code, a message, and that
# nothing was half written. The LD_PRELOAD shim tests/faults/inject.c
# ($BUILD/tests/inject.so) fails reads, writes or closes on files whose
# path matches DV_FAULT_PATH.
INJECT="$BUILD/tests/inject.so"
# ASan must come first in the library list; the shim is preloaded before it
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
fd="$scratch/faults"
mkdir -p "$fd"
C="$fd/c.yaml"
printf 'contract: f\ncolumns:\n  - {name: a, type: integer}\n  - {name: b, type: string}\n' >"$C"
printf 'a,b\n1,x\nbad,y\n3,z\n' >"$fd/small.csv"
{ echo a,b; seq 1 300000 | sed 's/$/,x/'; echo bad,y; } >"$fd/big.csv"

# fault NAME EXPECTED-EXIT EXPECTED-TEXT COMMAND...: run, judge exit and output
fault() {
	fname=$1 fwant=$2 ftext=$3
	shift 3
	(cd "$fd" && "$@") >"$fd/.out" 2>&1 </dev/null
	frc=$?
	fok=1
	[ "$frc" = "$fwant" ] || { echo "--- faults/$fname: exit $frc, expected $fwant"; fok=0; }
	if [ -n "$ftext" ] && ! grep -qF -- "$ftext" "$fd/.out"; then
		echo "--- faults/$fname: output lacks: $ftext"
		fok=0
	fi
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$fd/.out"; then
		echo "--- faults/$fname: sanitizer report"
		fok=0
	fi
	[ $fok = 1 ] || { head -n 10 "$fd/.out"; }
	verdict "$fname" $fok
}

# verdict NAME OK: count one test
verdict() {
	if [ "$2" = 1 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL hostile/faults/$1"
		failed=$((failed + 1))
	fi
}

# the target of a quarantine output keeps its old bytes, and no temporary
# file is left beside it
untouched() {
	uok=1
	[ "$(cat "$fd/$1" 2>/dev/null)" = "old bytes" ] || { echo "--- faults/$2: $1 was changed"; uok=0; }
	if ls "$fd/$1".dcval-* >/dev/null 2>&1; then
		echo "--- faults/$2: temporary file left: $(ls "$fd/$1".dcval-*)"
		uok=0
	fi
	verdict "$2-untouched" $uok
}

# --- full devices: exit 3 with a message, nothing half written
fault dev_full_report 3 "write error" $VG "$DCVAL" validate -c "$C" -o /dev/full small.csv
fault dev_full_sarif_report 3 "write error" $VG "$DCVAL" validate -c "$C" -r sarif -o /dev/full small.csv
fault dev_full_invalid_out 3 "/dev/full: write error" $VG "$DCVAL" validate -c "$C" --invalid-out /dev/full big.csv
fault dev_full_valid_out 3 "/dev/full: write error" $VG "$DCVAL" validate -c "$C" -q --valid-out /dev/full big.csv
fault dev_full_stdout_quarantine 3 "write error" sh -c "$VG '$DCVAL' validate -c '$C' --valid-out - big.csv >/dev/full"

# --- a failing output leaves the other output's old target untouched
# (the invalid output fails mid-run: most records of bad.csv are invalid)
{ echo a,b; seq 1 100000 | sed 's/$/x,y/'; } >"$fd/bad.csv"
echo "old bytes" >"$fd/keep.csv"
fault later_write_fails 3 "/dev/full: write error" $VG "$DCVAL" validate -c "$C" -q --valid-out keep.csv --invalid-out /dev/full bad.csv
untouched keep.csv later_write_fails

# --- inputs that cannot be read: exit 3, the other inputs still run
mkdir -p "$fd/dir"
fault directory_input 3 "small.csv: 1 error, 0 warnings in 3 records" $VG "$DCVAL" validate -c "$C" dir small.csv
fault missing_input 3 "small.csv: 1 error, 0 warnings in 3 records" $VG "$DCVAL" validate -c "$C" no_such.csv small.csv
fault missing_input_message 3 "no_such.csv: cannot open: No such file or directory" $VG "$DCVAL" validate -c "$C" no_such.csv small.csv
if [ "$(id -u)" != 0 ]; then
	printf 'a,b\n1,x\n' >"$fd/locked.csv"
	chmod 000 "$fd/locked.csv"
	fault unreadable_input 3 "locked.csv: cannot open: Permission denied" $VG "$DCVAL" validate -c "$C" locked.csv small.csv
	chmod 600 "$fd/locked.csv"
else
	echo "skip faults/unreadable_input: running as root, which reads any file (the read-error shim tests below cover it)"
fi

# --- an output that is an input is refused before anything is written
cp "$fd/small.csv" "$fd/same.csv"
fault output_is_input 2 "is also an input" $VG "$DCVAL" validate -c "$C" --invalid-out same.csv same.csv
sok=1; cmp -s "$fd/small.csv" "$fd/same.csv" || sok=0; verdict output_is_input-unchanged $sok

# --- SIGTERM mid-run: the old quarantine target stays as it was
echo "old bytes" >"$fd/term.csv"
rm -f "$fd/fifo"; mkfifo "$fd/fifo"
(cd "$fd" && exec "$DCVAL" validate -c "$C" -q --invalid-out term.csv fifo) &
tpid=$!
{ echo a,b; echo bad,x; sleep 1; } >"$fd/fifo" &
wpid=$!
sleep 0.5
kill -TERM "$tpid" 2>/dev/null
wait "$tpid" 2>/dev/null
trc=$?
wait "$wpid" 2>/dev/null
tok=1; [ "$trc" = 143 ] || { echo "--- faults/sigterm: exit $trc, expected 143 (killed)"; tok=0; }
verdict sigterm $tok
[ "$(cat "$fd/term.csv")" = "old bytes" ] && tok=1 || { echo "--- faults/sigterm: term.csv was changed"; tok=0; }
verdict sigterm-target-untouched $tok
# a killed process cannot remove its temporary file: it is named
# TARGET.dcval-XXXXXX beside the target, never the target itself
rm -f "$fd"/term.csv.dcval-*

# --- injected faults (LD_PRELOAD shim); not under valgrind, which has
# its own preload
if [ -n "$VALGRIND" ] || [ ! -f "$INJECT" ]; then
	if [ -n "$VALGRIND" ]; then
		echo "skip faults/inject: not under valgrind"
	else
		echo "skip faults/inject: $INJECT not built"
	fi
else
	fault read_error_mid_input 3 "big.csv: read error: Input/output error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*big.csv' DV_FAULT_OP=read DV_FAULT_AFTER=300000 \
		"$DCVAL" validate -c "$C" -q big.csv
	fault read_error_other_inputs_run 3 "small.csv: 1 error, 0 warnings in 3 records" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*big.csv' DV_FAULT_OP=read DV_FAULT_AFTER=300000 \
		"$DCVAL" validate -c "$C" big.csv small.csv
	fault read_error_first_byte 3 "read error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*small.csv' DV_FAULT_OP=read \
		"$DCVAL" validate -c "$C" -q small.csv
	# -j on a pipe wants a wake pipe of its own: with no descriptor to
	# spare, the input is read on one thread (not "out of memory")
	fault live_par_no_pipe 1 "1 error, 0 warnings in 3 records" \
		sh -c 'cat small.csv | env LD_PRELOAD="$1" DV_FAULT_OP=pipe DV_FAULT_ERRNO=EMFILE \
			"$2" validate -c "$3" -j 2 -f csv -' sh "$INJECT" "$DCVAL" "$C"
	echo "old bytes" >"$fd/q.csv"
	fault write_error_quarantine 3 "q.csv: write error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*q.csv' DV_FAULT_OP=write DV_FAULT_AFTER=100000 DV_FAULT_ERRNO=ENOSPC \
		"$DCVAL" validate -c "$C" -q --valid-out q.csv big.csv
	untouched q.csv write_error_quarantine
	fault close_error_quarantine 3 "q.csv: write error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*q.csv' DV_FAULT_OP=close \
		"$DCVAL" validate -c "$C" -q --valid-out q.csv small.csv
	untouched q.csv close_error_quarantine
	fault write_error_report_file 3 "r.txt: write error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*r.txt' DV_FAULT_OP=write DV_FAULT_AFTER=10 \
		"$DCVAL" validate -c "$C" -o r.txt small.csv
	fault write_error_input_ok 1 "" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*nothing*' DV_FAULT_OP=write \
		"$DCVAL" validate -c "$C" -q --valid-out q2.csv --invalid-out i2.csv big.csv
	# nothing lost when all goes well: both halves hold every record once
	lok=1
	[ "$(($(wc -l <"$fd/q2.csv") + $(wc -l <"$fd/i2.csv") - 2))" = 300001 ] || lok=0
	verdict quarantine_complete $lok
	fault contract_read_error 2 "c2.yaml" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*c2.yaml' DV_FAULT_OP=read \
		sh -c "cp '$C' '$fd/c2.yaml' && '$DCVAL' validate -c '$fd/c2.yaml' small.csv"
fi

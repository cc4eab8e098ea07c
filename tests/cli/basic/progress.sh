# Issue #4: progress on standard error for inputs over 64 MiB, only on a
# terminal (script(1) from bsdutils gives one), never with -q, never
# when standard error is not a terminal; a violation or the summary
# first clears the progress line, so what the terminal finally shows is
# exactly the plain report.
printf 'contract: p\ncolumns:\n  - {name: n, type: integer}\n' >c.yaml
{ echo n; yes 1234567 | head -c 35M; echo bad; yes 1234567 | head -c 35M; } >big.csv
on_tty() { script -qec "$1" /dev/null </dev/null; }
# what a terminal shows: each line after its last "erase line"
screen() { tr -d '\r' | sed 's/.*\x1b\[K//'; }

"$DCVAL" validate -c c.yaml big.csv >plain.out 2>plain.err
echo "plain exit $?, stderr bytes $(wc -c <plain.err)"
on_tty "'$DCVAL' validate -c c.yaml big.csv" >tty.raw
grep -q 'dcval: big.csv: .* MiB of 70.0 MiB (.*%), .* records, .* records/s' tty.raw &&
	echo "progress shown for a large file"
screen <tty.raw >tty.screen
cmp tty.screen plain.out && echo "terminal shows the plain report"

on_tty "'$DCVAL' validate -c c.yaml big.csv 2>stderr.file" >redir.raw
echo "stderr to a file: $(wc -c <stderr.file) bytes; escapes on the terminal: $(grep -c "$(printf '\033')" redir.raw)"
on_tty "'$DCVAL' validate -q -c c.yaml big.csv; echo quiet exit \$?" | tr -d '\r'
on_tty "cat big.csv | '$DCVAL' validate -c c.yaml" >pipe.raw
grep -q 'dcval: -: [0-9.]* MiB, [0-9]* records, [0-9]* records/s' pipe.raw &&
	echo "progress shown for a large pipe"
cp "$ROOT/examples/events.csv" "$ROOT/contracts/events.yaml" .
on_tty "'$DCVAL' validate -c events.yaml events.csv" | tr -d '\r'

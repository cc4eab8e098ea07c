# progress on a terminal counts compressed bytes: the total is the size
# on disk and the share read never passes 100% (script(1) gives a tty).
# The line is redrawn at most every 100 ms: a pattern on every value and
# one thread keep the run well past that (a bare string column on two
# threads finished in about 100 ms, and the line sometimes never came).
printf "contract: p\ncolumns:\n  - {name: s, type: string, pattern: '^[A-Za-z0-9+/=]+\$'}\n" >c.yaml
{ echo s; head -c 150000000 /dev/urandom | base64; } | zstd -q -1 -c >big.csv.zst
size=$(wc -c <big.csv.zst)
[ "$size" -gt 67108864 ] && echo "compressed: over 64 MiB"
on_tty() { script -qec "$1" /dev/null </dev/null; }
on_tty "stty cols 200; '$DCVAL' validate -j 1 -c c.yaml big.csv.zst" >tty.raw
mib=$(/usr/bin/python3 -c "print('%.1f' % ($size / 1048576))")
grep -q "dcval: big.csv.zst: .* MiB of $mib MiB (.*%), .* records, .* records/s" tty.raw &&
	echo "progress shown against the compressed size"
grep -o '([0-9]*%)' tty.raw | tr -d '(%)' | awk '$1 > 100 { bad = 1 } END { print bad ? "over 100%" : "never over 100%" }'
tr -d '\r' <tty.raw | sed 's/.*\x1b\[K//'

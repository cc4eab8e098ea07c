# Hostile compressed inputs, sourced by tests/hostile/run.sh after
# faults.sh (uses its fault/verdict, and DCVAL, VG, LIMIT, scratch). The
# bombs are built in a blink instead of compressing gigabytes: 10 GiB of
# zeros as 10,240 copies of one gzip member that holds 1 MiB of them
# (10 MB on disk), and zstd frames written by hand out of RLE blocks
# (4 bytes each for 128 KiB of zeros: 10 GiB in 320 KB). Each bomb must
# end by the existing limits (the field or line cap: malformed), in
# bounded memory: the peak RSS of the run is checked.
cz="$scratch/compressed"
mkdir -p "$cz"
CC1="$cz/c1.yaml"   # csv with a header, one string column
printf 'contract: b\ncolumns:\n  - {name: a, type: string}\n' >"$CC1"
CI1="$cz/ci.yaml"   # one integer column
printf 'contract: i\ncolumns:\n  - {name: a, type: integer}\n' >"$CI1"

# zstd_rle FILE GIB [WINDOW_LOG]: one zstd frame of GIB GiB of zeros in
# RLE blocks (RFC 8878: frame header without content size or checksum,
# window descriptor, blocks with a 3-byte header: last flag, type 1 RLE,
# size 128 KiB, then the byte to repeat)
zstd_rle() {
	/usr/bin/python3 - "$1" "$2" "${3:-17}" <<'PY'
import struct, sys
path, gib, wlog = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
blocks = gib * 8192
out = bytearray(b"\x28\xb5\x2f\xfd\x00" + bytes([(wlog - 10) << 3]))
rle = struct.pack("<I", (1 << 1) | (131072 << 3))[:3] + b"\0"
out += rle * (blocks - 1)
out += struct.pack("<I", 1 | (1 << 1) | (131072 << 3))[:3] + b"\0"
open(path, "wb").write(out)
PY
}

# peak NAME LIMIT_MB EXIT TEXT COMMAND...: run COMMAND (within LIMIT
# seconds), judge its exit code and output like fault(), and its peak
# RSS against LIMIT_MB (not under sanitizers, whose shadow memory it
# would count)
peak() {
	pname=$1 plimit=$2 pwant=$3 ptext=$4
	shift 4
	/usr/bin/python3 - "$cz/.rss" "$LIMIT" "$@" >"$cz/.out" 2>&1 </dev/null <<'PY'
import resource, subprocess, sys
r = subprocess.run(sys.argv[3:], stdin=subprocess.DEVNULL, timeout=int(sys.argv[2]))
open(sys.argv[1], "w").write("%d\n" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
sys.exit(r.returncode)
PY
	prc=$?
	pok=1
	[ "$prc" = "$pwant" ] || { echo "--- compressed/$pname: exit $prc, expected $pwant"; pok=0; }
	if [ -n "$ptext" ] && ! grep -qF -- "$ptext" "$cz/.out"; then
		echo "--- compressed/$pname: output lacks: $ptext"
		pok=0
	fi
	rss=$(cat "$cz/.rss" 2>/dev/null || echo 0)
	if [ -z "$SANITIZE" ] && [ "$rss" -gt "$plimit" ]; then
		echo "--- compressed/$pname: peak RSS $rss MB, more than $plimit MB"
		pok=0
	fi
	[ $pok = 1 ] || head -n 10 "$cz/.out"
	verdict "compressed/$pname" $pok
}

if [ -n "$VALGRIND" ]; then
	echo "skip compressed bombs: not under valgrind (gigabytes to decompress)"
else
	# 10 GiB of zeros, gzip: the header line passes the 16 MiB field cap
	head -c 1048576 /dev/zero | gzip -9 >"$cz/m.gz"
	cp "$cz/m.gz" "$cz/bomb.csv.gz"
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		cat "$cz/bomb.csv.gz" "$cz/bomb.csv.gz" >"$cz/t.gz" && mv "$cz/t.gz" "$cz/bomb.csv.gz"
	done
	for _ in 1 2 3 4 5 6 7 8 9; do cat "$cz/bomb.csv.gz"; done >>"$cz/bomb.csv.gz.more"
	cat "$cz/bomb.csv.gz.more" >>"$cz/bomb.csv.gz" && rm -f "$cz/bomb.csv.gz.more"
	peak gzip_bomb_10g 100 1 "header is larger than 16777216 bytes" \
		"$DCVAL" validate -c "$CC1" "$cz/bomb.csv.gz"
	# 10 GiB of zeros, zstd, as JSON Lines with --fail-fast: the 64 MiB
	# line cap, then the run stops
	zstd_rle "$cz/bomb10.jsonl.zst" 10
	peak zstd_bomb_10g_fail_fast 150 1 "line longer than 67108864 bytes" \
		"$DCVAL" validate -c "$CC1" --fail-fast "$cz/bomb10.jsonl.zst"
	# 1 GiB of zeros read to the end (the line cap skips the rest of the
	# line): every compressed byte read, memory flat
	zstd_rle "$cz/bomb1.jsonl.zst" 1
	peak zstd_bomb_1g_streamed 60 1 "line longer than 65536 bytes" \
		"$DCVAL" validate -c "$CC1" --max-line-bytes 65536 "$cz/bomb1.jsonl.zst"
	"$DCVAL" validate -c "$CC1" --max-line-bytes 65536 -r json "$cz/bomb1.jsonl.zst" 2>/dev/null |
		grep -q "\"bytes\": $(wc -c <"$cz/bomb1.jsonl.zst"), \"compression\": \"zstd\", \"records\": 1," &&
		bok=1 || bok=0
	verdict compressed/zstd_bomb_1g_read_to_end $bok
	# a frame that asks for a 2 GiB window: refused before any memory
	zstd_rle "$cz/window.jsonl.zst" 1 31
	peak zstd_window_2g 60 3 "zstd frame needs a window larger than 128 MiB" \
		"$DCVAL" validate -c "$CC1" "$cz/window.jsonl.zst"
fi

# many members: 5,000 gzip members of one line each (written by Python's
# gzip module: one member per call), read to the end
/usr/bin/python3 -c "
import gzip, sys
with open(sys.argv[1], 'wb') as f:
    f.write(gzip.compress(b'a\\n'))
    for i in range(1, 5000):
        f.write(gzip.compress(b'%d\\n' % i))" "$cz/members.csv.gz"
fault gzip_5000_members 0 "0 errors, 0 warnings in 4999 records" $VG "$DCVAL" validate -c "$CI1" "$cz/members.csv.gz"

# corrupt and truncated data: exit 3 naming the file
printf 'a\n1\n2\nx\n' >"$cz/rows.csv"
zstd -q --check -c "$cz/rows.csv" >"$cz/sum.csv.zst"
/usr/bin/python3 -c "
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[-2] ^= 0x01
open(p, 'wb').write(b)" "$cz/sum.csv.zst"
fault zstd_wrong_checksum 3 "sum.csv.zst: corrupt zstd data (checksum mismatch)" $VG "$DCVAL" validate -c "$CI1" "$cz/sum.csv.zst"
gzip -c "$cz/rows.csv" >"$cz/full.gz"
head -c 20 "$cz/full.gz" >"$cz/cut.csv.gz"
fault gzip_truncated 3 "cut.csv.gz: truncated gzip data" $VG "$DCVAL" validate -c "$CI1" "$cz/cut.csv.gz"
zstd -q -c "$cz/rows.csv" >"$cz/full.zst"
head -c 10 "$cz/full.zst" >"$cz/cut.csv.zst"
fault zstd_truncated 3 "cut.csv.zst: truncated zstd data" $VG "$DCVAL" validate -c "$CI1" "$cz/cut.csv.zst"
cp "$cz/rows.csv" "$cz/liar.csv.gz"
fault gzip_name_plain_content 3 "liar.csv.gz: not gzip data (the name ends in '.gz' but the gzip magic number is missing)" \
	$VG "$DCVAL" validate -c "$CI1" "$cz/liar.csv.gz"
{ cat "$cz/full.gz"; printf 'PK\003\004'; } >"$cz/junk.csv.gz"
fault gzip_trailing_garbage 3 "junk.csv.gz: trailing garbage after gzip data after 3 records" \
	$VG "$DCVAL" validate -c "$CI1" "$cz/junk.csv.gz"
# a gzip stream on standard input, cut: the same message, named "-"
fault gzip_stdin_truncated 3 "dcval: -: truncated gzip data" \
	sh -c "$VG '$DCVAL' validate -c '$CI1' <'$cz/cut.csv.gz'"

# a compressed quarantine output that cannot be written: exit 3 naming
# it, its old target untouched, no temporary file left
if [ -z "$VALGRIND" ] && [ -f "$INJECT" ]; then
	{ echo a; seq 1 300000; } >"$cz/big.csv"
	echo "old bytes" >"$cz/q.csv.gz"
	fault write_error_quarantine_gz 3 "q.csv.gz: write error" \
		env LD_PRELOAD="$INJECT" DV_FAULT_PATH='*q.csv.gz*' DV_FAULT_OP=write DV_FAULT_AFTER=1000 DV_FAULT_ERRNO=ENOSPC \
		"$DCVAL" validate -c "$CI1" -q --valid-out "$cz/q.csv.gz" "$cz/big.csv"
	qok=1
	[ "$(cat "$cz/q.csv.gz")" = "old bytes" ] || { echo "--- compressed/write_error_quarantine_gz: q.csv.gz was changed"; qok=0; }
	! ls "$cz"/q.csv.gz.dcval-* >/dev/null 2>&1 || { echo "--- compressed/write_error_quarantine_gz: temporary file left"; qok=0; }
	verdict compressed/write_error_quarantine_gz-untouched $qok
	# written whole when all goes well: gzip -t agrees, every record is there
	fault quarantine_gz_complete 0 "" "$DCVAL" validate -c "$CI1" -q --valid-out "$cz/q.csv.gz" "$cz/big.csv"
	[ "$(gzip -dc "$cz/q.csv.gz" | wc -l)" = 300001 ] && gzip -t "$cz/q.csv.gz" && qok=1 || qok=0
	verdict compressed/quarantine_gz_records $qok
fi

#!/bin/sh
# The Dask recipe (examples/dask/shard.py) on a LocalCluster of two
# worker processes: generated csv and JSON Lines files with unique and
# primary-key values repeated across files, dataset checks and
# freshness; the merged report must equal one dcval validate over the
# same files, byte for byte, with the same exit code, in two report
# formats, one and two files a shard. Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
PY=/usr/bin/python3
if ! $PY -c 'import dask.distributed' 2>/dev/null; then
	echo "FAIL dask: python3-dask and python3-distributed are not installed (.ci/packages)"
	echo "0 passed, 1 failed"
	exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
cat >c.yaml <<'Y'
contract: dask
version: 1.0.0
columns:
  - {name: id, type: integer, unique: true}
  - {name: user, type: string, pattern: '^u[0-9]+$'}
  - {name: amount, type: number}
  - {name: ts, type: datetime}
dataset:
  primary_key: [user, ts]
  row_count: {minimum: 10}
  columns:
    amount: {max_null_fraction: 0.05, mean: {minimum: 0, maximum: 40}}
    user: {max_share: 0.2}
  freshness: {column: ts, max_age: 24h}
Y
$PY - <<'P'
import json, random
rng = random.Random(20)
for f in range(6):
    rows = []
    for i in range(200):
        rows.append({"id": rng.randint(1, 3000), "user": "u%d" % rng.randint(1, 40) if rng.random() > 0.01 else "bad",
                     "amount": None if rng.random() < 0.06 else round(rng.uniform(0, 90), 2),
                     "ts": "2026-11-%02dT%02d:00:00Z" % (10 + f, rng.randint(0, 23))})
    if f % 2:
        open("f%d.jsonl" % f, "w").write("".join(json.dumps(r) + "\n" for r in rows))
    else:
        lines = ["%d,%s,%s,%s" % (r["id"], r["user"], "" if r["amount"] is None else r["amount"], r["ts"]) for r in rows]
        open("f%d.csv" % f, "w").write("id,user,amount,ts\n" + "\n".join(lines) + "\n")
P
files="f0.csv f1.jsonl f2.csv f3.jsonl f4.csv f5.jsonl"
N=2026-11-16T12:00:00Z
passed=0
failed=0
for run in json:1 text:2; do
	r=${run%:*}
	per=${run#*:}
	{
		"$BUILD/dcval" validate -c c.yaml --now $N -r $r $files >one
		a=$?
		$PY "$ROOT/examples/dask/shard.py" --dcval "$BUILD/dcval" -c c.yaml \
			--parts parts-$r-$per --workers 2 --files-per-shard $per \
			--now $N -r $r -o merged $files 2>dask.log
		b=$?
		if [ $a = $b ] && cmp -s one merged; then
			passed=$((passed + 1))
		else
			echo "FAIL dask: -r $r, $per files a shard: exit $a vs $b"
			cmp one merged
			tail -n 5 dask.log
			failed=$((failed + 1))
		fi
	}
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

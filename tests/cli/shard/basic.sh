# Sharded runs (spec cli.md "Sharded runs"): three parts, one per file;
# unique (error and warn) and primary-key repeats across parts are
# reported on the later part's first occurrence, as one run reports
# them; merge's report equals one run's byte for byte in every format
# and --max-violations, with its exit code.
cat >c.yaml <<'Y'
contract: shard
version: 1.0.0
columns:
  - {name: id, type: integer, unique: true}
  - {name: code, type: string, pattern: '^[a-z]+$'}
  - {name: n, type: number, unique: true, severity: warn}
dataset:
  primary_key: [code, id]
  row_count: {maximum: 8}
Y
printf 'id,code,n\n1,a,1.0\n2,b,2\n3,C,3\n' >a.csv
printf 'id,code,n\n3,c,1\n4,d,5\n1,a,6\n' >b.csv
printf '{"id":5,"code":"e","n":2}\n{"id":4,"code":"x","n":7}\n{"id":9,"code":"Q","n":10}\n' >c.jsonl
"$DCVAL" validate -c c.yaml --partial-out p1.dcvp a.csv >/dev/null
echo "part 1: exit $?"
"$DCVAL" validate -c c.yaml -q --partial-out p2.dcvp b.csv
echo "part 2: exit $?"
"$DCVAL" validate -c c.yaml -q --partial-out p3.dcvp c.jsonl
echo "part 3: exit $?"
"$DCVAL" merge -c c.yaml p1.dcvp p2.dcvp p3.dcvp
echo "merge: exit $?"
for r in text json jsonl junit github sarif; do
	for m in 0 2 all; do
		"$DCVAL" validate -c c.yaml -r $r --max-violations $m a.csv b.csv c.jsonl >one
		a=$?
		"$DCVAL" merge -c c.yaml -r $r --max-violations $m -o merged p1.dcvp p2.dcvp p3.dcvp
		b=$?
		cmp -s one merged && [ $a = $b ] || echo "$r --max-violations $m: differs (exit $a, $b)"
	done
done
echo "== --warn-only"
"$DCVAL" merge -c c.yaml -r github --warn-only p1.dcvp p2.dcvp p3.dcvp >/dev/null
echo "exit $?"
echo "== two files in one part, the third in another"
"$DCVAL" validate -c c.yaml -q --partial-out p12.dcvp a.csv b.csv
"$DCVAL" validate -c c.yaml -r json a.csv b.csv c.jsonl >one
"$DCVAL" merge -c c.yaml -r json p12.dcvp p3.dcvp >merged
cmp one merged && echo same

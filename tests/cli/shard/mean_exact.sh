# The dataset mean is the exact sum of the values divided by the count,
# rounded once: ten times 0.1 average to 0.1; integers are summed as
# integers, not as doubles (2^62 + 600 and 2^62 + 1600 average to
# 2^62 + 1100, whose nearest double is 2^62 + 1024; as doubles they are
# 2^62 + 1024 and 2^62 + 2048, whose mean rounds to 2^62 + 2048). A
# sharded run's merged mean is one run's, bit for bit: bounds at the
# exact mean pass in both, a bound just past it fails in both with the
# same report.
cat >c.yaml <<'Y'
contract: m
columns:
  - {name: x, type: number}
  - {name: k, type: integer}
dataset:
  columns:
    x: {mean: {minimum: 0.1, maximum: 0.1}}
    k: {mean: {minimum: 4611686018427388928, maximum: 4611686018427388928}}
Y
sed 's/{minimum: 0.1, maximum: 0.1}/{minimum: 0.10000000000000002}/' c.yaml >high.yaml
printf 'x,k\n0.1,4611686018427388504\n0.1,4611686018427389504\n0.1,4611686018427388504\n' >a.csv
printf 'x,k\n0.1,4611686018427389504\n0.1,4611686018427388504\n0.1,4611686018427389504\n0.1,4611686018427388504\n' >b.csv
printf 'x,k\n0.1,4611686018427389504\n0.1,4611686018427388504\n0.1,4611686018427389504\n' >c.csv
"$DCVAL" validate -c c.yaml a.csv b.csv c.csv
echo "one run: exit $?"
for f in a b c; do
	"$DCVAL" validate -c c.yaml -q --partial-out $f.dcvp $f.csv
done
"$DCVAL" merge -c c.yaml a.dcvp b.dcvp c.dcvp
echo "merge: exit $?"
"$DCVAL" validate -c high.yaml -r json a.csv b.csv c.csv >one.json
echo "one run, minimum past the mean: exit $?"
for f in a b c; do
	"$DCVAL" validate -c high.yaml -q --partial-out h$f.dcvp $f.csv
done
"$DCVAL" merge -c high.yaml -r json ha.dcvp hb.dcvp hc.dcvp >merged.json
echo "merge, minimum past the mean: exit $?"
cmp one.json merged.json && echo "reports identical"
grep -o '"message": "[^"]*"' merged.json

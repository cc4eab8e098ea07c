# contract.md "Drift": a metric violates only when above its limit (equal
# passes); null_fraction_change is |run - baseline|; unseen_share the
# share of non-null values absent from the baseline's complete list; psi
# of a string column bins the baseline's top values plus one "other"
# bin; with several inputs the violations have no path and drift is over
# all inputs together.
cat >base.yaml <<'Y'
contract: l
columns:
  - {name: v, type: string}
  - {name: k, type: integer}
Y
printf 'v,k\na,1\nb,1\n,2\n,2\n' >base.csv
mkdir b
"$DCVAL" profile -c base.yaml base.csv -o b/p.json
grep -E '^      "(null_fraction|top)": ' b/p.json
# run: null fraction 0.25 (change 0.25); values a, c, d: unseen 2/3
printf 'v,k\na,1\nc,2\nd,3\n,2\n' >run.csv
for lim in 0.25 0.24; do
	cat base.yaml - >c.yaml <<Y
drift:
  baseline: b/p.json
  columns:
    v: {null_fraction_change: $lim}
Y
	echo "== null_fraction_change limit $lim"
	"$DCVAL" validate -c c.yaml run.csv
	echo "exit $?"
done
cat base.yaml - >c.yaml <<'Y'
drift:
  baseline: b/p.json
  columns:
    k: {unseen_share: 0.3, severity: warn}
    v: {unseen_share: 0.6, psi: 1}
Y
echo "== unseen and psi, two inputs"
printf 'v,k\nd,3\n' >more.csv
"$DCVAL" validate -c c.yaml -r jsonl run.csv more.csv
echo "exit $?"

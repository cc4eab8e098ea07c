# Sharded runs: dataset checks (null fraction, distinct values, shares
# with the first occurrence's text, mean), freshness against --now (the
# first part's "now") and drift (psi bins, ks sketch, null and unseen
# counters) are evaluated over the merged parts: merge's report equals
# one run's. An input that cannot be opened is listed as in one run
# (exit 3).
cat >base.yaml <<'Y'
contract: st
columns:
  - {name: amount, type: number}
  - {name: country, type: string}
  - {name: ts, type: datetime}
Y
/usr/bin/python3 - <<'P'
rows = ['%s,%s,2026-11-%02dT10:00:00Z' % ('' if i % 9 == 0 else i % 70, 'DE' if i % 3 else 'FR', 1 + i % 19) for i in range(1, 301)]
open('base.csv', 'w').write('amount,country,ts\n' + '\n'.join(rows) + '\n')
for k in range(3):
    rows = ['%s,%s,2026-11-%02dT%02d:00:00Z' % ('' if i % 4 == 0 else i % 90 + 10 * k, ['DE', 'US', 'FR', 'NL'][(i + k) % 4], 10 + k, i % 24) for i in range(1, 41)]
    open('d%d.csv' % k, 'w').write('amount,country,ts\n' + '\n'.join(rows) + '\n')
P
"$DCVAL" profile -c base.yaml base.csv -o b.json
cat base.yaml - >c.yaml <<'Y'
dataset:
  columns:
    amount: {max_null_fraction: 0.1, mean: {minimum: 1, maximum: 25}}
    country: {min_distinct: 5, min_share: 0.26, max_share: 0.3}
  freshness: {column: ts, max_age: 100h}
drift:
  baseline: b.json
  columns:
    country: {psi: 0.25, unseen_share: 0.01, severity: warn}
    amount:  {psi: 0.2, ks: 0.1, null_fraction_change: 0.05}
Y
N=2026-11-21T12:00:00Z
"$DCVAL" validate -c c.yaml --now $N -q --partial-out p1 d0.csv missing.csv 2>/dev/null
echo "part 1: exit $?"
"$DCVAL" validate -c c.yaml --now $N -q --partial-out p2 d1.csv d2.csv
echo "part 2: exit $?"
"$DCVAL" merge -c c.yaml p1 p2
echo "merge: exit $?"
for r in text json jsonl junit github sarif; do
	"$DCVAL" validate -c c.yaml --now $N -r $r d0.csv missing.csv d1.csv d2.csv >one 2>/dev/null
	a=$?
	"$DCVAL" merge -c c.yaml -r $r p1 p2 >merged
	b=$?
	cmp -s one merged && [ $a = $b ] || echo "$r: differs (exit $a, $b)"
done

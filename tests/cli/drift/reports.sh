# contract.md "Drift": drift violations are dataset-level, after every
# other violation, drift columns in contract order and per column psi,
# ks, null_fraction_change, unseen_share; rule id the metric's key, value
# the measured figure, path the input's (one input). In every report
# format (tests/cli/drift/sarif.sh: SARIF).
cat >base.yaml <<'Y'
contract: d
columns:
  - {name: id, type: integer}
  - {name: amount, type: number}
  - {name: country, type: string}
Y
/usr/bin/python3 - <<'P'
rows = ['%d,%s,%s' % (i, '' if i % 50 == 0 else str(i % 100), 'DE' if i % 3 else 'FR') for i in range(1, 1001)]
open('last_month.csv', 'w').write('id,amount,country\n' + '\n'.join(rows) + '\n')
rows = ['%d,%s,%s' % (i, '' if i % 5 == 0 else str(i % 100 + 40), 'US' if i % 4 == 0 else 'DE') for i in range(1, 201)]
open('today.csv', 'w').write('id,amount,country\n' + '\n'.join(rows) + '\n')
P
mkdir baselines
"$DCVAL" profile -c base.yaml last_month.csv -o baselines/b.json
cat base.yaml - >c.yaml <<'Y'
drift:
  baseline: baselines/b.json
  columns:
    country: {psi: 0.25, unseen_share: 0.01, severity: warn}
    amount:  {psi: 0.2, ks: 0.1, null_fraction_change: 0.05}
Y
for r in text json jsonl junit github; do
	echo "== $r"
	"$DCVAL" validate -c c.yaml -r $r today.csv >out
	echo "exit $?"
	sed 's/"sha256": "[0-9a-f]*"/"sha256": "H"/' out
done
echo "== unchanged data passes"
"$DCVAL" validate -c c.yaml last_month.csv
echo "exit $?"

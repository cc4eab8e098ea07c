# The drift violations of reports.sh as a SARIF log: results without a
# region (dataset-level), the rules described (src/report/rule_help.c).
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
"$DCVAL" validate -c c.yaml -r sarif today.csv >out.sarif
rc=$?
sed 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' out.sarif
exit $rc

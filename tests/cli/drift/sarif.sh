# The drift violations of reports.sh as a SARIF log: results without a
# region (dataset-level), the rules described (src/report/rule_help.c).
. "$T/setup.inc"
"$DCVAL" validate -c c.yaml -r sarif today.csv >out.sarif
rc=$?
sed 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' out.sarif
exit $rc

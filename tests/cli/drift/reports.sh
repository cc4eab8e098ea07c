# contract.md "Drift": drift violations are dataset-level, after every
# other violation, drift columns in contract order and per column psi,
# ks, null_fraction_change, unseen_share; rule id the metric's key, value
# the measured figure, path the input's (one input). In every report
# format (tests/cli/drift/sarif.sh: SARIF).
. "$T/setup.inc"
for r in text json jsonl junit github; do
	echo "== $r"
	"$DCVAL" validate -c c.yaml -r $r today.csv >out
	echo "exit $?"
	sed 's/"sha256": "[0-9a-f]*"/"sha256": "H"/' out
done
echo "== unchanged data passes"
"$DCVAL" validate -c c.yaml last_month.csv
echo "exit $?"

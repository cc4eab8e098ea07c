# Every dataset check's violation in the github report: one csv input (the
# input's path), then a csv and a JSON Lines input together (no path).
. "$T/setup.inc"
echo "== one input"
"$DCVAL" validate -c ds.yaml --now $NOW -r github a.csv
echo "exit $?"
echo "== two inputs"
"$DCVAL" validate -c ds.yaml --now $NOW -r github a.csv b.jsonl
echo "exit $?"

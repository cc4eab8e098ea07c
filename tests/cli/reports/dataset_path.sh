# contract.md "Drift": a dataset-level violation (row_count) has the
# input's path when the run has one input and none when it has several;
# then it counts in the run's totals but in no input's. The text report
# starts its line with "dcval:" (as a compiler does for an error no file
# is to blame for), github leaves out file=, json and jsonl write null,
# junit puts it in a suite "(all inputs)".
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: v, type: integer}
dataset:
  row_count: {minimum: 5}
Y
printf 'v\n1\n' >a.csv
printf 'v\n2\n3\n' >b.csv
echo "== one input"
"$DCVAL" validate -c c.yaml a.csv
"$DCVAL" validate -c c.yaml -r jsonl a.csv | head -n 1
echo "== two inputs"
for r in text github jsonl junit; do
	"$DCVAL" validate -c c.yaml -r $r a.csv b.csv
	echo "exit $?"
done
"$DCVAL" validate -c c.yaml -r json a.csv b.csv | grep -E '"(inputs|counts)"|\{"path": "[ab]\.csv", "format"'

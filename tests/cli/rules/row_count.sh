cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
dataset:
  row_count: {minimum: 3}
Y
printf 'a\n1\n2\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv
echo "exit $?"
printf 'a\n' >empty.csv
"$DCVAL" validate -c c.yaml -r jsonl empty.csv | tail -n 1 | grep -o '"records": *0' 

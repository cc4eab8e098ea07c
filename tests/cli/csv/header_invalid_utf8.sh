# invalid UTF-8 in a header name is an encoding violation on the header line
cat >c.yaml <<'Y'
contract: t
schema: {extra_columns: ignore}
columns:
  - {name: a, type: integer}
Y
printf 'a,b\377c\n1,2\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv
echo "exit $?"
"$DCVAL" validate -c c.yaml -r jsonl in.csv

# an input whose header line differs from the first input's cannot join the
# quarantine output: exit 3 naming it, after the earlier inputs' records
cat >c.yaml <<'Y'
contract: t
schema: {extra_columns: ignore, missing_columns: ignore}
columns:
  - {name: a, type: integer}
Y
printf 'a\n1\n' >f1.csv
printf 'a,b\n2,3\n' >f2.csv
printf 'a\n4\n' >f3.csv
"$DCVAL" validate -c c.yaml -q --valid-out - f1.csv f2.csv f3.csv
echo "exit $?"
# without quarantine outputs the headers may differ
"$DCVAL" validate -c c.yaml -q f1.csv f2.csv f3.csv
echo "exit $?"

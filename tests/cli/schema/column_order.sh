cat >c.yaml <<'Y'
contract: t
schema: {column_order: strict}
columns:
  - {name: a, type: integer}
  - {name: b, type: integer}
Y
printf 'b,a\n1,2\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

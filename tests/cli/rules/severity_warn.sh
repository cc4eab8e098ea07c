cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer, severity: warn}
Y
printf 'a\nx\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: integer, required: true}
Y
printf 'a,b\n1,2\n3\n4,5,6\n\n7,8\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

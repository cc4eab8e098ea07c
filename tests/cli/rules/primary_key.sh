cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: string}
dataset:
  primary_key: [a, b]
Y
printf 'a,b\n1,x\n1,y\n01,x\n,x\n2,x\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

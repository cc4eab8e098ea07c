cat >c.yaml <<'Y'
contract: t
columns:
  - {name: id, type: integer}
  - {name: name, type: string}
  - {name: age, type: integer}
Y
printf 'id,name,,name,extra\n1,a,,b,z\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

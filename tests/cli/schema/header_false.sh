cat >c.yaml <<'Y'
contract: t
input: {header: false, delimiter: ";"}
columns:
  - {name: a, type: integer}
  - {name: b, type: string}
Y
printf '1;x\nz;y\n3\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

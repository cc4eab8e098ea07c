cat >c.yaml <<'Y'
contract: t
input: {null_values: ["", "NA"]}
columns:
  - {name: a, type: string, required: true}
  - {name: b, type: integer}
Y
printf 'a,b\nx,1\n,2\nNA,\n"",3\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

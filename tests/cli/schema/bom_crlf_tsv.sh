cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: string}
Y
printf '\357\273\277a,b\r\n1,"x\r\ny"\r\nz,2\r\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv
printf 'a\tb\n1\tx\nq\ty\n' >in.tsv
"$DCVAL" validate -c c.yaml in.tsv

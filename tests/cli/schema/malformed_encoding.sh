cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: string}
  - {name: b, type: string}
Y
printf 'a,b\nok,\377bad\n"multi\nline",x\nlast,"unterminated\nstill\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: string}
Y
printf 'a,b\r\n1,"x\r\ny"\r\nz,2\r\n3,"q"' >in.csv
"$DCVAL" validate -c c.yaml -q --valid-out v.csv --invalid-out i.csv in.csv
echo "exit $?"
od -c v.csv | head; od -c i.csv | head

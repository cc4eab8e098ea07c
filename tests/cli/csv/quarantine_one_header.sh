# several csv inputs into one quarantine output: one header line (the first
# input's), and a last record without a line end gets "\n", so records of two
# inputs never run together ('2' then the next input's 'a' used to give '2a')
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
Y
printf 'a\n1\n2' >f1.csv
printf 'a\r\n3\r\nx\r\n' >f2.csv
printf '\357\273\277a\n4\n' >f3.csv
"$DCVAL" validate -c c.yaml -q --valid-out v.csv --invalid-out i.csv f1.csv f2.csv f3.csv
echo "exit $?"
echo "--- valid"; od -c v.csv
echo "--- invalid"; od -c i.csv
# the valid output passes its own contract
"$DCVAL" validate -c c.yaml v.csv
echo "exit $?"

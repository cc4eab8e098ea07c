# a quote is special only at the start of a field; text after a closing quote
# stays in the field ("a"b -> ab) and makes the record one malformed violation;
# the field count is Python's, no other check runs on that record
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: string, max_length: 1}
  - {name: b, type: integer}
Y
printf 'a,b\nx"y"z,1\n"a"b,2\n"q""r",3\n"ok",4\n"a" ,5\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv
echo "exit $?"

# csv column names are the header text as it comes, dots and brackets included
cat >c.yaml <<'Y'
contract: t
input: {format: csv}
columns:
  - {name: price (U.S.), type: number}
  - {name: "summary (words in [...] ...)", type: string, max_length: 5}
  - {name: a, type: integer}
  - {name: a.b, type: integer}
Y
printf 'price (U.S.),summary (words in [...] ...),a,a.b\n1.5,short,1,2\nx,too long,3,y\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv
echo "exit $?"
"$DCVAL" lint c.yaml
echo "exit $?"

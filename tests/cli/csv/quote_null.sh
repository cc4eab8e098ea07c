# input.quote: null (or ~) turns quoting off: every quote byte is literal
cat >c.yaml <<'Y'
contract: t
input: {format: tsv, quote: null}
columns:
  - {name: a, type: string, enum: ['"x', 'y"', '"']}
  - {name: b, type: integer}
Y
printf 'a\tb\n"x\t1\ny"\t2\n"\t3\n' >in.tsv
"$DCVAL" validate -c c.yaml in.tsv
echo "exit $?"
sed 's/quote: null/quote: ~/' c.yaml >c2.yaml
"$DCVAL" validate -c c2.yaml in.tsv
echo "exit $?"
# quoted, '~' is the quote byte
sed "s/quote: null/quote: '~'/" c.yaml >c3.yaml
printf 'a\tb\n~"x~\t1\n' >in3.tsv
"$DCVAL" validate -c c3.yaml in3.tsv
echo "exit $?"

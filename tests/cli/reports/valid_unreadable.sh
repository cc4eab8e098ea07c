# A run that could not read an input is not valid, even without a single
# violation: "valid": false in the json document and the jsonl summary
# (exit 3); the text summary says "cannot be read" and the junit report
# has an <error>. Before: "valid": true with exit 3.
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: v, type: integer}
Y
printf 'v\n1\n' >ok.csv
mkdir dir.csv
for r in json jsonl; do
	"$DCVAL" validate -c c.yaml -r $r ok.csv missing.csv dir.csv >out.$r 2>err
	echo "$r: exit $?"
	grep -o '"valid": [a-z]*' out.$r
done
cat err
"$DCVAL" validate -c c.yaml ok.csv missing.csv 2>/dev/null
echo "text: exit $?"
"$DCVAL" validate -c c.yaml -r junit ok.csv missing.csv 2>/dev/null | grep -c '<error '
"$DCVAL" validate -c c.yaml -r json ok.csv | grep -o '"valid": [a-z]*'

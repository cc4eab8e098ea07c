# a sensitive column's field that is not valid UTF-8: its encoding violation
# never shows the value, in any report format
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: user, type: string}
  - {name: pw, type: string, sensitive: true}
Y
printf 'user,pw\nbob,hu\377nter4\nal\377ce,x\n' >in.csv
for r in text json jsonl junit github; do
	echo "--- $r"
	"$DCVAL" validate -c c.yaml -r "$r" in.csv
	echo "exit $?"
done | sed 's/"sha256": "[0-9a-f]*"/"sha256": "<hex>"/; s/"version": "[0-9.]*"}/"version": "<v>"}/'
# the secret appears nowhere
"$DCVAL" validate -c c.yaml -r json in.csv | grep -c 'nter4'

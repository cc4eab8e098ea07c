# Issue: SARIF report. A sensitive column's value is "<redacted>" in the
# result's properties and message; a long value is cut to 80 bytes with
# "..." as in the json report; control bytes stay JSON escapes.
cat >c.yaml <<'Y'
contract: people
columns:
  - {name: email, type: string, format: email, sensitive: true}
  - {name: note, type: string, max_length: 4}
Y
printf 'email,note\nsecret-not-an-email,%s\nok@example.com,"a\tb\001c"\n' \
	"$(printf 'x%.0s' $(seq 1 100))" >in.csv
"$DCVAL" validate -c c.yaml -r sarif in.csv >out.sarif
rc=$?
sed 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' out.sarif
exit $rc

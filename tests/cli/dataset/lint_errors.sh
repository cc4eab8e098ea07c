# Contract errors of the dataset checks name the file, line and column
# with the line and a caret (exit 2); lint --dump-compiled shows the
# compiled checks.
cat >bad1.yaml <<'Y'
contract: t
columns:
  - {name: amount, type: number}
  - {name: country, type: string}
dataset:
  columns:
    country: {mean: {minimum: 1}}
Y
cat >bad2.yaml <<'Y'
contract: t
columns:
  - {name: ts, type: datetime}
dataset:
  freshness: {column: ts, max_age: 0h}
Y
cat >bad3.yaml <<'Y'
contract: t
columns:
  - {name: amount, type: number}
dataset:
  columns:
    amount: {max_null_fraction: 0.1, min_shar: 2}
Y
cat >bad4.yaml <<'Y'
contract: t
columns:
  - {name: amount, type: number}
dataset:
  columns:
    amont: {max_null_fraction: 1.01}
Y
for f in bad1 bad2 bad3 bad4; do
	"$DCVAL" lint $f.yaml
	echo "exit $?"
done 2>&1
cat >good.yaml <<'Y'
contract: t
columns:
  - {name: amount, type: number}
  - {name: day, type: date}
dataset:
  freshness: {column: day, max_age: 2d, severity: warn}
  columns:
    amount: {max_null_fraction: 0.1, min_share: 0.01, mean: {maximum: 5e2}}
Y
"$DCVAL" lint --dump-compiled good.yaml | grep -A3 '^dataset'

cat >c.yaml <<'Y'
contract: t
columns:
  - {name: email, type: string, format: email, sensitive: true, unique: true}
Y
printf 'email\nsecret-one\nsecret-one\n' >in.csv
for r in text json jsonl junit github; do
	"$DCVAL" validate -c c.yaml -r $r in.csv >out.$r 2>&1
done
if grep -l secret out.*; then echo LEAK; else echo no leak; fi
cat out.text

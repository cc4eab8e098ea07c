# Sensitive values never appear in any report format, on standard output
# or standard error, whatever rule fails: type, enum, pattern, format,
# lengths, bounds, unique and primary_key (CSV), and type, enum, pattern,
# unique in JSON Lines and JSON array inputs. Every secret contains
# "secret" (or is the number 424242): one grep finds any leak.
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: email, type: string, format: email, sensitive: true, unique: true}
  - {name: code, type: string, enum: [allowedA], sensitive: true}
  - {name: pin, type: string, pattern: '^[0-9]{4}$', sensitive: true, max_length: 6}
  - {name: n, type: integer, sensitive: true, maximum: 10}
  - {name: k, type: string, sensitive: true}
  - {name: user.tok, type: string, sensitive: true, min_length: 40}
dataset:
  primary_key: [k]
Y
printf 'email,code,pin,n,k,user.tok\nsecret-one,secretB,secret-pin,secret-n,secret-k,x\nsecret-one,secretC,secret-long-pin,424242,secret-k,y\n' >in.csv
cat >in.jsonl <<'J'
{"email": "secret-j1", "code": "secretD", "pin": "secret-p", "n": "secret-n", "k": "secret-k", "user": {"tok": "secret-short"}}
{"email": "secret-j1", "code": 5, "pin": 1, "n": 424242, "k": "secret-k", "user": {"tok": 7}}
J
printf '[%s,\n %s]\n' "$(sed -n 1p in.jsonl)" "$(sed -n 2p in.jsonl)" >in.json
for f in in.csv in.jsonl in.json; do
	for r in text json jsonl junit github sarif; do
		"$DCVAL" validate -c c.yaml -r $r --max-violations all "$f" >"out.$f.$r" 2>"err.$f.$r"
		echo "$f $r: exit $?"
	done
	# the report on standard error when quarantine goes to standard output
	"$DCVAL" validate -c c.yaml --valid-out - --invalid-out bad.out "$f" >/dev/null 2>"err.$f.quarantine"
	echo "$f quarantine: exit $?"
done
if grep -l -e secret -e 424242 out.* err.*; then echo LEAK; else echo no leak; fi
cat out.in.csv.text

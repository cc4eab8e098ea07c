# contract.md "Decisions users rely on": a reported value is cut to at
# most 80 bytes at a character boundary, the "..." included: the
# longest prefix of whole characters that fits in 77 bytes, then "...".
# 100 ASCII bytes; 75 bytes then a 4-byte character over bytes 76-79;
# exactly 80 bytes (not cut); 81 bytes.
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: v, type: integer}
Y
a75=$(head -c 75 /dev/zero | tr '\0' a)
a80=$(head -c 80 /dev/zero | tr '\0' b)
{
	echo v
	head -c 100 /dev/zero | tr '\0' x
	echo
	printf '%s\360\237\230\200zzzz\n' "$a75"
	echo "$a80"
	echo "${a80}c"
} >in.csv
"$DCVAL" validate -c c.yaml -r jsonl in.csv >out.jsonl
echo "exit $?"
/usr/bin/python3 - <<'P'
import json
for line in open("out.jsonl", encoding="utf-8"):
    o = json.loads(line)
    if "summary" in o:
        for r in o["summary"]["rules"]:
            print("examples:", [len(e.encode()) for e in r["examples"]])
        continue
    v = o["value"]
    print(len(v.encode()), v)
P
"$DCVAL" validate -c c.yaml in.csv | awk '{ print length($0) ": " $0 }'

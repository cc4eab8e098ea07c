# cli.md "profile": without a contract every column's type, null tokens
# and nested names are inferred as `dcval infer` does and `contract` is
# null; standard input is read once (spooled for the two passes).
printf 'id,amount,country,day\n1,2.5,DE,2026-01-01\n2,NA,FR,2026-01-02\n3,4,DE,\n' >in.csv
printf '%s\n' '{"id": 1, "user": {"age": 30}}' '{"id": 2, "user": {"age": null}}' >in.jsonl
"$DCVAL" profile in.csv >file.json
echo "file: exit $?"
"$DCVAL" profile -f csv - <in.csv >stdin.json
echo "stdin: exit $?"
"$DCVAL" profile in.jsonl >nested.json
echo "nested: exit $?"
/usr/bin/python3 - <<'PY'
import json
f = json.load(open("file.json")); s = json.load(open("stdin.json")); n = json.load(open("nested.json"))
print("contract", f["contract"], s["contract"])
print("stdin path", s["inputs"][0]["path"], "records", s["records"])
for c in f["columns"]:
    print(c["name"], c["type"], "nulls", c["nulls"], "invalid", c["invalid"], "distinct", c["distinct"])
f["inputs"] = s["inputs"] = None
print("stdin profile equals file profile:", f == s)
for c in n["columns"]:
    print(c["name"], c["type"], "nulls", c["nulls"])
PY

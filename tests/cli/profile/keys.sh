# cli.md "profile": profile never exits 1, it reports no violation; a
# contract's `unique` and `primary_key` therefore keep no key set in a
# profile's run (memory stays flat on any input: README Performance, the
# 1 GB row), and repeated keys are counted as any other value.
cat >c.yaml <<'Y'
contract: k
columns:
  - {name: id, type: integer, unique: true}
  - {name: day, type: date}
dataset:
  primary_key: [id, day]
Y
printf 'id,day\n1,2026-01-01\n2,2026-01-02\n1,2026-01-01\n2,2026-01-02\n2,2026-01-03\n' >in.csv
"$DCVAL" validate -q -c c.yaml in.csv
echo "validate: exit $?"
"$DCVAL" profile -c c.yaml in.csv >p.json
echo "profile: exit $?"
/usr/bin/python3 - <<'PY'
import json
p = json.load(open("p.json"))
print("records", p["records"])
for c in p["columns"]:
    print(c["name"], "count", c["count"], "distinct", c["distinct"], "top",
          [(t["value"], t["count"]) for t in c["top"]])
PY

# one contract over equivalent CSV, JSON Lines and JSON array inputs gives
# the same violations (modulo path and field)
cat >c.yaml <<'Y'
contract: same
schema: {extra_columns: error}
columns:
  - {name: id, type: integer, required: true, unique: true}
  - {name: kind, type: string, enum: [a, b]}
  - {name: score, type: number, minimum: 0, maximum: 1}
  - {name: day, type: date}
  - {name: ok, type: boolean}
Y
cat >in.csv <<'D'
id,kind,score,day,ok
1,a,0.5,2026-01-01,true
2,c,1.5,2026-02-30,false
2,,,,
D
cat >in.jsonl <<'D'
{"id": 1, "kind": "a", "score": 0.5, "day": "2026-01-01", "ok": true}
{"id": 2, "kind": "c", "score": 1.5, "day": "2026-02-30", "ok": false}
{"id": 2, "kind": null}
D
cat >in.json <<'D'
[{"id": 1, "kind": "a", "score": 0.5, "day": "2026-01-01", "ok": true},
 {"id": 2, "kind": "c", "score": 1.5, "day": "2026-02-30", "ok": false},
 {"id": 2, "kind": null}]
D
for f in in.csv in.jsonl in.json; do
	"$DCVAL" validate -c c.yaml -r jsonl "$f" >"$f.out"
	echo "$f exit $?"
	grep -v '"summary"' "$f.out" | sed 's/"path": "[^"]*", //; s/"record": \([0-9]*\), "line": [0-9]*, "field": [0-9a-z]*, /"record": \1, /' >"$f.norm"
done
cmp in.csv.norm in.jsonl.norm && cmp in.csv.norm in.json.norm && echo "same violations"
cat in.csv.norm

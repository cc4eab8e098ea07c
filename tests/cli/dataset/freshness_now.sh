# freshness against --now: a date counts as its day's end (23:59:59.999
# UTC), so 2026-11-20 is 24h old only after 2026-11-21T23:59:59.999Z; a
# column with no non-null value is one violation with a null value.
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: day, type: date}
  - {name: ts, type: datetime}
dataset:
  freshness: {column: day, max_age: 24h}
Y
printf '%s\n' '{"day": "2026-11-19", "ts": null}' '{"day": "2026-11-20"}' '{"day": null}' >in.jsonl
for now in 2026-11-21T23:59:59.999Z 2026-11-22T00:00:00Z; do
	"$DCVAL" validate -c c.yaml --now $now -r jsonl in.jsonl | head -n 1
done
sed 's/column: day/column: ts/' c.yaml >c2.yaml
"$DCVAL" validate -c c2.yaml --now 2026-11-22T00:00:00Z in.jsonl
echo "exit $?"

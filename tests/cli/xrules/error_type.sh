cat >c.yaml <<'Y'
contract: t
columns:
  - {name: event_ts, type: datetime}
  - {name: day, type: date}
rules:
  - name: r
    check: |
      event_ts > "2026-01-01T00:00:00Z" and
        day + 36h > "2026-01-01"
Y
"$DCVAL" lint c.yaml

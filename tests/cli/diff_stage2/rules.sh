cat >old.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: id, type: integer}
  - {name: label_ts, type: datetime}
  - {name: event_ts, type: datetime}
rules:
  - name: label_after_event
    check: label_ts >= event_ts
  - name: gone
    check: id > 0
Y
cat >new.yaml <<'Y'
contract: t
version: 1.1.0
columns:
  - {name: id, type: integer}
  - {name: label_ts, type: datetime}
  - {name: event_ts, type: datetime}
rules:
  - name: label_after_event
    check: label_ts > event_ts
    description: strictly after
  - name: fresh
    check: id < 100
    severity: warn
Y
"$DCVAL" diff old.yaml new.yaml

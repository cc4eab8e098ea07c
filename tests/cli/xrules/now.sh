cat >c.yaml <<'Y'
contract: t
columns:
  - {name: ts, type: datetime}
rules:
  - name: not_in_future
    check: ts <= now()
  - name: recent
    check: now() - ts <= 7d
    severity: warn
Y
printf 'ts\n2026-01-01T00:00:00Z\n2026-01-09T00:00:00Z\n2025-12-01T00:00:00Z\n' >d.csv
"$DCVAL" validate -c c.yaml --now 2026-01-08T00:00:00Z d.csv

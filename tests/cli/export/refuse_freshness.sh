# dataset.freshness has no SQL translation yet: an export error, never a silent skip
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: ts, type: datetime}
dataset:
  freshness: {column: ts, max_age: 26h}
YAML
"$DCVAL" export --sql duckdb --now 2026-01-01T00:00:00Z c.yaml

# freshness with --now: the limit (now - max_age) in seconds and nanoseconds
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: ts, type: datetime}
dataset:
  freshness: {column: ts, max_age: 1500ms}
YAML
"$DCVAL" export --sql duckdb --now 2026-01-01T00:00:00Z c.yaml

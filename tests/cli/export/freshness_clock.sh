# freshness without --now: the engine's CURRENT_TIMESTAMP; a date is its day's end
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: ts, type: date}
dataset:
  freshness: {column: ts, max_age: 1500ms}
YAML
"$DCVAL" export --sql postgres c.yaml

# dataset.columns has no SQL translation yet: an export error, never a silent skip
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
dataset:
  columns:
    a: {max_null_fraction: 0.5}
YAML
"$DCVAL" export --sql postgres c.yaml

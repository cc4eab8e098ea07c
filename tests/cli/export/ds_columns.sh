# dataset.columns as result rows (one per check, after row_count)
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
dataset:
  columns:
    a: {max_null_fraction: 0.5, min_distinct: 2, max_distinct: 9, min_share: 0.1, max_share: 0.9, mean: {minimum: 1, maximum: 5}}
YAML
"$DCVAL" export --sql postgres c.yaml

# cross-field rules have no SQL translation yet: an export error, never a silent skip
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: integer}
rules:
  - name: a_below_b
    check: a < b
YAML
"$DCVAL" export --sql duckdb c.yaml

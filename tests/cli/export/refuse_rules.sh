# a rule construct without an exact SQL translation: an export error naming it, never a silent skip
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: integer}
rules:
  - name: a_below_b
    check: a + 1 < b
YAML
"$DCVAL" export --sql duckdb c.yaml

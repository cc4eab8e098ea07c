# names and values that try to leave their quotes
cat > c.yaml <<'YAML'
contract: t
input:
  null_values: ["it's", "back\\slash"]
columns:
  - name: "a\"b'; DROP TABLE input; --"
    type: string
    enum: ["x'); DELETE FROM input; --", "\\'", "tab\tend"]
  - name: "\x01ctl é"
    type: boolean
    true_values: ["o'k"]
    false_values: ["\\"]
YAML
"$DCVAL" export --sql postgres c.yaml && "$DCVAL" export --sql duckdb c.yaml

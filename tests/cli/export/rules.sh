# cross-field rules: one row each after the column checks, before primary_key;
# when must be true, check fails only when false (three-valued logic)
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
  - {name: "s'x", type: string}
  - {name: f, type: boolean}
rules:
  - {name: a_pos, when: 'f', check: 'a > 0 and `s''x` in ["x", null]', severity: warn}
  - {name: s_set, check: '`s''x` is not null or not f'}
dataset:
  primary_key: [a]
YAML
"$DCVAL" export --sql postgres c.yaml

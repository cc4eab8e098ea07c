cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
rules:
  - name: unique
    check: a > 0
Y
"$DCVAL" lint c.yaml

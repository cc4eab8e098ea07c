cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
  - {name: b, type: integer}
rules:
  - name: ordered
    check: "a < b < 10"
Y
"$DCVAL" lint c.yaml

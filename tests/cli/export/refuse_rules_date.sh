# comparing dates in a rule is not translated yet: an export error naming the rule and the type
cat > c.yaml <<'YAML'
contract: t
columns:
  - {name: a, type: integer}
  - {name: d, type: date}
rules:
  - {name: ok_rule, check: 'a > 0'}
  - {name: d_recent, when: 'a is not null', check: 'd >= "2020-01-01"'}
YAML
"$DCVAL" export --sql postgres c.yaml

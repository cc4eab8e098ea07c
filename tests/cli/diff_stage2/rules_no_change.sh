# spacing, backquotes and key order inside rules are no change
cat >old.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: id, type: integer}
  - {name: kind, type: string}
rules:
  - {name: r, when: 'kind == "a b"', check: 'id>0 and id<10'}
Y
cat >new.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: id, type: integer}
  - {name: kind, type: string}
rules:
  - check: '`id` > 0 and id < 10'
    when: kind  ==  "a b"
    name: r
Y
"$DCVAL" diff old.yaml new.yaml

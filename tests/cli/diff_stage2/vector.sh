cat >old.yaml <<'Y'
contract: t
version: 1.0.0
input: {format: jsonl}
columns:
  - {name: e, type: vector, dimension: 3, norm: {minimum: 0.5, maximum: 1.5}}
Y
cat >new.yaml <<'Y'
contract: t
version: 1.1.0
input: {format: jsonl}
columns:
  - {name: e, type: vector, dimension: 4, finite: false, norm: {maximum: 1.5}}
Y
"$DCVAL" diff -r json old.yaml new.yaml | grep -v sha256

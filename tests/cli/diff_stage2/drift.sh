# a baseline's path is compared as text
printf 'x\n1\n2\n3\n' >data.csv
"$DCVAL" profile data.csv >a.json || exit 9
cp a.json b.json
cat >old.yaml <<'Y'
contract: t
version: 1.0.0
input: {format: csv}
columns:
  - {name: x, type: integer}
drift:
  baseline: a.json
  columns:
    x: {psi: 0.2}
Y
cat >new.yaml <<'Y'
contract: t
version: 1.0.1
input: {format: csv}
columns:
  - {name: x, type: integer}
drift:
  baseline: b.json
  columns:
    x: {psi: 0.3, ks: 0.1}
Y
"$DCVAL" diff old.yaml new.yaml

# key order, quoting, 5 vs 5.0, required: false, column order under `any`: no change
cat >old.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: id, type: integer, required: true}
  - {name: amount, type: number, minimum: 5, required: false}
  - {name: kind, type: string, enum: [a, b]}
Y
cat >new.yaml <<'Y'
version: "1.0.0"
contract: 't'
columns:
  - name: kind
    enum: ["b", 'a']
    type: string
  - {type: number, minimum: 5.0, name: amount}
  - {required: true, name: id, type: "integer"}
Y
"$DCVAL" diff old.yaml new.yaml && "$DCVAL" diff -r json old.yaml new.yaml

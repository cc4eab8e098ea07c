cat >c.yaml <<'Y'
contract: t
columns:
  - name: a
    type: integer
    minimun: 3
Y
"$DCVAL" validate -c c.yaml x.csv

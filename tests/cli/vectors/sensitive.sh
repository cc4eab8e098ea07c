# A sensitive vector column's value is <redacted> in every vector
# violation (type, dimension, finite, norm).
cat >c.yaml <<'Y'
contract: s
columns:
  - {name: v, type: vector, sensitive: true, dimension: 2, norm: {maximum: 1}}
Y
printf 'v\n"[3, 4, 5]"\n[1e999]\n[x]\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

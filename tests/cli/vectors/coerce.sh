# contract.md Types: under input.coerce a JSON string in a vector column
# is parsed as CSV text is; without coerce it is a type violation.
cat >c.yaml <<'Y'
contract: c
input: {format: jsonl, coerce: true}
columns:
  - {name: v, type: vector, dimension: 2}
Y
printf '%s\n' '{"v": "[1, 2]"}' '{"v": "[ 1 ,2 ]"}' '{"v": "[1]"}' '{"v": "1, 2"}' '{"v": [3, 4]}' >in.jsonl
"$DCVAL" validate -c c.yaml in.jsonl

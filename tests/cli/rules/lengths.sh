cat >c.yaml <<'Y'
contract: t
columns:
  - {name: s, type: string, min_length: 2, max_length: 3}
Y
printf 's\nab\nabc\na\nabcd\nñé\nñéü\nñéüö\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

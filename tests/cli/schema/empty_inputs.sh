cat >c.yaml <<'Y'
contract: t
columns:
  - {name: a, type: integer}
Y
: >empty.csv
"$DCVAL" validate -c c.yaml empty.csv; echo "exit $?"
printf 'a\n' >header_only.csv
"$DCVAL" validate -c c.yaml header_only.csv; echo "exit $?"
printf 'a\n\n\n' >blank_lines.csv
"$DCVAL" validate -c c.yaml blank_lines.csv; echo "exit $?"

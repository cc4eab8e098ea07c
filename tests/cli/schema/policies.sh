cat >c.yaml <<'Y'
contract: t
schema: {extra_columns: warn, missing_columns: ignore}
columns:
  - {name: id, type: integer}
  - {name: gone, type: string, required: true}
Y
printf 'id,more\n1,x\n2,y\n' >in.csv
"$DCVAL" validate -c c.yaml in.csv

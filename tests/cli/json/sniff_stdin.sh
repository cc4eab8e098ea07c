# no -f, no input.format, no extension: the first non-space byte decides
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
printf '\n  {"a": 1}\n{"a": "x"}\n' | "$DCVAL" validate -c c.yaml
printf '[{"a": 1},\n {"a": 2.5}]\n' | "$DCVAL" validate -c c.yaml -
printf 'a\n7\nq\n' | "$DCVAL" validate -c c.yaml -r jsonl | head -n 1
printf '{"a": 1}\n' >data.txt
"$DCVAL" validate -c c.yaml data.txt

# a truncated .jsonl.zst in the json report: the input's "error", its
# records before the fault, "compression"
printf '{"a": 1}\n{"a": "x"}\n{"a": 3}\n' >rows.jsonl
zstd -q -c rows.jsonl >full.zst
size=$(wc -c <full.zst)
head -c $((size - 3)) full.zst >rows.jsonl.zst
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
"$DCVAL" validate -c c.yaml -r json rows.jsonl.zst | grep -e '"path": "rows.jsonl.zst", "format"' -e '"counts"' | sed 's/"bytes": [0-9]*/"bytes": N/'

# -f names the format; decompression does not depend on it
printf 'a\tb\n1\tx\n2\ty\n' | gzip -c >rows.csv.gz
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n  - {name: b, type: string}\n' >c.yaml
"$DCVAL" validate -c c.yaml -f tsv -r json rows.csv.gz | grep '"path": "rows.csv.gz", "format"' | sed 's/"bytes": [0-9]*/"bytes": N/'
printf '{"a": 1, "b": "x"}\n{"a": "two", "b": "y"}\n' | zstd -q -c >rows.zst
"$DCVAL" validate -c c.yaml -f jsonl rows.zst

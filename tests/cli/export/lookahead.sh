printf 'contract: t\ncolumns:\n  - name: code\n    type: string\n    pattern: "(?=A)[A-Z]+"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

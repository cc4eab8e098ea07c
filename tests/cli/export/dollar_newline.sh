printf 'contract: t\ncolumns:\n  - name: x\n    type: string\n    pattern: "a$\\\\n"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

printf 'contract: t\ncolumns:\n  - name: day\n    type: date\n    format: "%%d/%%m/%%Y"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

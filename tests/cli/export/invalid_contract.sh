printf 'contract: t\ncolumns:\n  - name: x\n    type: integr\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

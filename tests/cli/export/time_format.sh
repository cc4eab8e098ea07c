# a format directive export does not translate (%b, month names): an
# export error naming it (exit 2)
printf 'contract: t\ncolumns:\n  - name: day\n    type: date\n    format: "%%d %%b %%Y"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

# a format directive export does not translate (%j, the day of the year):
# an export error naming it (exit 2)
printf 'contract: t\ncolumns:\n  - name: day\n    type: date\n    format: "%%Y-%%j"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

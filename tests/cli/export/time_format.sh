# a format export cannot translate exactly (a letter right after a month
# name: "mar" + "ch" could end the name in two places): an export error
# naming the construct (exit 2)
printf 'contract: t\ncolumns:\n  - name: day\n    type: date\n    format: "%%d %%bx %%Y"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

# a format with a literal digit right after a number field (dcval reads
# fields greedily, a regular expression would backtrack): an export error
# naming the construct, never a silent skip
printf 'contract: t\ncolumns:\n  - name: t\n    type: time\n    format: "%%H%%M0"\n' > c.yaml
"$DCVAL" export --sql duckdb c.yaml

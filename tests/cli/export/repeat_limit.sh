# 300 is above PostgreSQL's 255 and within RE2's 1000
printf 'contract: t\ncolumns:\n  - name: x\n    type: string\n    pattern: "a{300}"\n' > c.yaml
"$DCVAL" export --sql postgres c.yaml
echo "postgres: $?"
"$DCVAL" export --sql duckdb c.yaml | grep -c 'a{300}'

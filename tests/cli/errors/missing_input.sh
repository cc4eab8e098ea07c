printf 'contract: t\ncolumns:\n  - name: a\n    type: integer\n' >c.yaml
printf 'a\n1\n' >ok.csv
"$DCVAL" validate -c c.yaml missing.csv ok.csv

printf 'contract: t\ncolumns:\n  - name: a\n    type: integer\n' >c.yaml
printf 'a\n1\n' >in.csv
"$DCVAL" validate -c c.yaml --invalid-out in.csv in.csv
echo "exit $?"
cat in.csv

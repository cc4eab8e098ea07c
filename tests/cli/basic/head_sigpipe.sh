# a long report piped into head ends quietly
i=0
{ echo "id"; while [ $i -lt 20000 ]; do echo "x$i"; i=$((i+1)); done; } >big.csv
printf 'contract: t\ncolumns:\n  - name: id\n    type: integer\n' >c.yaml
"$DCVAL" validate -c c.yaml --max-violations all big.csv | head -n 2

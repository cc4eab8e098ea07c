# one quarantine output fails at the end: the other target is not replaced
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
printf 'a\nx\n1\n2\n' >in.csv
echo old >keep.csv
"$DCVAL" validate -q -c c.yaml --valid-out keep.csv --invalid-out /dev/full in.csv
echo "exit $?"
ls
cat keep.csv

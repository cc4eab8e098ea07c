# a run ended by SIGTERM leaves the target as it was and no temporary file
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
echo old >keep.csv
( (printf 'a\n'; yes 1) | "$DCVAL" validate -q -c c.yaml -f csv --valid-out keep.csv ) &
i=0
while [ $i -lt 300 ] && ! ls | grep -q 'keep.csv.dcval-'; do sleep 0.1; i=$((i + 1)); done
ls | grep -c 'keep.csv.dcval-'
pkill -TERM -f "validate -q -c c.yaml -f csv --valid-out keep.csv"
wait 2>/dev/null
ls
cat keep.csv

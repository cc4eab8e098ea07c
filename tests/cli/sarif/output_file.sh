# Issue: SARIF report. -o writes the log to a file (as the CI example
# uploads it); standard output stays empty.
cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c contracts/events.yaml -r sarif -o dcval.sarif examples/events_broken.csv
echo "exit $?"
grep -c '"ruleId"' dcval.sarif
grep -c '"version": "2.1.0"' dcval.sarif

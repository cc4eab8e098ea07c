"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r json -o report.json "$ROOT/examples/events_broken.csv"
echo "exit $?"
grep -c '"report_version": 1' report.json

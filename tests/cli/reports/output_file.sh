cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" -r json -o report.json "examples/events_broken.csv"
echo "exit $?"
grep -c '"report_version": 1' report.json

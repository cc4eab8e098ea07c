cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" --valid-out - --invalid-out bad.csv "examples/events_broken.csv" 2>report.txt
echo "exit $?"
echo "--- report"; cat report.txt

"$DCVAL" validate -c "$ROOT/contracts/events.yaml" --valid-out - --invalid-out bad.csv "$ROOT/examples/events_broken.csv" 2>report.txt
echo "exit $?"
echo "--- report"; cat report.txt

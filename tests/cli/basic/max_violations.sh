"$DCVAL" validate -c "$ROOT/contracts/events.yaml" --max-violations 2 "$ROOT/examples/events_broken.csv"

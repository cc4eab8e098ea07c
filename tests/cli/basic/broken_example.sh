"$DCVAL" validate -c "$ROOT/contracts/events.yaml" "$ROOT/examples/events_broken.csv"

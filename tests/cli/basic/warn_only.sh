"$DCVAL" validate -c "$ROOT/contracts/events.yaml" --warn-only -q "$ROOT/examples/events_broken.csv"

"$DCVAL" validate -c "$ROOT/contracts/events.yaml" --fail-fast "$ROOT/examples/events_broken.csv"

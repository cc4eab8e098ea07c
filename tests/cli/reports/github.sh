"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r github "$ROOT/examples/events_broken.csv"

"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r junit "$ROOT/examples/events_broken.csv"

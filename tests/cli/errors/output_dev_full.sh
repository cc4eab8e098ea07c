"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -o /dev/full "$ROOT/examples/events_broken.csv"

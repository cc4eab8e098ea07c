"$DCVAL" validate -c "$ROOT/contracts/events.yaml" "$ROOT/examples/events.csv"

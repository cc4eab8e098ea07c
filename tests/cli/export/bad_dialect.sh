"$DCVAL" export --sql spark "$ROOT/contracts/events.yaml"

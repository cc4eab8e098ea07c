"$DCVAL" export "$ROOT/contracts/events.yaml"

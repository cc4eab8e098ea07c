"$DCVAL" export --sql postgres --table 'raw"events' "$ROOT/contracts/events.yaml"

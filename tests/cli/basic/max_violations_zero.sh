"$DCVAL" validate -c "$ROOT/contracts/events.yaml" --max-violations 0 -r json "$ROOT/examples/events_broken.csv" | grep -E '"(truncated|errors)"'

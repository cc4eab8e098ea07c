cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" --max-violations 0 -r json "examples/events_broken.csv" | grep -E '"(truncated|errors)"'

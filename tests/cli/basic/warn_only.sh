cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" --warn-only -q "examples/events_broken.csv"

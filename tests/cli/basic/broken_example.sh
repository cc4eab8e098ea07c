cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" "examples/events_broken.csv"

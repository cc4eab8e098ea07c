cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" lint "contracts/events.yaml" "contracts/training_set.yaml"

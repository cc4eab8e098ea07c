"$DCVAL" lint "$ROOT/contracts/events.yaml" "$ROOT/contracts/training_set.yaml"

"$DCVAL" validate -c "$ROOT/contracts/training_set.yaml" "$ROOT/examples/training_broken.jsonl"

cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/training_set.yaml" "examples/training.jsonl"

# a .jsonl.zst input: jsonl from the name under the suffix
zstd -q -c "$ROOT/examples/training_broken.jsonl" >training.jsonl.zst
"$DCVAL" validate -c "$ROOT/contracts/training_set.yaml" training.jsonl.zst

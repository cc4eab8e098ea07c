# vectors: csv text [..] and JSON arrays of numbers; one past the double range
# (a `finite` violation) or a non-number element leaves any
cp "$T"/data/* .
"$DCVAL" infer vectors.csv >c.yaml && cat c.yaml && "$DCVAL" validate -q -c c.yaml vectors.csv; echo "validate rc=$?"
"$DCVAL" infer vectors.jsonl >c.yaml && cat c.yaml && "$DCVAL" validate -q -c c.yaml vectors.jsonl; echo "validate rc=$?"

# a name that says nothing (and one that says csv): the magic number
# decides; the format then comes from the decompressed content
zstd -q -c "$ROOT/examples/training_broken.jsonl" >data.bin
"$DCVAL" validate -c "$ROOT/contracts/training_set.yaml" -q data.bin
echo "data.bin: exit $?"
gzip -c "$ROOT/examples/events.csv" >events.csv
"$DCVAL" validate -c "$ROOT/contracts/events.yaml" events.csv

"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r jsonl "$ROOT/examples/events_broken.csv" | sed 's/"sha256": *"[0-9a-f]*"/"sha256":"HEX"/'

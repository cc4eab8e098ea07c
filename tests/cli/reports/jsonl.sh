cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" -r jsonl "examples/events_broken.csv" | sed 's/"sha256": *"[0-9a-f]*"/"sha256":"HEX"/'

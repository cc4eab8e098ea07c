"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r json "$ROOT/examples/events.csv" >r.json
want=$(sha256sum "$ROOT/contracts/events.yaml" | cut -d' ' -f1)
grep -c "\"sha256\": \"$want\"" r.json

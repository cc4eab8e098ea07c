cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" -r json "examples/events.csv" >r.json
want=$(sha256sum "contracts/events.yaml" | cut -d' ' -f1)
grep -c "\"sha256\": \"$want\"" r.json

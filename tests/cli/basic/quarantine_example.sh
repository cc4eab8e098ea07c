sh "$ROOT/examples/quarantine.sh" "$DCVAL"

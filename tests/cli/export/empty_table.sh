"$DCVAL" export --sql duckdb --table "" "$ROOT/contracts/events.yaml"

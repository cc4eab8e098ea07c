"$DCVAL" export --sql duckdb --now yesterday "$ROOT/contracts/events.yaml"

"$DCVAL" export --sql duckdb "$ROOT/contracts/events.yaml"

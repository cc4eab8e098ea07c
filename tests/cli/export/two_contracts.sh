"$DCVAL" export --sql duckdb --now 2026-11-21T10:00:00Z "$ROOT/contracts/events.yaml" "$ROOT/contracts/training_set.yaml"

# --bounds: integer, number (as written), date, datetime (in UTC), time
cp "$T"/data/* .
"$DCVAL" infer --bounds bounds.csv >c.yaml && cat c.yaml && "$DCVAL" validate -q -c c.yaml bounds.csv; echo "validate rc=$?"

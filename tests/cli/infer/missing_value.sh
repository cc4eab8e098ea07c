cp "$T"/data/* .
"$DCVAL" infer colors.csv --records

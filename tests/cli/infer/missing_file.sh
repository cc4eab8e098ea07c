cp "$T"/data/* .
"$DCVAL" infer colors.csv nonexistent.csv

cp "$T"/data/* .
"$DCVAL" infer --records 0 colors.csv

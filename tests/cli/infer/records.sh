# --records N: only the first N records (of all inputs)
cp "$T"/data/* .
"$DCVAL" infer --records 2 people.csv colors.csv

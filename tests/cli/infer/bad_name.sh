cp "$T"/data/* .
"$DCVAL" infer --name "a b" colors.csv

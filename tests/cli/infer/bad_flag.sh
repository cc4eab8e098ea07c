cp "$T"/data/* .
"$DCVAL" infer --bogus colors.csv

cp "$T"/data/* .
"$DCVAL" infer bad.csv.gz

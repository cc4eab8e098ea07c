cp "$T"/data/* .
"$DCVAL" infer -f xml colors.csv

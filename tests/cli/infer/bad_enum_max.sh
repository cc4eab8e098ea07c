cp "$T"/data/* .
"$DCVAL" infer --enum-max x colors.csv

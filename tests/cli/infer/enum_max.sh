# --enum-max: 2 allows two values (three are too many); 0 turns enums off
cp "$T"/data/* .
"$DCVAL" infer --enum-max 2 colors.csv
"$DCVAL" infer --enum-max 3 colors.csv | grep enum
"$DCVAL" infer --enum-max 0 colors.csv | grep -c enum
exit 0

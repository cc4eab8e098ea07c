# tsv: a quoted field with a tab, leading zeros stay an integer
cp "$T"/data/* .
"$DCVAL" infer cities.tsv

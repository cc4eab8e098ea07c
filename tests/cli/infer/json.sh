# a JSON array of records
cp "$T"/data/* .
"$DCVAL" infer items.json

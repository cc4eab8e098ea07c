# csv: types, null tokens NA and -, enum, formats, required
cp "$T"/data/* .
"$DCVAL" infer people.csv

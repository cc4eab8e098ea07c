# repeated and blank header names: the csv is read without a header
cp "$T"/data/* .
"$DCVAL" infer dupes.csv >c.yaml
cat c.yaml
"$DCVAL" validate -q -c c.yaml dupes.csv; echo "validate rc=$?"

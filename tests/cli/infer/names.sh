# hostile column names are quoted; the contract lints and the round trip holds
cp "$T"/data/* .
"$DCVAL" infer names.csv >c.yaml
cat c.yaml
"$DCVAL" lint c.yaml && "$DCVAL" validate -q -c c.yaml names.csv; echo "validate rc=$?"

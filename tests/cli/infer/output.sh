# -o FILE: the contract goes there, nothing to standard output
cp "$T"/data/* .
"$DCVAL" infer -o out.yaml --name colors_v1 colors.csv
echo "rc=$?"
cat out.yaml

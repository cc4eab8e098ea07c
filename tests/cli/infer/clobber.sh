# -o naming an input is a usage error before anything is read
cp "$T"/data/* .
cp colors.csv in.csv
"$DCVAL" infer -o in.csv in.csv
echo "rc=$?"
cat in.csv

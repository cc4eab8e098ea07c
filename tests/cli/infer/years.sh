# --bounds: a datetime bound whose UTC year leaves 0001..9999 is written as in the data
# (a bound in UTC could not be read back)
cp "$T"/data/* .
"$DCVAL" infer --bounds years.csv >c.yaml && tail -3 c.yaml && "$DCVAL" validate -q -c c.yaml years.csv; echo "validate rc=$?"

# contract.md Types (vector): type, dimension, finite and norm violations
# of csv input in the text report; a vector with two wrong things gets both,
# a null one only 'required', a value that is not a vector one 'type'.
"$DCVAL" validate -c "$T/vec.yaml" -r text --max-violations all "$T/vec.csv" >out
rc=$?
sed -e 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' -e "s#$T/##g" -e 's/timestamp="[^"]*"/timestamp="T"/' -e 's/time="[0-9.]*"/time="S"/g' out
exit $rc

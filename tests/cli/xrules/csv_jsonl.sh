cd "$T" || exit 9
"$DCVAL" validate -c labels.yaml -r jsonl labels.csv >"$OLDPWD/out.txt"
rc=$?
cd "$OLDPWD" && sed -e 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' -e 's/"startTimeUtc": "[^"]*"/"startTimeUtc": "T"/' -e 's/"endTimeUtc": "[^"]*"/"endTimeUtc": "T"/' -e 's/time="[^"]*"/time="T"/g' -e 's/timestamp="[^"]*"/timestamp="T"/g' out.txt
exit $rc

cd "$T" || exit 9
"$DCVAL" validate -c labels.yaml -r text labels.jsonl >"$OLDPWD/out.txt"
rc=$?
cd "$OLDPWD" && sed -e 's/"sha256": "[0-9a-f]*"/"sha256": "HEX"/' out.txt
exit $rc

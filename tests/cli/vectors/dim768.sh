# A 768-element embedding (the spec's example) passes in CSV and JSON
# Lines; 767 elements are one dimension violation; finite: false lets an
# element beyond the double range through (the norm is then skipped).
cat >c.yaml <<'Y'
contract: e
columns:
  - name: emb
    type: vector
    dimension: 768
    norm: {maximum: 1000}
  - {name: loose, type: vector, finite: false, norm: {maximum: 1}}
Y
ok=$(awk 'BEGIN { for (i = 1; i <= 768; i++) printf "%s0.0%d", (i > 1 ? ", " : ""), i % 10; }')
short=$(awk 'BEGIN { for (i = 1; i <= 767; i++) printf "%s-1.5e-2", (i > 1 ? "," : ""); }')
printf 'emb,loose\n"[%s]","[1e999, 0]"\n"[%s]",[0.5]\n' "$ok" "$short" >in.csv
printf '{"emb": [%s], "loose": [1e999, 0]}\n{"emb": [%s], "loose": [2]}\n' "$ok" "$short" >in.jsonl
"$DCVAL" validate -c c.yaml -r jsonl in.csv in.jsonl >out
rc=$?
sed 's/"value": "\[[^"]*"/"value": "..."/; s/"message": "[^ ]* /"message": "... /' out
exit $rc

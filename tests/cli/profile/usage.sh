# cli.md "profile": exit codes 0, 2, 3, 4, never 1 (a file full of
# violations profiles fine); usage errors exit 2. Without -c the types
# are inferred as `dcval infer` does (no_contract.sh).
cat >c.yaml <<'Y'
contract: u
columns:
  - {name: v, type: integer, minimum: 100, required: true}
Y
printf 'v\n1\n\nx\n' >in.csv
"$DCVAL" profile -c c.yaml in.csv >/dev/null
echo "violations: exit $?"
"$DCVAL" profile in.csv >/dev/null
echo "no contract: exit $?"
"$DCVAL" profile -c c.yaml --top 0 in.csv
echo "top 0: exit $?"
"$DCVAL" profile -c c.yaml
echo "no input: exit $?"
"$DCVAL" profile -c c.yaml nothere.csv >/dev/null
echo "unreadable: exit $?"
"$DCVAL" profile -c nothere.yaml in.csv
echo "no contract file: exit $?"

# Issue: SARIF report. Input paths become URI references: a relative path
# stays relative with a space, '%', '#', ':' and non-ASCII bytes
# percent-encoded; standard input is "-"; an absolute path is a file://
# URI (the scratch folder is shown as SCRATCH).
cat >c.yaml <<'Y'
contract: p
columns:
  - {name: a, type: integer}
Y
mkdir 'dir one'
printf 'a\nx\n' >'dir one/50% #1:é.csv'
printf 'a\ny\n' | "$DCVAL" validate -c c.yaml -r sarif 'dir one/50% #1:é.csv' - \
	"$PWD/dir one/50% #1:é.csv" >out.sarif
rc=$?
grep -e '"uri"' -e '"ruleId"' out.sarif | sed "s|file://$PWD/|file:///SCRATCH/|"
exit $rc

# Issue #4: every junit report validates against tests/junit/junit.xsd
# (xmllint from libxml2-utils), and the counts in the attributes agree
# with the testcases: passing, failing, warning, unreadable-input,
# dataset-level (row_count) and hostile-text reports.
xsd="$ROOT/tests/junit/junit.xsd"
cp -R "$ROOT/examples" "$ROOT/contracts" .

check() { # NAME REPORT
	if xmllint --noout --schema "$xsd" "$2" 2>"$1.err"; then
		echo "$1: valid"
	else
		echo "$1: does not validate"
		cat "$1.err"
	fi
	tests=$(xmllint --xpath 'count(//testcase)' "$2")
	sum=$(xmllint --xpath 'sum(//testsuite/@tests)' "$2")
	top=$(xmllint --xpath 'string(/testsuites/@tests)' "$2")
	fails=$(xmllint --xpath 'count(//testcase[failure])' "$2")
	fsum=$(xmllint --xpath 'sum(//testsuite/@failures)' "$2")
	ftop=$(xmllint --xpath 'string(/testsuites/@failures)' "$2")
	errs=$(xmllint --xpath 'count(//testcase[error])' "$2")
	etop=$(xmllint --xpath 'string(/testsuites/@errors)' "$2")
	echo "$1: testcases $tests $sum $top, failures $fails $fsum $ftop, errors $errs $etop"
}

"$DCVAL" validate -c contracts/events.yaml -r junit -o broken.xml examples/events_broken.csv
check broken broken.xml
"$DCVAL" validate -c contracts/events.yaml -r junit -o mixed.xml examples/events.csv missing.csv examples/events_broken.csv 2>/dev/null
check mixed mixed.xml
"$DCVAL" validate -c contracts/training_set.yaml -r junit -o jsonl.xml examples/training_broken.jsonl
check jsonl jsonl.xml

# hostile text: XML specials, ]]>, control bytes, invalid UTF-8, in the
# path, the column name, the values and a dataset-level suite
cat >c.yaml <<'Y'
contract: a.b-c
columns:
  - {name: "x<&>\"'", type: integer}
dataset:
  row_count: {minimum: 5}
Y
printf 'x<&>"'"'"'\n]]>\n\001\002\033\n\377\376\n"a\tb"\n' >'in&<>"]]>.csv'
"$DCVAL" validate -c c.yaml -r junit -o hostile.xml 'in&<>"]]>.csv'
check hostile hostile.xml

# issue "Nothing lost": a quote that closes mid-field ("Mooi & Anders": design
# tokens) is one malformed record ending at its line end, as Python's csv reads
# it; the lines after it stay records of their own (libcsv swallowed them)
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: id, type: integer}
  - {name: name, type: string}
  - {name: n, type: integer}
Y
printf 'id,name,n\n1,"Mooi & Anders": design tokens,5\n2,plain,6\n3,"x",7\n4,y,8\n' >in.csv
"$DCVAL" validate -c c.yaml -r jsonl --valid-out v.csv --invalid-out i.csv in.csv
echo "exit $?"
echo "--- valid"; cat v.csv
echo "--- invalid"; cat i.csv
/usr/bin/python3 -c 'import csv; print(sum(1 for r in csv.reader(open("in.csv", newline="")) if r) - 1, "records for python")'

# a truncated .csv.gz: exit 3 with a message naming the file; the
# records before the fault are checked and reported (the violation on
# line 3), the one it cuts (a long last record of hex digits, so that the
# cut falls inside it whatever deflate's block layout) is not
/usr/bin/python3 - <<'PY'
import hashlib
h = b"seed"
tail = ""
for _ in range(40):
    h = hashlib.sha256(h).digest()
    tail += h.hex()
with open("rows.csv", "w") as f:
    f.write("a,b\n1,x\nbad,y\n")
    for i in range(3, 2001):
        f.write("%d,x\n" % i)
    f.write("2001,%s\n" % tail)
PY
gzip -c rows.csv >full.csv.gz
size=$(wc -c <full.csv.gz)
head -c $((size - 40)) full.csv.gz >rows.csv.gz
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n  - {name: b, type: string}\n' >c.yaml
"$DCVAL" validate -c c.yaml rows.csv.gz
echo "exit $?"
# the same with --max-violations 0 -r json: the counts before the fault
"$DCVAL" validate -c c.yaml -r json rows.csv.gz 2>/dev/null | grep -e '"path": "rows.csv.gz", "format"' | sed 's/"bytes": [0-9]*/"bytes": N/'

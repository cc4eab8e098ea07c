# Sharded runs, what merge refuses: a part made with another contract or
# another part format version, or a file that is not a part (exit 2
# naming it); a truncated part or one that cannot be opened (exit 3);
# usage errors. validate refuses --partial-out with --fail-fast, and
# --partial-out is an output that must not clash with another.
cat >c.yaml <<'Y'
contract: e
columns:
  - {name: id, type: integer, unique: true}
Y
sed 's/contract: e/contract: other/' c.yaml >other.yaml
printf 'id\n1\n2\n' >a.csv
"$DCVAL" validate -c c.yaml -q --partial-out p1 a.csv
"$DCVAL" validate -c other.yaml -q --partial-out p2 a.csv
echo "== another contract"
"$DCVAL" merge -c c.yaml p1 p2
echo "exit $?"
echo "== another format version"
/usr/bin/python3 -c "
b = bytearray(open('p1', 'rb').read()); b[8] = 2
open('p3', 'wb').write(b)"
"$DCVAL" merge -c c.yaml p1 p3
echo "exit $?"
echo "== not a part"
"$DCVAL" merge -c c.yaml a.csv
echo "exit $?"
echo "== truncated"
head -c 100 p1 >p4
"$DCVAL" merge -c c.yaml p1 p4
echo "exit $?"
echo "== missing"
"$DCVAL" merge -c c.yaml p1 nothere
echo "exit $?"
echo "== no part"
"$DCVAL" merge -c c.yaml
echo "exit $?"
echo "== no contract"
"$DCVAL" merge p1
echo "exit $?"
echo "== unknown option"
"$DCVAL" merge -c c.yaml --fail-fast p1
echo "exit $?"
echo "== -o is a part"
"$DCVAL" merge -c c.yaml -o p1 p1
echo "exit $?"
echo "== --partial-out with --fail-fast"
"$DCVAL" validate -c c.yaml --fail-fast --partial-out p5 a.csv
echo "exit $?"
echo "== --partial-out and the report on standard output"
"$DCVAL" validate -c c.yaml --partial-out - a.csv
echo "exit $?"
echo "== --partial-out is an input"
"$DCVAL" validate -c c.yaml --partial-out a.csv a.csv
echo "exit $?"
echo "== --partial-out and -o the same file"
"$DCVAL" validate -c c.yaml -o same --partial-out same a.csv
echo "exit $?"
echo "== --partial-out on a full disk"
"$DCVAL" validate -c c.yaml -q --partial-out /dev/full a.csv
echo "exit $?"
echo "== merge's report on a full disk"
"$DCVAL" merge -c c.yaml -o /dev/full p1
echo "exit $?"
ls p5 same 2>/dev/null
echo "== an input unreadable in its shard: listed, named on stderr, exit 3"
"$DCVAL" validate -c c.yaml -q --partial-out p6 a.csv nothere.csv
echo "exit $?"
"$DCVAL" merge -c c.yaml p6
echo "exit $?"

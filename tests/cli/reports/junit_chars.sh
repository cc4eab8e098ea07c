# cli.md "Behaviour users count on": the junit report is well-formed XML
# 1.0 whatever the data holds. Values with U+FFFE and U+FFFF (valid
# UTF-8, but not XML characters), C0 and C1 controls and bytes that are
# not UTF-8, in a file whose name holds ESC, BEL, U+FFFE and a tab: the
# characters XML forbids come out as \uXXXX text and the report parses
# (tests/cli/run.sh also validates it against tests/junit/junit.xsd).
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: v, type: integer}
  - {name: s, type: string, enum: [a]}
Y
f=$(printf 'in\033[31m\007\357\277\276\t.csv')
printf 'v,s\n1,x\357\277\276y\n2,\357\277\277\001\302\233\n3,\377\n' >"$f"
"$DCVAL" validate -c c.yaml -r junit "$f" >out.xml
echo "exit $?"
cat out.xml
/usr/bin/python3 - <<'P'
import xml.etree.ElementTree as ET
root = ET.parse("out.xml").getroot()
print("parsed:", root.tag, root.get("tests"), root.get("failures"))
P

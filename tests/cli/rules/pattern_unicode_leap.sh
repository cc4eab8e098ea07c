# Unicode property long names in a pattern (also inside a class), the
# pattern match limit, and the leap second of a time column.
cat >c.yaml <<'Y'
contract: t
columns:
  - {name: word, type: string, pattern: '[\p{Letter}\d]+\P{Decimal_Number}'}
  - {name: slow, type: string, pattern: '(a|a)*[bc]'}
  - {name: at, type: time}
Y
cat >in.csv <<'D'
word,slow,at
éte1x,aab,23:59:60Z
12,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax,01:29:60+01:30
ab,ac,23:59:60
a1,aab,12:59:60
D
"$DCVAL" validate -c c.yaml in.csv

# cli.md "profile": every key in every column object, null where it does
# not apply; datetimes in UTC with Z and only the fraction digits needed
# (an offset converted), times in UTC; a value failing its type counts in
# `invalid` only; top sorted by count, then value in the type's order
# (numbers numerically, false before true, dates chronologically).
cat >c.yaml <<'Y'
contract: kinds
version: 2.0.0
columns:
  - {name: i, type: integer}
  - {name: n, type: number}
  - {name: s, type: string}
  - {name: b, type: boolean}
  - {name: d, type: date}
  - {name: dt, type: datetime}
  - {name: t, type: time}
  - {name: a, type: any}
Y
cat >in.csv <<'C'
i,n,s,b,d,dt,t,a
10,1.5,ab,true,2024-01-02,2024-03-01T01:30:00.120+02:00,10:00:00+01:00,x
9,2,ä,false,2024-01-01,2024-03-01T00:00:00Z,23:59:59.5,y
10,x,ab,false,2024-01-02,2024-02-29T22:00:00.000Z,00:30:00,x
,,,,,,,
oops,2.5,abc,maybe,2024-02-30,2024,25:00,z
C
# the sketches' base64 frames shown as <b64> (tests/unit/test_colstats.c
# reads them back)
"$DCVAL" profile -c c.yaml in.csv | sed 's|"[A-Za-z0-9+/]\{16,\}=*"|"<b64>"|g'

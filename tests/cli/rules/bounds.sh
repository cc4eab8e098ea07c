cat >c.yaml <<'Y'
contract: t
columns:
  - {name: n, type: number, minimum: 0, maximum: 1}
  - {name: i, type: integer, exclusive_minimum: 0, exclusive_maximum: 10}
  - {name: d, type: date, minimum: "2020-01-01", maximum: "2020-12-31"}
  - {name: ts, type: datetime, exclusive_maximum: "2021-01-01T00:00:00Z"}
  - {name: t, type: time, minimum: "08:00:00", maximum: "18:00:00"}
Y
cat >in.csv <<'D'
n,i,d,ts,t
0,1,2020-01-01,2020-12-31T23:59:59Z,08:00:00
1,9,2020-12-31,2021-01-01T00:59:59+01:00,18:00:00
-0.0001,0,2019-12-31,2021-01-01T00:00:00Z,07:59:59
1.0001,10,2021-01-01,2020-12-31T19:00:00-05:00,18:00:01
D
"$DCVAL" validate -c c.yaml in.csv

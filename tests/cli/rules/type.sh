cat >c.yaml <<'Y'
contract: t
columns:
  - {name: i, type: integer}
  - {name: n, type: number}
  - {name: b, type: boolean}
  - {name: d, type: date}
  - {name: dt, type: datetime}
  - {name: tm, type: time}
  - {name: custom, type: date, format: "%d/%m/%Y"}
Y
cat >in.csv <<'D'
i,n,b,d,dt,tm,custom
1,1.5,true,2024-02-29,2026-11-21T10:00:00Z,10:00:00,29/02/2024
9223372036854775808,12.5.1,yes,2023-02-29,2026-11-21 10:00:00,24:00:00,31/04/2024
-9223372036854775808,1e309,TRUE,2023-13-01,2026-11-21T10:00:00+25:00,22:59:60Z,2024-01-01
1.0,NaN,0,2023-1-01,2016-12-31T23:59:60Z,12:00,01/01/2024
D
"$DCVAL" validate -c c.yaml in.csv

cat >c.yaml <<'Y'
contract: t
columns:
  - {name: i, type: integer, unique: true}
  - {name: n, type: number, unique: true}
  - {name: s, type: string, unique: true}
  - {name: ts, type: datetime, unique: true}
Y
cat >in.csv <<'D'
i,n,s,ts
1,1.0,a,2026-01-01T00:00:00Z
01,1,A,2026-01-01T01:00:00+01:00
2,,a,
+2,1e0,,2026-01-01T00:00:00.000Z
D
"$DCVAL" validate -c c.yaml in.csv

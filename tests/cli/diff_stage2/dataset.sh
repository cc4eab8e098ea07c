cat >old.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: amount, type: number}
  - {name: ts, type: datetime}
dataset:
  columns:
    amount: {max_null_fraction: 0.05, mean: {minimum: 1, maximum: 500}}
  freshness: {column: ts, max_age: 26h}
Y
cat >new.yaml <<'Y'
contract: t
version: 2.0.0
columns:
  - {name: amount, type: number}
  - {name: ts, type: datetime}
dataset:
  columns:
    amount: {max_null_fraction: 0.01, mean: {minimum: 1, maximum: 600}, severity: warn}
  freshness: {column: ts, max_age: 1d}
Y
"$DCVAL" diff old.yaml new.yaml

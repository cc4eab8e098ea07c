cat >c.yaml <<'Y'
contract: t
columns:
  - {name: amount, type: number}
  - {name: event_type, type: string}
rules:
  - name: purchases_have_amount
    when: event_type == "purchase"
    check: amount is not null and amout > 0
Y
"$DCVAL" validate -c c.yaml x.csv

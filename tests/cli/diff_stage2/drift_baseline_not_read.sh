# cli.md "diff": "a drift baseline's path is compared as text, the file is
# not read": contracts whose baselines do not exist still diff.
cat >old.yaml <<'Y'
contract: d
version: 1.0.0
columns:
  - {name: amount, type: number}
drift:
  baseline: nowhere/old.profile.json
  columns:
    amount: {psi: 0.2}
Y
sed -e 's/1.0.0/2.0.0/' -e 's/old.profile/new.profile/' old.yaml >new.yaml
"$DCVAL" diff old.yaml new.yaml
echo "exit $?"
"$DCVAL" diff old.yaml old.yaml
echo "exit $?"

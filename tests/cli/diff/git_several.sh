# several files: one object each in a json array; the worst exit wins
. "$T/gitrepo.inc"
cd repo || exit 9
printf 'contract: orders\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >contracts/orders.yaml
git add contracts/orders.yaml
git commit -q -m orders
printf 'contract: orders\nversion: 1.0.1\ndescription: orders\ncolumns:\n  - {name: id, type: integer}\n' >contracts/orders.yaml
sed -e 's/^    unique: true$/    unique: false/' contracts/events.yaml >x && mv x contracts/events.yaml
"$DCVAL" diff --git HEAD contracts/orders.yaml contracts/events.yaml; echo "exit $?"
# an invalid file among them: reported, the others still diffed
printf 'contract: orders\nversion: 1.0.1\ncolumnz: []\n' >contracts/orders.yaml
"$DCVAL" diff --git HEAD contracts/orders.yaml contracts/events.yaml; echo "exit $?"

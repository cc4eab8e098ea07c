# a file absent at REV is a new contract: old null, no changes, exit 0
. "$T/gitrepo.inc"
cd repo || exit 9
printf 'contract: orders\nversion: 0.1.0\ncolumns:\n  - {name: id, type: integer}\n' >contracts/orders.yaml
"$DCVAL" diff --git HEAD contracts/orders.yaml; echo "exit $?"
"$DCVAL" diff -r json --git HEAD contracts/orders.yaml contracts/events.yaml; echo "exit $?"

# a unique column over more keys than the memory limit allows: exit 4
printf 'contract: t\ncolumns:\n  - {name: a, type: string, unique: true}\n' >u.yaml
(ulimit -v 40000; seq 1 3000000 | sed 's/^/key-/' | (echo a; cat) | "$DCVAL" validate -c u.yaml -f csv -q)

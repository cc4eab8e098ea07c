# the content at REV is invalid: exit 2, named REV:PATH
. "$T/gitrepo.inc"
cd repo || exit 9
printf 'contract: bad\ncolumnz: []\n' >contracts/bad.yaml
git add contracts/bad.yaml
git commit -q -m bad
printf 'contract: bad\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >contracts/bad.yaml
"$DCVAL" diff --git HEAD contracts/bad.yaml

# while the major is 0 a breaking change needs a minor bump, a relaxing one a patch bump
printf 'contract: t\nversion: 0.3.1\ncolumns:\n  - {name: id, type: integer, maximum: 10}\n' >old.yaml
printf 'contract: t\nversion: 0.4.0\ncolumns:\n  - {name: id, type: integer, maximum: 9}\n' >breaking.yaml
printf 'contract: t\nversion: 0.3.2\ncolumns:\n  - {name: id, type: integer, maximum: 11}\n' >relaxing.yaml
printf 'contract: t\nversion: 0.3.2\ncolumns:\n  - {name: id, type: integer, maximum: 9}\n' >short.yaml
"$DCVAL" diff old.yaml breaking.yaml; echo "exit $?"
"$DCVAL" diff -r json old.yaml relaxing.yaml; echo "exit $?"
"$DCVAL" diff old.yaml short.yaml; echo "exit $?"

printf 'contract: t\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >old.yaml
printf 'contract: t\nversion: 1.0.1\ncolumns:\n  - {name: id, type: integer, minimun: 1}\n' >new.yaml
"$DCVAL" diff old.yaml new.yaml

printf 'contract: t\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >old.yaml
printf 'contract: t\ncolumns:\n  - {name: id, type: integer}\n' >new.yaml
"$DCVAL" diff old.yaml new.yaml

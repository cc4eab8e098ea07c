printf 'contract: events\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >old.yaml
printf 'contract: orders\nversion: 2.0.0\ncolumns:\n  - {name: id, type: integer}\n' >new.yaml
"$DCVAL" diff old.yaml new.yaml

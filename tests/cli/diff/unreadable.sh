printf 'contract: t\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >old.yaml
"$DCVAL" diff old.yaml missing.yaml

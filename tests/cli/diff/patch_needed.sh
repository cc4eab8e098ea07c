# metadata needs a patch bump; relaxing a minor one
printf 'contract: t\nversion: 1.0.0\nowner: a\ncolumns:\n  - {name: id, type: integer}\n' >old.yaml
printf 'contract: t\nversion: 1.0.0\nowner: b\ncolumns:\n  - {name: id, type: integer}\n' >meta.yaml
printf 'contract: t\nversion: 1.0.1\nowner: a\nschema: {extra_columns: warn}\ncolumns:\n  - {name: id, type: integer}\n' >relax.yaml
"$DCVAL" diff old.yaml meta.yaml; echo "exit $?"
"$DCVAL" diff old.yaml relax.yaml; echo "exit $?"

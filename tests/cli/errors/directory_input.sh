printf 'contract: t\ncolumns:\n  - name: a\n    type: integer\n' >c.yaml
mkdir d
"$DCVAL" validate -c c.yaml d

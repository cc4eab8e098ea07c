printf 'contract: t\ncolumns:\n  - name: a\n    type: integer\n' >good.yaml
printf 'contract: t\ncolumns:\n  - name: a\n    type: intger\n' >bad1.yaml
printf 'contract: t\ncolumns: []\n' >bad2.yaml
"$DCVAL" lint good.yaml bad1.yaml bad2.yaml

printf 'contract: t\ncolumns:\n  - name: a\n    type: string\n  - name: code\n    type: string\n    pattern: "(a)\\\\1"\n' > c.yaml
"$DCVAL" export --sql postgres c.yaml

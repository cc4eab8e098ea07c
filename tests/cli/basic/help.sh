"$DCVAL" --help | grep -c 'exit codes'
"$DCVAL" validate --help | grep -c -- '--max-violations'
"$DCVAL" lint --help | grep -c 'usage: dcval lint'

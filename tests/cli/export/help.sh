"$DCVAL" export --help

"$DCVAL" diff --help

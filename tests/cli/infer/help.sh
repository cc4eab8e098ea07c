"$DCVAL" infer --help

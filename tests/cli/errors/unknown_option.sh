"$DCVAL" validate -c c.yaml --bogus

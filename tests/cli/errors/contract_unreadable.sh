"$DCVAL" validate -c nope.yaml x.csv

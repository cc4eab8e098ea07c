"$DCVAL" validate x.csv

# a .csv.gz input: decompressed while it streams, csv from the name under
# the suffix; the report names the file as given
gzip -c "$ROOT/examples/events_broken.csv" >events_broken.csv.gz
"$DCVAL" validate -c "$ROOT/contracts/events.yaml" events_broken.csv.gz

# The same over a csv and a JSON Lines input: no path, no location.
. "$T/setup.inc"
"$DCVAL" validate -c ds.yaml --now $NOW -r sarif a.csv b.jsonl

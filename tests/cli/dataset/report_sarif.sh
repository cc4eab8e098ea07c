# Every dataset check's violation in the sarif report, one csv input: a
# location without a region (the whole file is one SARIF log, checked
# against the schema by tests/sarif/run.sh).
. "$T/setup.inc"
"$DCVAL" validate -c ds.yaml --now $NOW -r sarif a.csv

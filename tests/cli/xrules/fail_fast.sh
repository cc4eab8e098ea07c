cd "$T" || exit 9
"$DCVAL" validate -c labels.yaml --fail-fast labels.csv

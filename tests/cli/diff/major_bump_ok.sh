cp "$ROOT/contracts/events.yaml" old.yaml
sed -e 's/^version: 1.4.0$/version: 2.0.0/' -e 's/^    maximum: 100000$/    maximum: 500/' old.yaml >new.yaml
"$DCVAL" diff old.yaml new.yaml

cp "$ROOT/contracts/events.yaml" old.yaml
sed -e 's/^version: 1.4.0$/version: 1.3.9/' old.yaml >new.yaml
"$DCVAL" diff old.yaml new.yaml

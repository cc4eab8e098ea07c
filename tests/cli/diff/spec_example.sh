# the spec's example: a bound lowered, an enum value added, the description changed
cp "$ROOT/contracts/events.yaml" old.yaml
sed -e 's/^version: 1.4.0$/version: 1.5.0/' -e 's/^    maximum: 100000$/    maximum: 500/' \
	-e 's/enum: \[click, view, purchase, signup, logout\]/enum: [click, view, purchase, signup, logout, refund]/' \
	-e 's/^description: .*/description: Clickstream events, one record per event/' old.yaml >new.yaml
"$DCVAL" diff old.yaml new.yaml

. "$T/gitrepo.inc"
cd repo || exit 9
sed -e 's/^version: 1.4.0$/version: 2.0.0/' -e 's/^    maximum: 100000$/    maximum: 500/' \
	contracts/events.yaml >x && mv x contracts/events.yaml
git commit -q -a -m "events 2.0.0"
# unchanged against HEAD, changed against HEAD~1 with the major bump
"$DCVAL" diff --git HEAD contracts/events.yaml; echo "exit $?"
"$DCVAL" diff --git HEAD~1 contracts/events.yaml; echo "exit $?"

# --git HEAD: the working file against its committed content
. "$T/gitrepo.inc"
cd repo || exit 9
sed -e 's/^version: 1.4.0$/version: 1.5.0/' -e 's/^    maximum: 100000$/    maximum: 500/' \
	contracts/events.yaml >x && mv x contracts/events.yaml
"$DCVAL" diff --git HEAD contracts/events.yaml; echo "exit $?"
"$DCVAL" diff -r json --git HEAD contracts/events.yaml; echo "exit $?"
# from a subfolder and by absolute path
(cd contracts && "$DCVAL" diff --git HEAD events.yaml >/dev/null; echo "subfolder exit $?")
"$DCVAL" diff --git HEAD "$PWD/contracts/events.yaml" >/dev/null; echo "absolute exit $?"

printf 'contract: t\nversion: 1.0.0\ncolumns:\n  - {name: id, type: integer}\n' >a.yaml
for args in "" "a.yaml" "a.yaml a.yaml a.yaml" "-r xml a.yaml a.yaml" "--git" "--git HEAD" "--bogus a.yaml a.yaml" "-r"; do
	# shellcheck disable=SC2086
	"$DCVAL" diff $args
	echo "exit $?"
done

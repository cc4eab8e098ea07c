# Every command reads its options with one parser (src/cli/opts.c): a
# missing value names the option by its long name, however it was spelled
# (-c, bundled -qc, --contract); an unknown option is named as given;
# both are exit 2 with a hint; -h is exit 0.
for args in "validate -c" "validate -qc" "validate --max-violations" \
	"validate --bogus c.yaml" "validate -Z" "merge -o" "merge --fail-fast" \
	"profile --top" "profile -x" "infer --records" "infer -x" "export --sql" \
	"export --bogus" "diff --git" "diff -r" "lint --bogus" "lint -x"; do
	echo "== $args"
	"$DCVAL" $args 2>&1
	echo "exit $?"
done
for cmd in validate merge profile infer export diff lint; do
	"$DCVAL" $cmd -h >/dev/null
	echo "$cmd -h: exit $?"
done

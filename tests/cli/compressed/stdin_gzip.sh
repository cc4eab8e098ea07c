# standard input: gzip by its magic number, then jsonl by its content
gzip -c "$ROOT/examples/training_broken.jsonl" |
	"$DCVAL" validate -c "$ROOT/contracts/training_set.yaml"

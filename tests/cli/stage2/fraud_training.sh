# The README's stage-2 walk-through (contracts/fraud_training.yaml): a
# clean training set passes; the broken one trips a leakage rule, the
# 90-day rule, a labelled row without its label time, an embedding of the
# wrong dimension and one of the wrong norm, a bias guard (max_share) and
# freshness, in every report format's order.
C="$ROOT/contracts/fraud_training.yaml"
cd "$ROOT/examples" || exit 9
"$DCVAL" validate -c "$C" --now 2026-11-21T12:00:00Z fraud_training.jsonl
echo "clean: exit $?"
"$DCVAL" validate -c "$C" --now 2026-11-21T12:00:00Z fraud_training_broken.jsonl
echo "broken: exit $?"
"$DCVAL" validate -c "$C" --now 2026-11-21T12:00:00Z -r jsonl fraud_training_broken.jsonl
echo "jsonl: exit $?"
"$DCVAL" validate -c "$C" --now 2026-11-21T12:00:00Z -r github fraud_training_broken.jsonl
echo "github: exit $?"
"$DCVAL" validate -c "$C" --now 2026-11-25T12:00:00Z -q fraud_training.jsonl
echo "clean, four days later: exit $?"

cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c "contracts/events.yaml" -q --valid-out good.csv --invalid-out bad.csv "examples/events_broken.csv"
echo "exit $?"
echo "--- good"; cat good.csv
echo "--- bad"; cat bad.csv
# every record exactly once: records of both sides (headers dropped) sorted equal the input's
{ tail -n +2 good.csv; tail -n +2 bad.csv; } | sort >both
tail -n +2 "examples/events_broken.csv" | sort >orig
cmp both orig && echo "nothing lost"

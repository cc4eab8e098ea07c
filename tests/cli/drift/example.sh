# README "Drift in three commands": the example contract, its baseline
# under contracts/baselines/ and the data in examples/: today's file
# passes, the drifted one fails with every kind of drift violation; the
# baseline is found relative to the contract, whatever the working folder.
cp -R "$ROOT/examples" "$ROOT/contracts" .
"$DCVAL" validate -c contracts/payments.yaml examples/payments.csv
echo "exit $?"
cd examples || exit 1
"$DCVAL" validate -c ../contracts/payments.yaml payments_drifted.csv
echo "exit $?"
"$DCVAL" lint ../contracts/payments.yaml
echo "lint exit $?"

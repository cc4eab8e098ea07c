#!/bin/sh
# The pipe-and-quarantine pattern: valid records flow on to the consumer,
# invalid ones are kept aside for a human, the report goes to standard
# error, and the exit code says whether anything was held back.
#
#   sh examples/quarantine.sh [DCVAL]
set -u
DCVAL=${1:-build/dcval}
here=$(dirname "$0")
out=$(mktemp -d)

# producer | dcval | consumer: `--valid-out -` sends the valid records (with
# the csv header) to standard output and moves the report to standard error.
cat "$here/events_broken.csv" |
	{
		"$DCVAL" validate -c "$here/../contracts/events.yaml" -f csv \
			--valid-out - --invalid-out "$out/rejected.csv"
		echo $? >"$out/status"
	} |
	wc -l | sed 's/^ */consumer received lines: /'
status=$(cat "$out/status")

echo "quarantined records (header included):"
cat "$out/rejected.csv"
rm -rf "$out"
exit $status

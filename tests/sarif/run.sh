#!/bin/sh
# The sarif report (spec cli.md "SARIF report") against the official SARIF
# 2.1.0 schema (sarif-schema-2.1.0.json beside this file) and against the
# json report of the same run (check.py, Debian's python3-jsonschema):
#   - every SARIF log that a CLI golden expects (tests/cli/*/*.stdout.exact
#     holding one) passes the schema;
#   - generated runs, each written once with -r sarif and once with -r json,
#     pass the schema and agree with the json report: counts, valid,
#     truncated, lineage, results in the order of the violations (rule,
#     ruleIndex, level, message, record/field/column/value, the decoded
#     URI, startLine), the rules in first-seen order;
#   - together the generated logs hold a result of every rule id of
#     src/value/ruleid.c, each described by a rule entry.
# Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
DCVAL="$BUILD/dcval"
PY=/usr/bin/python3
CHECK="$ROOT/tests/sarif/check.py"
export LC_ALL=C
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Count the "N passed, N failed" line of check.py; show its other lines.
tally() { # NAME OUTPUT
	line=$(printf '%s\n' "$2" | grep '^[0-9]* passed, [0-9]* failed$' | tail -n 1)
	printf '%s\n' "$2" | grep -v '^[0-9]* passed, [0-9]* failed$'
	if [ -z "$line" ]; then
		echo "FAIL sarif/$1: check.py gave no summary"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + ${line%% passed*}))
	f=${line##*, }
	failed=$((failed + ${f%% failed}))
}

result() { # NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL sarif/$1"
		failed=$((failed + 1))
	fi
}

# 0. the schema is the recorded copy (tests/sarif/README.md)
echo "ddddcccbf95c7c50c037b5b07eff4140556278ca574ff374db46786b5fce7949  $ROOT/tests/sarif/sarif-schema-2.1.0.json" |
	sha256sum -c --status
result schema_file_unchanged $?

# 1. the goldens' SARIF logs
logs=$(grep -l '^  "\$schema": "https://json.schemastore.org/sarif-2.1.0.json",$' \
	"$ROOT"/tests/cli/*/*.stdout.exact)
if [ -z "$logs" ]; then
	result goldens_have_sarif_logs 1
else
	# shellcheck disable=SC2086 # golden paths have no spaces
	tally goldens "$("$PY" "$CHECK" schema $logs 2>&1)"
fi

# 2. generated runs
cd "$scratch" || exit 1
cp -R "$ROOT/examples" "$ROOT/contracts" .
cat >all.yaml <<'Y'
contract: all_rules
version: 1.0.0
owner: "data <team@example.com>"
schema:
  column_order: strict
columns:
  - {name: id, type: integer, unique: true}
  - {name: n, type: integer, minimum: 0, maximum: 10}
  - {name: x, type: number, exclusive_minimum: 0, exclusive_maximum: 1}
  - {name: kind, type: string, enum: [a, b], required: true}
  - {name: code, type: string, pattern: '^[A-Z]+$', min_length: 2, max_length: 3}
  - {name: mail, type: string, format: email, sensitive: true}
  - {name: k1, type: string}
  - {name: k2, type: string}
  - {name: gone, type: string}
  - {name: flag, type: boolean, enum: [false], severity: warn}
dataset:
  primary_key: [k1, k2]
  row_count: {minimum: 100}
Y
# a file name with a space, '%', '#', ':', non-ASCII and a quote
tricky="a b%#é:'.csv"
printf '%s\n' 'id,n,x,kind,code,mail,k2,k1,extra,flag' \
	'1,5,0.5,a,AB,a@b.org,p,q,e,false' \
	'x,11,0,c,abcd,not-mail,p,q,e,true' \
	'1,-1,1,,A,,,,e,false' \
	'2,1' >"$tricky"
printf '4,1,0.5,a,AB,a@b.org,\377,t,e,false\n5,1,0.5,a,"AB"x,a@b.org,r,s,e,false\n' >>"$tricky"
printf 'id,id,,n\n1,1,1,1\n' >h.csv
printf '%s\n' '{"id": 9, "n": 1, "x": 0.5, "kind": "a", "code": "AB", "mail": "x", "k1": "u", "k2": "v", "gone": "g", "zz": 1}' \
	'{"id": ' >j.jsonl
printf '[{"id": 1, "n": 1, "x": 0.5, "kind": "a", "code": "AB", "mail": "a@b.org", "k1": "1", "k2": "2"},\n {"id": 1, "n": 99, "kind": "zz"}]\n' >arr.json

# pair NAME [validate arguments...]: the run as sarif and as json, checked
# (standard input from the file $IN, else none)
pair() {
	name=$1
	shift
	"$DCVAL" validate "$@" -r sarif -o "$name.sarif" <"${IN:-/dev/null}" 2>"$name.err"
	rs=$?
	"$DCVAL" validate "$@" -r json -o "$name.json" <"${IN:-/dev/null}" 2>>"$name.err"
	rj=$?
	if [ $rs -ne $rj ] || [ $rs -ge 4 ] || [ $rs -eq 2 ] || [ ! -s "$name.sarif" ]; then
		echo "FAIL sarif/$name: exit $rs (json $rj)"
		cat "$name.err"
		failed=$((failed + 1))
		return
	fi
	tally "$name" "$("$PY" "$CHECK" pair "$name.sarif" "$name.json" 2>&1)"
}

pair all -c all.yaml --max-violations all "$tricky" h.csv j.jsonl
pair capped -c all.yaml --max-violations 3 "$tricky" h.csv j.jsonl
pair summary_only -c all.yaml --max-violations 0 "$tricky"
pair absolute -c all.yaml "$PWD/$tricky"
pair unreadable -c all.yaml h.csv missing.csv
pair valid -c contracts/events.yaml examples/events.csv
pair events -c contracts/events.yaml examples/events_broken.csv
# drift: psi, ks, null_fraction_change, unseen_share (dataset-level)
pair drift -c contracts/payments.yaml examples/payments_drifted.csv
pair training -c contracts/training_set.yaml examples/training_broken.jsonl
pair array -c all.yaml arr.json
IN=h.csv pair stdin -c all.yaml - j.jsonl
# vectors: dimension, finite and norm (and type) from csv and json lines
printf '%s\n' 'contract: vec' 'columns:' '  - {name: id, type: integer}' \
	'  - {name: emb, type: vector, dimension: 3, norm: {minimum: 0.5, maximum: 1.5}}' >vec.yaml
printf '%s\n' 'id,emb' '1,"[0.6, 0.8, 0]"' '2,"[1, 2]"' '3,"[1e999, 0, 0]"' '4,"[1,,2]"' >vec.csv
printf '%s\n' '{"id": 1, "emb": [0.1, 0, 0]}' '{"id": 2, "emb": [1e999, 1, 1]}' >vec.jsonl
pair vectors -c vec.yaml vec.csv vec.jsonl
# the dataset checks: one input (a location without a region) and two
# (no path: no location)
cat >ds.yaml <<'Y'
contract: dataset_checks
columns:
  - {name: amount, type: number}
  - {name: country, type: string, sensitive: true}
  - {name: ts, type: datetime}
dataset:
  columns:
    amount: {max_null_fraction: 0.1, max_distinct: 1, mean: {maximum: 10}}
    country: {min_distinct: 3, severity: warn}
    ts: {min_share: 0.5, max_share: 0.5}
  freshness: {column: ts, max_age: 1d}
Y
printf '%s\n' 'amount,country,ts' '100,NL,2026-01-01T00:00:00Z' \
	',DE,2026-01-01T00:00:00Z' '5,NL,2026-01-02T00:00:00+01:00' >ds.csv
pair dataset -c ds.yaml --now 2026-11-21T12:00:00Z ds.csv
pair dataset_two -c ds.yaml --now 2026-11-21T12:00:00Z ds.csv ds.csv

# 3. every rule id of the engine has a result and a described rule
st=0
ids=$(sed -n 's/^\t\[DV_R_[A-Z_]*\] = "\([a-z_]*\)",$/\1/p' "$ROOT/src/value/ruleid.c")
[ -n "$ids" ] || st=1
"$PY" - "$ids" ./*.sarif <<'PY' || st=1
import json, sys
want = sys.argv[1].split()
got, described = set(), set()
for p in sys.argv[2:]:
    run = json.load(open(p, encoding="utf-8"))["runs"][0]
    got |= {r["ruleId"] for r in run.get("results", [])}
    described |= {r["id"] for r in run["tool"]["driver"].get("rules", [])
                  if "rule '" not in r["fullDescription"]["text"]}
missing = [i for i in want if i not in got or i not in described]
if missing:
    print("rule ids without a described result: %s" % " ".join(missing))
    sys.exit(1)
PY
result every_rule_id_reported $st

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

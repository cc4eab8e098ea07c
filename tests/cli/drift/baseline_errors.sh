# contract.md "Drift": a baseline that cannot be read, is not a dcval
# profile, lacks a column named in drift, has the column with another
# type (an integer baseline serves a number column), or lacks the
# complete value list unseen_share needs makes the contract unusable:
# exit 2 naming the column, from validate and from lint alike. The path is
# relative to the contract file's folder, not the working directory.
mkdir -p sub/baselines
cat >base.yaml <<'Y'
contract: b
columns:
  - {name: n, type: integer}
  - {name: s, type: string}
Y
printf 'n,s\n1,a\n2,b\n3,a\n' >in.csv
"$DCVAL" profile -c base.yaml in.csv -o sub/baselines/p.json
/usr/bin/python3 - <<'P'
import random
r = random.Random(3)
open('wide.csv', 'w').write('n,s\n' + ''.join('%d,v%d\n' % (i, r.randrange(10**6)) for i in range(1500)))
P
"$DCVAL" profile -c base.yaml wide.csv -o sub/baselines/wide.json
printf '{"profile_version": 1}\n' >sub/baselines/bad.json
printf 'not json\n' >sub/baselines/junk.json
try() { # name, baseline, columns yaml
	sed -e 's/^  - {name: n, type: integer}$/  - {name: n, type: '"$4"'}/' base.yaml >sub/$1.yaml
	printf 'drift:\n  baseline: %s\n  columns:\n    %s\n' "$2" "$3" >>sub/$1.yaml
	echo "== $1"
	"$DCVAL" validate -c sub/$1.yaml in.csv
	echo "exit $?"
	"$DCVAL" lint sub/$1.yaml
	echo "lint exit $?"
}
try ok baselines/p.json '{n: {psi: 0.5}, s: {unseen_share: 0.5}}' integer
try missing baselines/nothere.json '{n: {psi: 0.1}}' integer
try not_profile baselines/bad.json '{n: {psi: 0.1}}' integer
try not_json baselines/junk.json '{n: {psi: 0.1}}' integer
try type_mismatch baselines/p.json '{n: {psi: 0.1}}' date
try integer_serves_number baselines/p.json '{n: {ks: 0.5}}' number
try incomplete baselines/wide.json '{s: {unseen_share: 0.1}}' integer
try cwd_relative sub/baselines/p.json '{n: {psi: 0.1}}' integer
printf '  - {name: extra, type: string}\n' >>base.yaml
try lacks_column baselines/p.json '{extra: {psi: 0.1}}' integer

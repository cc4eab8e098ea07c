#!/bin/sh
# Issue #4: the hooks of .pre-commit-hooks.yaml, end to end, with
# Debian's pre-commit. A throwaway hook repository holds this
# checkout's .pre-commit-hooks.yaml (pre-commit clones it by path and
# rev: no network); a throwaway project repository uses it, with the
# dcval under test first on PATH and HOME in the scratch directory (a
# fresh ~/.cache/pre-commit). Commits of a broken contract or a broken
# sample must be refused, the fixed ones accepted.
# pre-commit missing is a failure, unless DCVAL_SKIP_PRECOMMIT=1.
# Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
export LC_ALL=C
passed=0
failed=0

if ! command -v pre-commit >/dev/null 2>&1; then
	if [ "${DCVAL_SKIP_PRECOMMIT:-}" = 1 ]; then
		echo "precommit: skipped: pre-commit is not installed (DCVAL_SKIP_PRECOMMIT=1)"
		echo "0 passed, 0 failed"
		exit 0
	fi
	echo "FAIL precommit: pre-commit is not installed (apt-get install pre-commit; DCVAL_SKIP_PRECOMMIT=1 skips)"
	echo "0 passed, 1 failed"
	exit 1
fi
if [ ! -x "$BUILD/dcval" ]; then
	echo "FAIL precommit: $BUILD/dcval is not built"
	echo "0 passed, 1 failed"
	exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
HOME=$scratch/home
XDG_CACHE_HOME=$HOME/.cache
PRE_COMMIT_HOME=$XDG_CACHE_HOME/pre-commit
PATH=$BUILD:$PATH
GIT_CONFIG_NOSYSTEM=1
export HOME XDG_CACHE_HOME PRE_COMMIT_HOME PATH GIT_CONFIG_NOSYSTEM
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME"
log=$scratch/log

result() { # NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL precommit/$1"
		head -n 40 "$log"
		failed=$((failed + 1))
	fi
}

git_init() { # DIR
	git init -q "$1" &&
		git -C "$1" config user.email test@example.com &&
		git -C "$1" config user.name "dcval test" &&
		git -C "$1" config commit.gpgsign false
}

# commit_all EXPECT: commit every change; EXPECT is "accepted" or
# "refused"; the commit count must follow.
commit_all() {
	before=$(git rev-list --count HEAD 2>/dev/null || echo 0)
	git add -A >"$log" 2>&1
	git commit -q -m "change" >>"$log" 2>&1
	rc=$?
	after=$(git rev-list --count HEAD 2>/dev/null || echo 0)
	if [ "$1" = accepted ]; then
		[ $rc -eq 0 ] && [ "$after" -eq $((before + 1)) ]
	else
		[ $rc -ne 0 ] && [ "$after" -eq "$before" ]
	fi
}

# the hook repository: this checkout's hook definitions, committed
hooks=$scratch/hooks
git_init "$hooks" >"$log" 2>&1 &&
	cp "$ROOT/.pre-commit-hooks.yaml" "$hooks/" &&
	git -C "$hooks" add .pre-commit-hooks.yaml &&
	git -C "$hooks" commit -q -m hooks >>"$log" 2>&1
rev=$(git -C "$hooks" rev-parse HEAD)

proj=$scratch/project
git_init "$proj" >>"$log" 2>&1
cd "$proj" || exit 1
mkdir contracts data
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: dcval-lint
      - id: dcval-validate
        args: [-c, contracts/events.yaml, data/events.csv]
        files: ^(contracts/events\.yaml|data/events\.csv)$
EOF
cp "$ROOT/contracts/events.yaml" contracts/
head -n 3 "$ROOT/examples/events.csv" >data/events.csv
pre-commit install >>"$log" 2>&1
st=$?
[ -x .git/hooks/pre-commit ] || st=1
result install $st

commit_all accepted
result valid_first_commit $?

# dcval-lint: a typo in a contract is refused, naming file and key
sed 's/^    minimum: 1$/    minimun: 1/' "$ROOT/contracts/events.yaml" >contracts/events.yaml
commit_all refused
st=$?
grep -q "contracts/events.yaml:.*unknown key 'minimun' (did you mean 'minimum'?)" "$log" || st=1
grep -q 'dcval lint' "$log" || st=1
result lint_refuses_broken_contract $st

sed 's/^version: 1.4.0$/version: 1.4.1/' "$ROOT/contracts/events.yaml" >contracts/events.yaml
commit_all accepted
result lint_accepts_fixed_contract $?

# several broken contracts: each is reported
printf 'contract: a\ncolumns:\n  - {name: x, type: integr}\n' >contracts/a.yaml
printf 'contract: b\ncolumnz: []\n' >contracts/b.yaml
commit_all refused
st=$?
grep -q '^dcval: contracts/a.yaml:' "$log" || st=1
grep -q '^dcval: contracts/b.yaml:' "$log" || st=1
result lint_reports_every_file $st
rm contracts/a.yaml contracts/b.yaml

# dcval-validate: broken sample data is refused with the report
# (the contract as committed: version 1.4.1)
cp "$ROOT/examples/events_broken.csv" data/events.csv
commit_all refused
st=$?
grep -q 'data/events.csv:4:5: error: amount: "12,5" is not a number \[type\]' "$log" || st=1
grep -q 'data/events.csv: 8 errors, 1 warning in 5 records (contract events 1.4.1)' "$log" || st=1
result validate_refuses_broken_sample $st

cp "$ROOT/examples/events.csv" data/events.csv
commit_all accepted
result validate_accepts_fixed_sample $?

# files outside the hooks' patterns do not run dcval
echo notes >README
commit_all accepted
st=$?
grep -q 'dcval validate.*(no files to check)Skipped' "$log" || st=1
result unrelated_change_skips $st

# dcval-diff (#18), in a project of its own: the first commit passes
# (every contract is new), a breaking change without the major bump is
# refused with the reason, with the bump it passes
proj=$scratch/project-diff
git_init "$proj" >"$log" 2>&1
cd "$proj" || exit 1
mkdir contracts
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: dcval-diff
        files: ^contracts/
EOF
cp "$ROOT/contracts/events.yaml" contracts/
pre-commit install >>"$log" 2>&1
commit_all accepted
result diff_first_commit $?

sed 's/^    maximum: 100000$/    maximum: 500/' "$ROOT/contracts/events.yaml" >contracts/events.yaml
commit_all refused
st=$?
grep -q 'contracts/events.yaml: 1.4.0 -> 1.4.0: breaking changes need version 2.0.0' "$log" || st=1
grep -q 'breaking  columns.amount.maximum: 100000 -> 500' "$log" || st=1
grep -q 'dcval diff' "$log" || st=1
result diff_refuses_breaking_without_bump $st

sed 's/^version: 1.4.0$/version: 1.5.0/' contracts/events.yaml >x && mv x contracts/events.yaml
commit_all refused
st=$?
grep -q 'contracts/events.yaml: 1.4.0 -> 1.5.0: breaking changes need version 2.0.0' "$log" || st=1
result diff_refuses_minor_bump $st

sed 's/^version: 1.5.0$/version: 2.0.0/' contracts/events.yaml >x && mv x contracts/events.yaml
commit_all accepted
result diff_accepts_major_bump $?

printf 'contract: orders\nversion: 0.1.0\ncolumns:\n  - {name: id, type: integer}\n' >contracts/orders.yaml
commit_all accepted
result diff_accepts_new_contract $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

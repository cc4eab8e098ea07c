# before the first commit, --git HEAD finds every file new (a pre-commit
# hook lets the first commit pass); another revision is still unknown
HOME=$PWD
GIT_CONFIG_NOSYSTEM=1
export HOME GIT_CONFIG_NOSYSTEM
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
git init -q repo
cd repo || exit 9
cp "$ROOT/contracts/events.yaml" events.yaml
"$DCVAL" diff --git HEAD events.yaml; echo "exit $?"
"$DCVAL" diff --git HEAD~1 events.yaml; echo "exit $?"

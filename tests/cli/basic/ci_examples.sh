# Issue #4: examples/ci/*.yml parse as YAML (PyYAML: Debian python3-yaml)
# and have the shape GitHub Actions and GitLab CI need (a pull request
# step runs dcval diff against origin/main); every dcval
# command in them runs (exit 0) on this repository's contracts and examples;
# the JUnit report passes its schema and the SARIF log of the code scanning
# workflow passes the SARIF 2.1.0 schema.
cp -R "$ROOT/examples" "$ROOT/contracts" .
# `dcval diff --git origin/main` (pull requests) needs a repository whose
# origin/main holds the contracts
HOME=$PWD GIT_CONFIG_NOSYSTEM=1 git init -q . &&
	git add contracts &&
	HOME=$PWD GIT_CONFIG_NOSYSTEM=1 git -c user.email=ci@example.com -c user.name=ci commit -q -m base &&
	git update-ref refs/remotes/origin/main HEAD
mkdir bin
ln -s "$DCVAL" bin/dcval
for py in /usr/bin/python3 python3; do
	"$py" -c 'import yaml' 2>/dev/null && break
done
PATH="$PWD/bin:$PATH" "$py" -u - "$ROOT/examples/ci" <<'PY'
import os, subprocess, sys, yaml

d = sys.argv[1]

def run(name, cmds):
    for c in cmds:
        for line in c.splitlines():
            if line.startswith("dcval "):
                rc = subprocess.run(["sh", "-c", line]).returncode
                print("%s: exit %d: %s" % (name, rc, line))

gh = yaml.safe_load(open(os.path.join(d, "github-actions.yml")))
on = gh.get("on", gh.get(True))  # YAML 1.1 reads a bare 'on' as true
assert "push" in on and "pull_request" in on
cmds = []
for job in gh["jobs"].values():
    assert job["runs-on"]
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    assert any(u.startswith("actions/checkout@") for u in uses)
    up = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert up and up[0]["with"]["path"] == "dcval-junit.xml" and up[0]["if"] == "always()"
    cmds += [s["run"] for s in job["steps"] if "run" in s]
assert any("dcval diff --git origin/main" in c for c in cmds)
assert any(s.get("if") == "github.event_name == 'pull_request'" and "dcval diff" in s["run"]
           for j in gh["jobs"].values() for s in j["steps"] if "run" in s)
assert any("-r github" in c for c in cmds) and any("-r junit -o dcval-junit.xml" in c for c in cmds)
print("github-actions.yml: workflow with %d steps" % sum(len(j["steps"]) for j in gh["jobs"].values()))
run("github-actions.yml", cmds)

cs = yaml.safe_load(open(os.path.join(d, "github-code-scanning.yml")))
on = cs.get("on", cs.get(True))
assert "push" in on and "pull_request" in on
assert cs["permissions"]["security-events"] == "write"
cmds = []
for job in cs["jobs"].values():
    assert job["runs-on"]
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    assert any(u.startswith("actions/checkout@") for u in uses)
    up = [s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert up and up[0]["with"]["sarif_file"] == "dcval.sarif" and up[0]["if"] == "always()"
    cmds += [s["run"] for s in job["steps"] if "run" in s]
assert any("-r sarif -o dcval.sarif" in c for c in cmds)
print("github-code-scanning.yml: workflow with %d steps, uploads %s" % (
    sum(len(j["steps"]) for j in cs["jobs"].values()), up[0]["with"]["sarif_file"]))
run("github-code-scanning.yml", cmds)

gl = yaml.safe_load(open(os.path.join(d, "gitlab-ci.yml")))
job = gl["dcval"]
assert job["artifacts"]["reports"]["junit"] == "dcval-junit.xml"
assert job["artifacts"]["when"] == "always"
assert any("-r junit -o dcval-junit.xml" in c for c in job["script"])
print("gitlab-ci.yml: job dcval, junit report %s" % job["artifacts"]["reports"]["junit"])
run("gitlab-ci.yml", job["script"])
PY
echo "exit $?"
xmllint --noout --schema "$ROOT/tests/junit/junit.xsd" dcval-junit.xml 2>&1
/usr/bin/python3 "$ROOT/tests/sarif/check.py" schema dcval.sarif

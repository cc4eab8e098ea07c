#!/usr/bin/python3
"""Property test of sharded runs (spec cli.md "Sharded runs").

Random inputs (CSV and JSON Lines files with unique and primary-key
values repeated across files, type and pattern errors, ragged rows,
sometimes a missing file) and a random contract (unique, primary_key,
row_count, dataset.columns checks, freshness with --now, drift against
a baseline profile: psi, null_fraction_change and ks, with files larger
than the KLL sketch's exact capacity of 400 values, so that merging run
sketches would not give one run's bits) are split at random file
boundaries into random parts. For every report format and
several --max-violations values, `dcval merge` of the parts must print
byte for byte what one `dcval validate` over all the files prints, with
the same exit code. Failing cases are kept under --keep.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

FORMATS = ["text", "json", "jsonl", "junit", "github", "sarif"]
NOW = "2026-11-21T12:00:00Z"


def contract(rng, stats, drift):
    cols = [
        "  - {name: id, type: integer, unique: true}",
        "  - {name: code, type: string, pattern: '^[a-z]+$'%s}"
        % (", unique: true, severity: warn" if rng.random() < 0.3 else ""),
        "  - {name: amount, type: number%s}"
        % (", unique: true, severity: warn" if rng.random() < 0.5 else ""),
        "  - {name: ts, type: datetime}",
        "  - {name: email, type: string, sensitive: true%s}"
        % (", unique: true" if rng.random() < 0.3 else ""),
    ]
    ds = []
    if rng.random() < 0.6:
        ds.append("  primary_key: [code, id]")
    if rng.random() < 0.5:
        ds.append("  row_count: {minimum: %d, maximum: %d}"
                  % (rng.randint(0, 20), rng.randint(10, 40)))
    if stats and rng.random() < 0.7:
        ds.append("  columns:")
        ds.append("    amount: {max_null_fraction: %.2f, mean: {minimum: 1, maximum: %d}}"
                  % (rng.random() / 2, rng.randint(3, 9)))
        ds.append("    code: {min_distinct: %d, max_share: 0.%d}"
                  % (rng.randint(1, 6), rng.randint(2, 9)))
        ds.append("    email: {max_distinct: 3, min_share: 0.2, severity: warn}")
    if stats and rng.random() < 0.6:
        ds.append("  freshness: {column: ts, max_age: %dh}" % rng.randint(1, 80))
    text = "contract: prop\nversion: 1.0.0\ncolumns:\n" + "\n".join(cols) + "\n"
    if ds:
        text += "dataset:\n" + "\n".join(ds) + "\n"
    if drift:
        # ks 0 fails on any difference: the report shows the figure
        text += ("drift:\n  baseline: base.profile.json\n  columns:\n"
                 "    amount: {ks: %s, psi: 0.1, null_fraction_change: 0.01}\n"
                 % rng.choice(["0", "0", "0.02"]))
    return text


def value(rng, kind, cont=False):
    r = rng.random()
    if kind == "id":
        return None if r < 0.05 else ("x%d" % rng.randint(0, 9) if r < 0.1 else str(rng.randint(1, 25)))
    if kind == "code":
        return None if r < 0.1 else rng.choice(["a", "b", "c", "dd", "Ee", "f", "g"])
    if kind == "amount" and cont:  # many distinct values, some repeated
        return None if r < 0.05 else "%.2f" % rng.gauss(2.5 + 0.4 * rng.random(), 2)
    if kind == "amount":
        return None if r < 0.15 else rng.choice(["1", "1.0", "2", "10e-1", "x", "3.5", "7", "-2"])
    if kind == "ts":
        if r < 0.1:
            return None
        if r < 0.15:
            return "yesterday"
        return "2026-11-%02dT%02d:00:00Z" % (rng.randint(15, 21), rng.randint(0, 23))
    return None if r < 0.2 else "%s@x.org" % rng.choice("abcde")


def write_csv(rng, path, n, cont=False):
    names = ["id", "code", "amount", "ts", "email"]
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for _ in range(n):
            vals = [value(rng, k, cont) or "" for k in names]
            if rng.random() < 0.04:
                vals = vals[:3]  # ragged
            f.write(",".join(vals) + "\n")


def write_jsonl(rng, path, n, cont=False):
    with open(path, "w") as f:
        for _ in range(n):
            rec = {}
            for k in ["id", "code", "amount", "ts", "email"]:
                v = value(rng, k, cont)
                if rng.random() < 0.1:
                    continue
                if k in ("id", "amount") and v is not None and rng.random() < 0.7:
                    try:
                        v = json.loads(v)
                    except ValueError:
                        pass
                rec[k] = v
            f.write(json.dumps(rec) + "\n")


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout


def baseline(dcval, rng, d):
    """base.profile.json: a profile of continuous amounts (compacted
    sketch past 400 values)."""
    with open(os.path.join(d, "base.csv"), "w") as f:
        f.write("amount\n")
        for _ in range(rng.randint(300, 3000)):
            f.write("%.2f\n" % rng.gauss(2.5, 2))
    code, _ = run([dcval, "profile", "-o", "base.profile.json", "base.csv"], d)
    if code != 0:
        raise SystemExit("dcval profile failed in %s" % d)


def one_case(dcval, rng, d, stats):
    drift = stats and rng.random() < 0.5
    if drift:
        baseline(dcval, rng, d)
    with open(os.path.join(d, "c.yaml"), "w") as f:
        f.write(contract(rng, stats, drift))
    files = []
    for i in range(rng.randint(2 if drift else 1, 6)):
        if rng.random() < 0.05:
            files.append("missing%d.csv" % i)
            continue
        name = "in%d.%s" % (i, rng.choice(["csv", "jsonl"]))
        big = drift and rng.random() < 0.8
        n = rng.randint(450, 1500) if big else rng.randint(0, 12)
        (write_csv if name.endswith("csv") else write_jsonl)(rng, os.path.join(d, name), n, big)
        files.append(name)
    # drift: at least two parts, most of them past the sketch's capacity
    cuts = sorted(rng.sample(range(1, len(files)),
                             rng.randint(1 if drift else 0, len(files) - 1))) if len(files) > 1 else []
    groups, start = [], 0
    for c in cuts + [len(files)]:
        groups.append(files[start:c])
        start = c
    parts = []
    for i, g in enumerate(groups):
        part = "part%d.dcvp" % i
        run([dcval, "validate", "-c", "c.yaml", "--now", NOW, "-q", "--partial-out", part] + g, d)
        parts.append(part)
    fails = []
    for fmt in FORMATS:
        for mv in ["0", "1", "3", "100", "all"]:
            a = run([dcval, "validate", "-c", "c.yaml", "--now", NOW, "-r", fmt,
                     "--max-violations", mv] + files, d)
            b = run([dcval, "merge", "-c", "c.yaml", "-r", fmt, "--max-violations", mv] + parts, d)
            if a != b:
                fails.append("%s --max-violations %s: exit %d vs %d%s" % (
                    fmt, mv, a[0], b[0], "" if a[1] == b[1] else ", reports differ"))
    return groups, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dcval", required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", required=True)
    ap.add_argument("--no-stats", action="store_true")
    a = ap.parse_args()
    passed = failed = 0
    for i in range(a.n):
        rng = random.Random(a.seed * 1000003 + i)
        d = tempfile.mkdtemp(prefix="dcval-shard-")
        groups, fails = one_case(a.dcval, rng, d, not a.no_stats)
        if fails:
            failed += 1
            keep = os.path.join(a.keep, "case%d" % i)
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(d, keep)
            print("FAIL shard case %d (seed %d, parts %s): %s (kept in %s)"
                  % (i, a.seed, groups, "; ".join(fails[:3]), keep))
        else:
            passed += 1
        shutil.rmtree(d, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Differential test of the JSON Lines fast path (src/read/jfast.c)
against the strict path alone (DCVAL_JSON_SLOWPATH=1, the test knob that
turns the fast path off).

For each seed a JSON Lines file is generated: records over the
contracts' keys and undeclared ones, nested objects and arrays, numbers
as written (exponents, big integers, -0), strings with every escape,
surrogate pairs, raw UTF-8, and faults the strict parser must report
itself: duplicate keys (also in nested and undeclared objects), escaped
keys, lone surrogates, invalid UTF-8, control bytes, leading zeros,
trailing commas, truncated records, non-object records, deep nesting,
blank and CRLF lines. `dcval validate` runs on it with the fast path on
and off, in several report formats, with --fail-fast, --max-violations,
a small --max-line-bytes and both quarantine outputs; stdout, stderr,
the exit code and the quarantine files must be identical byte for byte.

Usage: jsonfast_diff.py --dcval PATH [--seeds A-B] [--records N]
Prints one line per failing case and ends with "N passed, N failed".
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

CONTRACTS = {
    "typed": """contract: fastdiff
schema: {extra_columns: warn}
columns:
  - {name: id, type: integer, required: true, unique: true, minimum: 0}
  - {name: n, type: number, maximum: 1e6}
  - {name: s, type: string, enum: [x, y, "\\u00e9", "a\\"b"], sensitive: true}
  - {name: t, type: string, max_length: 5}
  - {name: b, type: boolean}
  - {name: any, type: any, unique: true}
  - {name: user.country, type: string, pattern: '^[A-Z]{2}$'}
  - {name: user.geo.lat, type: number, minimum: -90, maximum: 90}
  - {name: when, type: datetime}
dataset:
  primary_key: [t, b]
""",
    "coerce": """contract: fastdiffc
input: {coerce: true, null_values: ['', 'null', NA]}
schema: {extra_columns: error}
columns:
  - {name: id, type: integer}
  - {name: n, type: number}
  - {name: user.country, type: string, min_length: 2}
""",
}

KEYS = ["id", "n", "s", "t", "b", "any", "user", "when", "extra", "x\u00e9", ""]


def gen_number(rnd):
    return rnd.choice(["0", "-0", "7", "-12", "1.50", "2e3", "1E-2", "-3.25e+2",
                       "123456789012345678901234", "1e400", "0.000001",
                       str(rnd.randint(-10**6, 10**6)), str(rnd.random() * 1000)])


def gen_string(rnd):
    parts = ["x", "y", "\u00e9", "abc", "PL", "a\\\"b", "\\\\", "\\/", "\\b\\f\\n\\r\\t",
             "\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\\u0000", "\u20ac", "\U0001F600",
             "2024-01-02T03:04:05Z", " ", "long text that runs past one eight-byte word"]
    return '"' + "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 3))) + '"'


def ws(rnd):
    return rnd.choice(["", "", "", " ", "\t", "  "])


def gen_value(rnd, depth):
    kinds = ["num", "str", "lit"] + (["arr", "obj"] if depth < 4 else [])
    k = rnd.choice(kinds)
    if k == "num":
        return gen_number(rnd)
    if k == "str":
        return gen_string(rnd)
    if k == "lit":
        return rnd.choice(["true", "false", "null"])
    if k == "arr":
        return "[" + ",".join(ws(rnd) + gen_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))) + "]"
    return gen_object(rnd, depth + 1, ["k", "x", "country", "geo", "lat", "\u00e9"])


def gen_object(rnd, depth, keys):
    chosen = rnd.sample(keys, rnd.randint(0, min(4, len(keys))))
    members = []
    for k in chosen:
        members.append(ws(rnd) + '"' + k + '"' + ws(rnd) + ":" + ws(rnd) + gen_value(rnd, depth))
    return "{" + ",".join(members) + ws(rnd) + "}"


def gen_user(rnd):
    c = rnd.choice(['"PL"', '"pl"', "null", "1", '"DE"'])
    geo = rnd.choice(["null", "[1]", '{"lat":' + gen_number(rnd) + "}", '"x"', "{}"])
    extra = rnd.choice(["", ',"city":"x"', ',"geo2":{"a":1}'])
    return '{"country":' + c + ',"geo":' + geo + extra + "}"


def gen_good(rnd, i):
    members = ['"id":' + rnd.choice([str(i), str(i), '"7"', "-1", "1.0"])]
    for k in rnd.sample(KEYS[1:], rnd.randint(0, 6)):
        if k == "user":
            v = gen_user(rnd) if rnd.random() < 0.8 else gen_value(rnd, 1)
        else:
            v = gen_value(rnd, 1)
        members.append('"' + k + '"' + ws(rnd) + ":" + ws(rnd) + v)
    rnd.shuffle(members)
    return ws(rnd) + "{" + ("," + ws(rnd)).join(members) + "}" + ws(rnd)


BAD = [
    '{"id":1,"id":2}', '{"id":1,"extra":1,"extra":2}', '{"id":1,"any":{"k":1,"k":2}}',
    '{"id":1,"extra":[{"a":1,"a":2}]}', '{"i\\u0064":1}', '{"id":1,"\\u0065xtra":2}',
    '{"id":1,"s":"\\ud800"}', '{"id":1,"s":"\\udc00x"}', '{"id":1,"s":"\xc3("}',
    '{"id":1,"s":"a\x01b"}', '{"id":01}', '{"id":1,}', '{"id":1', '[1,2]', '"str"', "7",
    '{"id":1} x', '{"id":1,"b":tru}', '{"id":1,"b":truex}', '{"id":1,"n":1.}',
    '{"id":1,"n":-}', '{"id":1,"s":"\\x"}', '{"id":1,"any":' + "[" * 70 + "]" * 70 + "}",
    '{"id":1,"s":"\xed\xa0\x80"}', '{"id":1,"user":{"country":"PL","country":"DE"}}',
    '{"id":1 "n":2}', '{"id":1,"n":NaN}', "{'id':1}", '{"id":1}\x00',
]


def gen_file(rnd, count):
    out = []
    for i in range(count):
        r = rnd.random()
        if r < 0.15:
            line = rnd.choice(BAD)
        elif r < 0.18:
            line = rnd.choice(["", "   ", "\t"])
        else:
            line = gen_good(rnd, i)
        out.append(line + rnd.choice(["\n", "\n", "\n", "\r\n"]))
    if rnd.random() < 0.3 and out:
        out[-1] = out[-1].rstrip("\r\n")
    return "".join(out).encode("utf-8", "surrogateescape")


MODES = [
    ["-r", "jsonl", "--max-violations", "all"],
    ["-r", "text"],
    ["-r", "json", "--max-violations", "3"],
    ["-r", "sarif"],
    ["-r", "github"],
    ["-r", "junit"],
    ["-r", "jsonl", "--fail-fast"],
    ["-r", "jsonl", "--max-violations", "all", "--max-line-bytes", "120"],
]


def run(dcval, contract, path, mode, tmp, slow):
    env = dict(os.environ, LC_ALL="C")
    env.pop("DCVAL_JSON_SLOWPATH", None)
    if slow:
        env["DCVAL_JSON_SLOWPATH"] = "1"
    vo, io_ = os.path.join(tmp, "valid.out"), os.path.join(tmp, "invalid.out")
    cmd = [dcval, "validate", "-c", contract, "-f", "jsonl", "--valid-out", vo,
           "--invalid-out", io_] + mode + [path]
    p = subprocess.run(cmd, capture_output=True, env=env)
    with open(vo, "rb") as f:
        v = f.read()
    with open(io_, "rb") as f:
        i = f.read()
    return p.returncode, p.stdout, p.stderr, v, i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dcval", required=True)
    ap.add_argument("--seeds", default="1-40")
    ap.add_argument("--records", type=int, default=200)
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        cpaths = {}
        for name, text in CONTRACTS.items():
            cpaths[name] = os.path.join(tmp, name + ".yaml")
            with open(cpaths[name], "w") as f:
                f.write(text)
        for seed in range(int(lo), int(hi or lo) + 1):
            rnd = random.Random(seed)
            data = gen_file(rnd, a.records)
            path = os.path.join(tmp, "in.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            for cname in sorted(cpaths):
                for mode in (MODES[seed % len(MODES)], MODES[(seed * 3 + 1) % len(MODES)]):
                    fast = run(a.dcval, cpaths[cname], path, mode, tmp, False)
                    slow = run(a.dcval, cpaths[cname], path, mode, tmp, True)
                    if fast == slow:
                        passed += 1
                        continue
                    failed += 1
                    what = ["exit code", "stdout", "stderr", "valid output", "invalid output"]
                    diff = [w for w, x, y in zip(what, fast, slow) if x != y]
                    print(f"FAIL jsonfast seed {seed} contract {cname} {' '.join(mode)}: "
                          f"{', '.join(diff)} differ")
                    keep = f"/tmp/jsonfast_diff_seed{seed}.jsonl"
                    with open(keep, "wb") as f:
                        f.write(data)
                    print(f"  input kept in {keep}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

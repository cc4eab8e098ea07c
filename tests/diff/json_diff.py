#!/usr/bin/python3
"""Differential test of dcval's JSON Lines and JSON array readers against
Python's json module (the oracle of values and record boundaries).

For each seed, random records are generated (nested objects, arrays, big
integers, exponents, unicode escapes, surrogate pairs, raw UTF-8, invalid
elements: raw control characters, trailing commas, lone surrogates, NaN,
leading zeros, duplicate keys, invalid UTF-8; blank lines and CRLF in
JSON Lines) and written as one JSON Lines file and one JSON array file.
dcval validates both against a contract of typed and `any` columns with
`-r jsonl --max-violations all` and quarantine outputs; Python reads the
same records with json.loads configured to the spec (NaN/Infinity and
lone surrogates rejected, duplicate keys rejected, numbers as exact
Decimals) and predicts every violation. Compared per input: the record
count, each violation's (record, line, column, rule), and the valid and
invalid outputs byte for byte (so record boundaries and start lines agree).

Usage: json_diff.py --dcval PATH [--seeds A-B] [--records N] [--keep DIR]
Prints one line per failing case and ends with "N passed, N failed".
"""
import argparse
import decimal
import json
import os
import random
import subprocess
import sys
import tempfile

CONTRACT = """contract: diff
schema: {extra_columns: ignore}
columns:
  - {name: i, type: integer, minimum: -9007199254740992, maximum: 9007199254740992}
  - {name: n, type: number, unique: true}
  - {name: s, type: string, max_length: 3}
  - {name: a, type: any, unique: true}
  - {name: o.x, type: integer}
  - {name: b, type: boolean}
"""

INT64 = (-2 ** 63, 2 ** 63 - 1)
BOUND = 9007199254740992


# ---- the oracle ----

class Bad(Exception):
    """The record is not a valid JSON object (malformed or encoding)."""


def reject_constant(name):
    raise Bad("constant " + name)


def pairs_hook(pairs):
    keys = set()
    for k, _ in pairs:
        if k in keys:
            raise Bad("duplicate key")
        keys.add(k)
    return dict(pairs)


def has_surrogate(v):
    if isinstance(v, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in v)
    if isinstance(v, list):
        return any(has_surrogate(x) for x in v)
    if isinstance(v, dict):
        return any(has_surrogate(k) or has_surrogate(x) for k, x in v.items())
    return False


def oracle_load(raw):
    """The record's value, or Bad. raw: bytes of one record."""
    try:
        text = raw.decode("utf-8")
        v = json.loads(text, parse_constant=reject_constant,
                       parse_float=decimal.Decimal, parse_int=decimal.Decimal,
                       object_pairs_hook=pairs_hook)
    except (ValueError, Bad, RecursionError):
        raise Bad("invalid")
    if has_surrogate(v):
        raise Bad("lone surrogate")
    if not isinstance(v, dict):
        raise Bad("not an object")
    return v


def is_num(v):
    return isinstance(v, decimal.Decimal)


def canon(v):
    """`unique` key of an `any` value: kind, then exact value."""
    if isinstance(v, bool):
        return ("b", v)
    if is_num(v):
        return ("n", v)  # Decimal equality is exact: 1 == 1.0 == 10e-1
    if isinstance(v, str):
        return ("s", v)
    if isinstance(v, list):
        return ("l", tuple(canon(x) for x in v))
    if v is None:
        return ("z",)
    return ("o", tuple((k, canon(x)) for k, x in v.items()))


def integral(v):
    return is_num(v) and v.is_finite() and v == v.to_integral_value() \
        and INT64[0] <= v <= INT64[1]


def expect_record(obj, seen_n, seen_a):
    """Sorted (column, rule) pairs the contract gives for object obj."""
    out = []
    i = obj.get("i")
    if i is not None:
        if isinstance(i, bool) or not integral(i):
            out.append(("i", "type"))
        elif i > BOUND:
            out.append(("i", "maximum"))
        elif i < -BOUND:
            out.append(("i", "minimum"))
    n = obj.get("n")
    if n is not None:
        if isinstance(n, bool) or not is_num(n) or float(n) in (float("inf"), float("-inf")):
            out.append(("n", "type"))
        elif n in seen_n:
            out.append(("n", "unique"))
        else:
            seen_n.add(n)
    s = obj.get("s")
    if s is not None:
        if not isinstance(s, str):
            out.append(("s", "type"))
        elif len(s) > 3:
            out.append(("s", "max_length"))
    a = obj.get("a")
    if a is not None:
        k = canon(a)
        if k in seen_a:
            out.append(("a", "unique"))
        else:
            seen_a.add(k)
    o = obj.get("o")
    if isinstance(o, dict):
        x = o.get("x")
        if x is not None and (isinstance(x, bool) or not integral(x)):
            out.append(("o.x", "type"))
    elif o is not None:
        out.append(("o.x", "type"))  # a parent that is not an object
    b = obj.get("b")
    if b is not None and not isinstance(b, bool):
        out.append(("b", "type"))
    return sorted(out)


# ---- the generator ----

def gen_number(rnd):
    return rnd.choice([
        lambda: str(rnd.randint(-1000, 1000)),
        lambda: str(BOUND + rnd.randint(-2, 2)),
        lambda: str(-BOUND + rnd.randint(-2, 2)),
        lambda: str(INT64[1] + rnd.randint(-1, 2)),
        lambda: str(INT64[0] + rnd.randint(-2, 1)),
        lambda: str(rnd.randint(-10 ** 30, 10 ** 30)),
        lambda: "%d.%s" % (rnd.randint(-99, 99), "0" * rnd.randint(1, 3)),
        lambda: "%d.%d" % (rnd.randint(-9, 9), rnd.randint(0, 99)),
        lambda: "%de%s%d" % (rnd.randint(1, 99), rnd.choice(["", "+", "-"]), rnd.randint(0, 3)),
        lambda: "%d.%dE%d" % (rnd.randint(0, 9), rnd.randint(0, 9), rnd.randint(-3, 20)),
        lambda: rnd.choice(["1e400", "-1e400", "1e-400", "-0", "0.0", "-0.0e0", "1.0", "10e-1"]),
        lambda: "9007199254740993.0",
        lambda: "0." + "0" * rnd.randint(0, 5) + str(rnd.randint(1, 99)),
    ])()


STR_PARTS = ["a", "b", "\u00e9", "\u4e2d", "\U0001F600", "\\u00e9", "\\ud83d\\ude00",
             "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u0000", "x\\u0041", " ", "{", "]", ","]


def gen_string(rnd):
    return '"' + "".join(rnd.choice(STR_PARTS) for _ in range(rnd.randint(0, 5))) + '"'


def ws(rnd, multiline):
    pool = [" ", "\t", ""] + (["\n", "\r\n", "\n  "] if multiline else [])
    return "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 2)))


def gen_value(rnd, depth, multiline):
    kinds = ["num", "str", "lit"] + (["arr", "obj"] if depth < 3 else [])
    k = rnd.choice(kinds)
    if k == "num":
        return gen_number(rnd)
    if k == "str":
        return gen_string(rnd)
    if k == "lit":
        return rnd.choice(["true", "false", "null"])
    if k == "arr":
        items = [gen_value(rnd, depth + 1, multiline) for _ in range(rnd.randint(0, 3))]
        return "[" + ("," + ws(rnd, multiline)).join(items) + "]"
    return gen_object(rnd, depth + 1, multiline, ["x", "y", "\u00e9", "z"])


def gen_object(rnd, depth, multiline, keys):
    members = []
    for k in rnd.sample(keys, rnd.randint(0, len(keys))):
        members.append('"%s"%s:%s%s' % (k, ws(rnd, multiline), ws(rnd, multiline),
                                        gen_value(rnd, depth, multiline)))
    return "{" + ws(rnd, multiline) + ("," + ws(rnd, multiline)).join(members) + "}"


TOP_KEYS = ["i", "n", "s", "a", "o", "b", "extra", "i", "n", "a"]


def gen_good(rnd, multiline):
    keys = list(dict.fromkeys(TOP_KEYS))
    rec = gen_object(rnd, 0, multiline, keys)
    return rec


# Mutations that keep brackets and quotes balanced (so an array element's
# extent stays clear) but make the record invalid.
BAD = [
    lambda r: r[:-1] + (',}' if len(r) > 2 else '}'),           # trailing comma
    lambda r: '{"s":"a\tb",' + r[1:] if len(r) > 2 else '{"s":"a\tb"}',  # raw tab
    lambda r: '{"s":"\\ud800",' + r[1:] if len(r) > 2 else '{"s":"\\udc00"}',
    lambda r: '{"n":NaN}',
    lambda r: '{"n":Infinity}',
    lambda r: '{"i":01}',
    lambda r: '{"i":1,"i":2}',
    lambda r: '{"i" 1}',
    lambda r: '{"b":tru}',
    lambda r: "{'s':1}",
    lambda r: '{"n":+1}',
    lambda r: '{"n":.5}',
    lambda r: '{"s":"\\x"}',
    lambda r: '{"s":"\x01"}',
    lambda r: '[1,{"a":2}]',
    lambda r: '"just a string"',
    lambda r: '12',
    lambda r: 'null',
]
BAD_BYTES = [b'{"s":"\xff"}', b'{"s":"\xed\xa0\x80"}', b'{"s":"a\xc3"}', b'{"s":"\xc0\xaf"}']


def gen_records(rnd, count, multiline):
    """List of record bytes (each one array element or one line)."""
    out = []
    for _ in range(count):
        roll = rnd.random()
        if roll < 0.2:
            rec = rnd.choice(BAD)(gen_good(rnd, multiline)).encode("utf-8")
        elif roll < 0.24:
            rec = rnd.choice(BAD_BYTES)
        else:
            rec = gen_good(rnd, multiline).encode("utf-8")
        out.append(rec)
    return out


def make_jsonl(rnd, records):
    """Bytes of the file; per record its start line and quarantine bytes."""
    data, lines, q, line = b"", [], [], 1
    for rec in records:
        while rnd.random() < 0.1:  # blank lines
            data += rnd.choice([b"", b"  ", b"\t", b" \r"]) + b"\n"
            line += 1
        end = b"\r\n" if rnd.random() < 0.2 else b"\n"
        data += rec + end
        lines.append(line)
        q.append(rec + end)
        line += 1
    if rnd.random() < 0.5 and data.endswith(b"\n") and not data.endswith(b"\r\n"):
        data = data[:-1]  # a last line without a line end
        q[-1] = q[-1][:-1] + b"\n"
    return data, lines, q


def make_array(rnd, records):
    data, lines, q = b"[" + ws(rnd, True).encode(), [], []
    for k, rec in enumerate(records):
        if k:
            data += ws(rnd, True).encode() + b"," + ws(rnd, True).encode()
        lines.append(data.count(b"\n") + 1)
        data += rec
        q.append(rec.replace(b"\n", b" ").replace(b"\r", b" ") + b"\n")
    data += ws(rnd, True).encode() + b"]\n"
    return data, lines, q


# ---- one case ----

def predict(records, lines, q):
    """Expected violations [(record, line, column, rule)], valid, invalid."""
    seen_n, seen_a = set(), set()
    viol, valid, invalid = [], b"", b""
    for k, rec in enumerate(records):
        try:
            obj = oracle_load(rec)
            found = [(k + 1, lines[k], c, r) for c, r in expect_record(obj, seen_n, seen_a)]
        except Bad:
            found = [(k + 1, lines[k], None, "bad")]
        viol += found
        if found:
            invalid += q[k]
        else:
            valid += q[k]
    return viol, valid, invalid


def run_dcval(dcval, contract, path, fmt, tmp):
    vout, iout = os.path.join(tmp, "valid"), os.path.join(tmp, "invalid")
    p = subprocess.run([dcval, "validate", "-c", contract, "-f", fmt, "-r", "jsonl",
                        "--max-violations", "all", "--valid-out", vout,
                        "--invalid-out", iout, path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        raise RuntimeError("dcval exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")))
    viol, records = [], None
    for line in p.stdout.decode("utf-8").splitlines():
        o = json.loads(line)
        if "summary" in o:
            records = o["summary"]["counts"]["records"]
            continue
        rule = "bad" if o["rule"] in ("malformed", "encoding") else o["rule"]
        viol.append((o["record"], o["line"], o["column"], rule))
    with open(vout, "rb") as f:
        valid = f.read()
    with open(iout, "rb") as f:
        invalid = f.read()
    return records, viol, valid, invalid


def sort_key(v):
    return (v[0] or 0, v[1] or 0, v[2] or "", v[3])


def check(name, dcval, contract, records, data, lines, q, fmt, tmp):
    path = os.path.join(tmp, "in." + fmt)
    with open(path, "wb") as f:
        f.write(data)
    want, wvalid, winvalid = predict(records, lines, q)
    got_n, got, gvalid, ginvalid = run_dcval(dcval, contract, path, fmt, tmp)
    problems = []
    if got_n != len(records):
        problems.append("records: dcval %s, python %d" % (got_n, len(records)))
    got, want = sorted(got, key=sort_key), sorted(want, key=sort_key)
    if got != want:
        extra = [v for v in got if v not in want][:3]
        missing = [v for v in want if v not in got][:3]
        problems.append("violations differ: dcval only %s, python only %s" % (extra, missing))
    if gvalid != wvalid:
        problems.append("valid output differs")
    if ginvalid != winvalid:
        problems.append("invalid output differs")
    for p in problems:
        print("FAIL %s: %s" % (name, p))
    return not problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dcval", required=True)
    ap.add_argument("--seeds", default="1-8")
    ap.add_argument("--records", type=int, default=300)
    ap.add_argument("--keep", help="keep each case's files in this folder")
    args = ap.parse_args()
    lo, _, hi = args.seeds.partition("-")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        contract = os.path.join(tmp, "contract.yaml")
        with open(contract, "w") as f:
            f.write(CONTRACT)
        for seed in range(int(lo), int(hi or lo) + 1):
            for fmt in ("jsonl", "json"):
                rnd = random.Random("%d-%s" % (seed, fmt))
                records = gen_records(rnd, args.records, fmt == "json")
                make = make_jsonl if fmt == "jsonl" else make_array
                data, lines, q = make(rnd, records)
                name = "diff/%s/seed%d" % (fmt, seed)
                if check(name, args.dcval, contract, records, data, lines, q, fmt, tmp):
                    passed += 1
                else:
                    failed += 1
                    if args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        with open(os.path.join(args.keep, "seed%d.%s" % (seed, fmt)), "wb") as f:
                            f.write(data)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

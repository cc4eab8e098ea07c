#!/usr/bin/python3
"""Differential test: dcval's CSV/TSV reader against Python's csv module.

Random CSV and TSV inputs (seeded), plus the real files of tests/diff/data/,
are read by Python's csv.reader (file opened with newline='', default
dialect with the input's delimiter and quote, or quoting=QUOTE_NONE when the
contract says `quote: null`) and by dcval, two ways:

1. build/tests/diff/csvdump, dcval's row reader (src/read/csvrow.c) fed in
   pieces of a random size: every record's start line, its fields byte for
   byte, and whether its quoting went wrong must equal Python's. "Went
   wrong" has its own oracle: the record's text alone, read by Python's
   csv with strict=True, raises csv.Error.
2. the dcval command, once per batch of inputs of one dialect (a batch
   with a header shares one header line), with a contract that makes
   nearly every record report a violation (`max_length: 0` on the first
   column, `null_values: []`), `-r jsonl`, `--valid-out` and
   `--invalid-out`: each input's number of records, the line of every
   reported record, the records reported `malformed`, and the quarantine
   outputs, which must partition the inputs: the first input's byte order
   mark and the one header line start both, then every record's bytes in
   input order on its side, with "\\n" after a last record that has no
   line end (so the inputs never run together); blank lines appear on
   neither side.

How bytes reach Python: a leading UTF-8 byte order mark is dropped (dcval
skips it), and the rest is decoded as latin-1, one character per byte, so
every boundary is byte-exact and invalid UTF-8 or NUL bytes pass through;
fields are encoded back to latin-1 bytes for the comparison. Python yields
[] for a line with no characters; dcval does not count it as a record, so
those are dropped (their lines still count for the line numbers).

Usage: csvdiff.py --dcval BIN --csvdump BIN [--n N] [--seed S]
                  [--data DIR] [--keep DIR] [--verbose]
Prints a "FAIL" line (and with --verbose an "ok" line) per test (a real
file, or a batch of up to 50 random inputs of one dialect) and ends with
"N passed, N failed". Failing inputs are written to --keep with the
command line that prints dcval's rows of them.
"""
import argparse
import concurrent.futures
import csv
import io
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile

BOM = b"\xef\xbb\xbf"
csv.field_size_limit(1 << 30)


# ---- Python's reading -------------------------------------------------

def text_lines(body):
    """Physical lines of body (latin-1 text), line ends kept."""
    return io.TextIOWrapper(io.BytesIO(body), encoding="latin-1",
                            newline="").readlines()


def reader_kw(delim, quote):
    if quote is None:
        return {"delimiter": delim, "quoting": csv.QUOTE_NONE}
    return {"delimiter": delim, "quotechar": quote}


def strict_fails(raw_text, kw):
    try:
        list(csv.reader(io.StringIO(raw_text, newline=""), strict=True, **kw))
    except csv.Error:
        return True
    return False


def py_records(data, delim, quote):
    """[(start_line, raw_bytes, [field bytes], malformed)] of data."""
    body = data[3:] if data.startswith(BOM) else data
    lines = text_lines(body)
    kw = reader_kw(delim, quote)
    f = io.TextIOWrapper(io.BytesIO(body), encoding="latin-1", newline="")
    rd = csv.reader(f, **kw)
    recs = []
    prev = 0
    for row in rd:
        start, end = prev + 1, rd.line_num
        prev = end
        if row == []:
            continue  # a line with no characters: not a record
        raw_text = "".join(lines[start - 1:end])
        recs.append((start, raw_text.encode("latin-1"),
                     [x.encode("latin-1") for x in row],
                     strict_fails(raw_text, kw)))
    return recs


# ---- dcval's reading --------------------------------------------------

PIECES = [1, 2, 3, 5, 8, 13, 262144]  # csvdump -c 0: by file number


def parse_dump(out):
    """csvdump's output: {file index: (piece, [(line, [fields], malformed,
    rawlen)])}."""
    files = {}
    recs = None
    pos = 0
    while pos < len(out):
        nl = out.index(b"\n", pos)
        head = out[pos:nl].split(b" ")
        pos = nl + 1
        if head[0] == b"F":
            recs = []
            files[int(head[1])] = (int(head[2]), recs)
            continue
        tag, line, nf, bad, rawlen = head
        assert tag == b"R"
        fields = []
        for _ in range(int(nf)):
            nl = out.index(b"\n", pos)
            n = int(out[pos:nl])
            fields.append(out[nl + 1:nl + 1 + n])
            pos = nl + 1 + n + 1
        recs.append((int(line), fields, bad == b"1", int(rawlen)))
    return files


def dump_args(delim, quote, piece):
    args = ["-d", delim, "-c", str(piece)]
    return args + (["-n"] if quote is None else ["-q", quote])


def compare_rows(got, want):
    if len(got) != len(want):
        return "csvdump: %d records, Python %d" % (len(got), len(want))
    for k, (g, w) in enumerate(zip(got, want), 1):
        gl, gf, gbad, graw = g
        wl, wraw, wf, wbad = w
        if (gl, gf, gbad, graw) != (wl, wf, wbad, len(wraw)):
            return ("record %d: dcval line %d fields %r malformed %s raw %d; "
                    "Python line %d fields %r malformed %s raw %d"
                    % (k, gl, gf, gbad, graw, wl, wf, wbad, len(wraw)))
    return None


def yaml_byte(c):
    return json.dumps(c)  # a JSON string is a YAML double-quoted scalar


def contract(delim, quote, header):
    q = "null" if quote is None else yaml_byte(quote)
    return ("contract: diff\n"
            "input: {format: csv, delimiter: %s, quote: %s, header: %s, "
            "null_values: []}\n"
            "schema: {extra_columns: ignore, missing_columns: ignore}\n"
            "columns:\n"
            "  - {name: a, type: string, max_length: 0}\n"
            % (yaml_byte(delim), q, "true" if header else "false"))


def with_line_end(raw):
    return raw if raw.endswith((b"\n", b"\r")) else raw + b"\n"


def expected_outputs(inputs, wants, invalids, header):
    """The quarantine outputs of one run over several inputs: the first
    input's byte order mark and (header) header line start both; then every
    record on its side, a line end added to one that has none."""
    valid = bytearray()
    inval = bytearray()
    started = False
    for data, want, invalid in zip(inputs, wants, invalids):
        recs = [w[1] for w in want]
        if header and not recs:
            continue
        if not started:
            start = BOM if data.startswith(BOM) else b""
            if header:
                start += with_line_end(recs[0])
            valid += start
            inval += start
            started = True
        if header:
            recs = recs[1:]
        for k, r in enumerate(recs, 1):
            (inval if k in invalid else valid).extend(with_line_end(r))
    return bytes(valid), bytes(inval)


def check_cli(opts, tmp, paths, inputs, wants, delim, quote, header):
    """One dcval run over every input: {path: error} and a run error."""
    cpath = os.path.join(tmp, "c.yaml")
    vpath = os.path.join(tmp, "valid.out")
    ipath = os.path.join(tmp, "invalid.out")
    with open(cpath, "w") as f:
        f.write(contract(delim, quote, header))
    cmd = [opts.dcval, "validate", "-c", cpath, "-r", "jsonl",
           "--max-violations", "all", "--valid-out", vpath,
           "--invalid-out", ipath] + paths
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode not in (0, 1):
        return {}, "dcval exit %d: %s" % (p.returncode, p.stderr.decode())
    lines = p.stdout.decode("utf-8").splitlines()
    summary = json.loads(lines[-1])["summary"]
    errs = {}
    recs = {}
    invalid = {path: set() for path in paths}
    malformed = {path: set() for path in paths}
    for path, want, info in zip(paths, wants, summary["inputs"]):
        recs[path] = want[1:] if header and want else want
        if info["records"] != len(recs[path]):
            errs[path] = "dcval: %d records, Python %d" % (info["records"],
                                                          len(recs[path]))
    for ln in lines[:-1]:
        v = json.loads(ln)
        path, k = v["path"], v["record"]
        if path not in recs:
            return errs, "violation of an unknown input: %s" % ln
        if k is None:
            want = wants[paths.index(path)]
            if v["line"] is not None and (not header or not want or
                                          v["line"] != want[0][0]):
                errs.setdefault(path, "header violation on line %s" % v["line"])
            continue
        if k > len(recs[path]) or v["line"] != recs[path][k - 1][0]:
            errs.setdefault(path, "record %d: dcval line %d, Python %s" % (
                k, v["line"], recs[path][k - 1][0] if k <= len(recs[path])
                else "no such record"))
            continue
        if v["severity"] == "error":
            invalid[path].add(k)
        if v["rule"] == "malformed":
            malformed[path].add(k)
    for path in paths:
        want_bad = {k for k, r in enumerate(recs[path], 1) if r[3]}
        if malformed[path] != want_bad:
            errs.setdefault(path, "malformed records: dcval %s, Python "
                            "(strict) %s" % (sorted(malformed[path]),
                                             sorted(want_bad)))
    if errs:
        return errs, None
    ev, ei = expected_outputs(inputs, wants, [invalid[p] for p in paths],
                              header)
    with open(vpath, "rb") as f:
        gv = f.read()
    with open(ipath, "rb") as f:
        gi = f.read()
    if (gv, gi) != (ev, ei):
        return errs, ("quarantine outputs differ: valid %r, want %r; invalid "
                      "%r, want %r" % (gv[:300], ev[:300], gi[:300], ei[:300]))
    return errs, None


def check_batch(opts, batch, delim, quote, header, piece):
    """Inputs [(name, data)] of one dialect: [error messages]."""
    msgs = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (name, data) in enumerate(batch):
            paths.append(os.path.join(tmp, "%04d-%s" % (i, name)))
            with open(paths[-1], "wb") as f:
                f.write(data)
        inputs = [data for _, data in batch]
        wants = [py_records(data, delim, quote) for data in inputs]
        p = subprocess.run([opts.csvdump] + dump_args(delim, quote, piece)
                           + paths, capture_output=True)
        if p.returncode != 0:
            return ["csvdump exit %d: %s" % (p.returncode, p.stderr.decode())]
        dumped = parse_dump(p.stdout)
        errs = {}
        for i, path in enumerate(paths):
            used, got = dumped.get(i, (piece, []))
            err = compare_rows(got, wants[i])
            if err:
                errs[path] = "piece %d: %s" % (used, err)
        cli_errs, run_err = check_cli(opts, tmp, paths, inputs, wants, delim,
                                      quote, header)
        for path, err in cli_errs.items():
            errs.setdefault(path, err)
        if run_err:
            msgs.append("whole run (%d inputs): %s" % (len(paths), run_err))
        for i, path in enumerate(paths):
            if path in errs:
                msgs.append(keep(opts, batch[i], delim, quote, header, piece,
                                 i, errs[path]))
        if run_err and opts.keep:
            for i in range(len(paths)):
                keep(opts, batch[i], delim, quote, header, piece, i, "")
    return msgs


def keep(opts, item, delim, quote, header, piece, i, err):
    name, data = item
    used = piece if piece else PIECES[i % len(PIECES)]
    msg = "%s (delimiter %r, quote %r, header %s, piece %d): %s" % (
        name, delim, quote, header, used, err)
    if opts.keep:
        os.makedirs(opts.keep, exist_ok=True)
        fpath = os.path.join(opts.keep, name)
        with open(fpath, "wb") as f:
            f.write(data)
        msg += "\n    kept: %s; rows: %s" % (fpath, " ".join(
            shlex.quote(a) for a in [opts.csvdump]
            + dump_args(delim, quote, used) + [fpath]))
    return msg


# ---- random inputs ----------------------------------------------------

WORDS = ["a", "id", "x y", " lead", "trail ", "Mooi & Anders", "42", "-1.5",
         "\u00e9t\u00e9", "\u65e5\u672c", "\U0001f600", "tab\there", ""]
BAD_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80x"]
ENDS = [b"\n", b"\r\n", b"\r"]


def rand_text(rng, delim, quote, quoted):
    """Bytes for a field's body."""
    parts = []
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.55:
            parts.append(rng.choice(WORDS).encode("utf-8"))
        elif r < 0.65:
            parts.append(rng.choice(BAD_UTF8))
        elif r < 0.7:
            parts.append(b"\x00")
        elif r < 0.8 and quote:
            parts.append(quote * (2 if quoted else 1))  # doubled or stray
        elif r < 0.9:
            parts.append(rng.choice(ENDS) if quoted else delim)
        else:
            parts.append(bytes([rng.randint(1, 255)]))
    return b"".join(parts)


def rand_field(rng, delim, quote):
    r = rng.random()
    if quote is None or r < 0.55:
        body = rand_text(rng, delim, quote, False)
        # an unquoted field has no line end; its quotes are literal
        return body.replace(b"\r", b"").replace(b"\n", b"")
    q = quote
    body = rand_text(rng, delim, quote, True).replace(q, q + q)
    if r < 0.85:
        return q + body + q
    if r < 0.92:
        return q + body + q + rand_text(rng, delim, quote, False).replace(
            b"\r", b"").replace(b"\n", b"") + b"x"  # text after the quote
    return q + body  # a quote that never closes (until a later quote)


DIALECTS = [(",", '"'), ("\t", '"'), (";", "'"), (",", None), ("\t", None)]


def rand_header(rng, d, q):
    """A header line that is one well-formed record."""
    names = []
    for _ in range(rng.randint(1, 4)):
        w = rng.choice(WORDS).encode("utf-8").replace(d, b"")
        if q is not None and rng.random() < 0.4:
            w = q + w.replace(q, q + q) + q
        elif q is not None:
            w = w.replace(q, b"")
        names.append(w)
    line = d.join(names)
    return (line or b"h") + rng.choice(ENDS)  # a line with no characters is no header


def rand_body(rng, d, q):
    out = bytearray()
    width = rng.randint(1, 5)
    for _ in range(rng.randint(0, 12)):
        r = rng.random()
        if r < 0.08:
            out += rng.choice(ENDS)  # a line with no characters
            continue
        n = width if r < 0.7 else rng.randint(1, 7)
        out += d.join(rand_field(rng, d, q) for _ in range(n))
        out += rng.choice(ENDS)
    if out and rng.random() < 0.3:
        while out and out[-1:] in (b"\n", b"\r"):
            del out[-1]  # no line end after the last record
    return bytes(out)


def random_batches(opts):
    """[(test name, [(name, data)], delim, quote, header, piece)]: the
    random inputs in runs of one dialect (a header run shares one header
    line, so that every input joins the quarantine outputs)."""
    rng = random.Random(opts.seed)
    batches = []
    i = 0
    while i < opts.n:
        delim, quote = rng.choice(DIALECTS)
        header = rng.random() < 0.5
        d = delim.encode()
        q = quote.encode() if quote else None
        head = rand_header(rng, d, q) if header else b""
        items = []
        for _ in range(min(50, opts.n - i)):
            bom = BOM if rng.random() < 0.1 else b""
            items.append(("seed%d-%d.csv" % (opts.seed, i),
                          bom + head + rand_body(rng, d, q)))
            i += 1
        name = "random %s-%d" % (items[0][0].split("-")[1].split(".")[0], i - 1)
        batches.append((name, items, delim, quote, header, 0))
    return batches


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dcval", required=True)
    ap.add_argument("--csvdump", required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--data", default=None)
    ap.add_argument("--keep", default=None)
    ap.add_argument("--verbose", action="store_true")
    opts = ap.parse_args()

    batches = []
    if opts.data:
        for fn in sorted(os.listdir(opts.data)):
            if not fn.endswith((".csv", ".tsv")):
                continue
            with open(os.path.join(opts.data, fn), "rb") as f:
                data = f.read()
            delim = "\t" if fn.endswith(".tsv") else ","
            for piece in (262144, 7):
                batches.append(("data/%s (pieces of %d)" % (fn, piece),
                                [(fn, data)], delim, '"', True, piece))
    batches += random_batches(opts)
    workers = min(4, os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(workers) as ex:
        futs = [(b[0], ex.submit(check_batch, opts, *b[1:])) for b in batches]
        passed = failed = 0
        for test, fut in futs:
            msgs = fut.result()
            if msgs:
                failed += 1
                print("FAIL csv-diff %s: %d difference(s)" % (test, len(msgs)))
                for m in msgs[:3]:
                    print("  " + m)
            else:
                passed += 1
                if opts.verbose:
                    print("ok csv-diff %s" % test)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

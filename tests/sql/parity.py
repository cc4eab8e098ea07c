#!/usr/bin/python3
"""Count parity of `dcval export --sql` on real engines (tests/sql/run.sh).

For each contract: generate a CSV that violates every check kind of it
(values drawn from per-type pools of valid, invalid and edge-case texts,
plus the contract's own enum values and bounds), run
`dcval validate -r json` on it, export the query for each engine, run it
there over the CSV loaded as text columns, and require every row's
`violations` to equal dcval's rules[].count for (rule, column) (0 when
dcval has no entry), every dcval entry to have a row, and the rows to be
in the contract's order with the right severities.

  parity.py DCVAL ENGINES CONTRACT... (ENGINES: duckdb,postgres)
Environment: PARITY_TMP (scratch folder), PARITY_NODE (duckdb.mjs),
PGHOST/PGPORT/PGUSER/PGDATABASE for psql. Prints "N passed, N failed".

Both dcval and the export get `--now NOW` (freshness), except for a
contract with a `# parity-no-now` line (the engine's CURRENT_TIMESTAMP
against dcval's clock: only for data whose result cannot depend on the
moment). A contract with a `# parity-data: FILE` line runs on that CSV
(next to the contract, written by hand: boundary cases) instead of a
generated one.
"""
import csv
import io
import json
import os
import random
import subprocess
import sys

import yaml

INTEGER = ["1", "0", "-5", "+7", "007", "42", "42", "9223372036854775807",
           "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
           "1.0", "abc", " 1", "1e3", "00000000000000000000001", "-0", "+", "--1",
           "100", "99", "2", "-2"]
NUMBER = ["0", "1", "0.5", "1.0", "1e0", "-0", "1e400", "1e-400", ".5", "5.", "+1.5",
          "nan", "NaN", "inf", "-Infinity", "1,5", "100000", "100000.0000000000000001",
          "99999.99999999999999999", "2", "-1e-5", "9007199254740993",
          "9007199254740992", "0.1", "0.10000000000000000001", "1E2", "1e+2", "e5",
          ".", "-", "1.7976931348623157e308", "1.7976931348623159e308",
          "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
          "0.000", "10", "-10", "3.14159", "1e-5", "12", "0.99999999999999999999"]
BOOLEAN = ["true", "false", "True", "FALSE", "1", "0", "yes", "no", "TRUE", "tRUE",
           "y", "t", "f"]
DATE = ["2020-01-01", "2020-02-29", "2019-02-29", "2020-13-01", "0000-01-01",
        "2020-1-01", "9999-12-31", "2019-12-31", "2020-04-31", "2020-04-30",
        "0001-01-01", "1900-02-29", "2000-02-29", "2020-01-01T00:00:00Z", "20200101",
        "2024-06-15", "2024-06-15"]
DATETIME = ["2026-11-21T10:00:00Z", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59.999999999Z",
            "2016-12-31T23:59:60Z", "2016-12-31T23:59:60+01:00", "2017-01-01T00:59:60+01:00",
            "2020-01-01 00:00:00+00:00", "2020-01-01t00:00:00z", "2020-01-01T00:00:00",
            "2020-01-01T01:00:00+01:00", "2020-01-01T00:00:00.5Z", "2020-01-01T00:00:00.Z",
            "2020-01-01T24:00:00Z", "2020-01-01T00:00:00+24:00", "2020-01-01T00:00:00+23:59",
            "2019-12-31T23:59:59.9999999999Z", "2019-02-29T00:00:00Z", "0001-01-01T00:00:00Z",
            "2020-01-01T00:60:00Z", "2020-06-30T23:59:60-00:00", "2020-01-01T00:00:00-00:30",
            "2025-05-05T05:05:05.123456789123Z", "2030-12-31T23:59:59Z"]
TIME = ["23:59:60Z", "23:59:60", "01:29:60+01:30", "12:00:00", "12:00:00.123", "24:00:00",
        "12:00", "11:00:00-01:00", "12:00:00Z", "00:00:00", "23:59:59.999999999",
        "12:00:60", "10:30:00+02:00", "08:30:00Z"]
STRING = ["", "a", "abc", "AB", "ab", "US", "NL", "ünï", "日本語", "a'b", 'a"b', "back\\slash",
          "tab\there", "new\nline", "  padded  ", "C123456", "x" * 40, "é" * 5,
          "user@example.com", "first.last+tag@sub.example.org", "bad@", "@bad.com",
          "a..b@example.com", '"quoted local"@example.com', '"a\\"b"@x.io', "u@[192.168.0.1]",
          "u@[IPv6:::1]", "u@-bad.com", "a@b", "x@" + "a" * 64 + ".com",
          "12345678-1234-1234-1234-123456789abc", "12345678-1234-1234-1234-123456789ABG",
          "123456781234123412341234567890ab", "https://example.com/path?q=1#frag",
          "http://user:pw@[::1]:8080/", "mailto:x@y.z", "urn:isbn:0451450523", "a://host:8x/",
          "1http://x", "http://exa mple.com", "http://%zz", "http://[v1.a]/", "//no-scheme",
          "192.168.0.1", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3", "::1", "::",
          "1::", "fe80::1:2:3:4:5:6", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::ffff:1.2.3.4",
          "1:2:3:4:5:6:7::", "1:2:3:4:5:6::1.2.3.4", ":::", "1:2:3:4:5:6:7:8:9", "g::1",
          "example.com", "-bad.com", "a.b.c", "a_b.com", "localhost", "ex--ample.com",
          "trailing.dot.", "a" * 64 + ".com", "ABC-123", "abc-123", "x\x01y", "NA", "null",
          "click", "view", "purchase", "zz", "e\u0301e\u0301x", "\U0001F44D\U0001F3FD"]
POOLS = {"integer": INTEGER, "number": NUMBER, "boolean": BOOLEAN, "date": DATE,
         "datetime": DATETIME, "time": TIME, "string": STRING, "any": STRING}


def scalar_text(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    return str(v)


ALPHABET = ':/.@-[]%0a9fZ_~ "\\x!#?=+é\n'


def mutations(pool, seed):
    """Near misses of every sample: a character deleted, doubled, replaced
    or two swapped (deterministic)."""
    rnd = random.Random(seed)
    out = []
    for s in pool:
        for _ in range(3):
            if not s:
                out.append(rnd.choice(ALPHABET))
                continue
            i = rnd.randrange(len(s))
            op = rnd.randrange(4)
            if op == 0:
                out.append(s[:i] + s[i + 1:])
            elif op == 1:
                out.append(s[:i] + s[i] + s[i:])
            elif op == 2:
                out.append(s[:i] + rnd.choice(ALPHABET) + s[i + 1:])
            else:
                out.append(s[:i] + s[i + 1:i + 2] + s[i:i + 1] + s[i + 2:])
    return out


def pool_for(col, j):
    pool = list(POOLS.get(col.get("type", "string"), STRING))
    for v in col.get("enum") or []:
        pool.append(scalar_text(v))
    for key in ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum"):
        if key in col:
            pool.append(scalar_text(col[key]))
    for key in ("true_values", "false_values"):
        pool.extend(col.get(key) or [])
    if col.get("type", "string") != "string" or "format" in col or "pattern" in col:
        pool.extend(mutations(pool, 17 + j))
    return pool


def generate(contract, path, rows=400):
    cols = contract["columns"]
    pools = [pool_for(c, j) for j, c in enumerate(cols)]
    rows = max(rows, 3 * max(len(p) for p in pools))
    nulls = (contract.get("input") or {}).get("null_values", [""])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([c["name"] for c in cols])
        for i in range(rows):
            row = []
            for j, pool in enumerate(pools):
                step = 2 * j + 3
                k = (i * step + j * 7 + i // len(pool)) % (len(pool) + 2)
                if k == len(pool):
                    row.append(nulls[0] if nulls else "")
                elif k == len(pool) + 1:
                    row.append("")
                else:
                    row.append(pool[k])
            w.writerow(row)
        # a quoted empty in every column: null like an empty field
        f.write(",".join(['""'] * len(cols)) + "\n")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, **kw)


NOW = "2026-01-02T02:00:00Z"


def directives(path):
    """The contract's `# parity-data: FILE` (or None) and whether it runs without --now."""
    data, now = None, True
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# parity-data: "):
                data = os.path.join(os.path.dirname(path), line[len("# parity-data: "):].strip())
            elif line.strip() == "# parity-no-now":
                now = False
    return data, now


def dcval_counts(dcval, contract_path, csv_path, now):
    p = run([dcval, "validate", "-c", contract_path, "-f", "csv", "-r", "json", "--max-violations", "0"]
            + (["--now", NOW] if now else []) + [csv_path])
    if p.returncode not in (0, 1):
        raise RuntimeError("dcval validate exit %d: %s" % (p.returncode, p.stderr.decode()))
    doc = json.loads(p.stdout)
    return {(r["rule"], r["column"]): (r["count"], r["severity"]) for r in doc["rules"]}


def ident(s):
    return '"' + s.replace('"', '""') + '"'


def run_duckdb(csv_path, sql_path, table):
    p = run(["node", os.environ["PARITY_NODE"], csv_path, sql_path, table])
    if p.returncode != 0:
        raise RuntimeError("duckdb: " + p.stderr.decode()[-2000:])
    return [json.loads(line) for line in p.stdout.decode().splitlines() if line]


def run_postgres(csv_path, sql_path, table, header):
    tmp = os.environ["PARITY_TMP"]
    load = os.path.join(tmp, "load.sql")
    with open(load, "w", encoding="utf-8") as f:
        f.write("DROP TABLE IF EXISTS %s;\n" % ident(table))
        f.write("CREATE TABLE %s (%s);\n" % (ident(table),
                                             ", ".join(ident(h) + " TEXT" for h in header)))
        # COPY's csv: an unquoted empty field is NULL, a quoted "" is ''
        f.write("\\copy %s FROM '%s' WITH (FORMAT csv, HEADER true)\n" % (ident(table), csv_path))
        f.write("\\i %s\n" % sql_path)
    p = run(["psql", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-f", load])
    if p.returncode != 0:
        raise RuntimeError("postgres: " + p.stderr.decode()[-2000:])
    rows = list(csv.reader(io.StringIO(p.stdout.decode())))
    out = []
    for r in rows[1:]:
        out.append([r[0], r[1] if r[1] != "" else None, r[2], int(r[3])])
    return out


# cli.md "export": structure and drift stay with dcval's own reader
STRUCTURE = {"field_count", "malformed", "encoding", "header", "extra_column",
             "missing_column", "column_order",
             "psi", "ks", "null_fraction_change", "unseen_share"}


def compare(name, engine, rows, counts):
    problems = []
    seen = set()
    for rule, column, sev, n in rows:
        key = (rule, column)
        seen.add(key)
        want, want_sev = counts.get(key, (0, None))
        if n != want:
            problems.append("%s %s: %s gives %s, dcval %s" % (rule, column, engine, n, want))
        if want_sev and sev != want_sev:
            problems.append("%s %s: severity %s, dcval %s" % (rule, column, sev, want_sev))
    for key, (n, _) in counts.items():
        if key not in seen and key[0] not in STRUCTURE:
            problems.append("%s %s: dcval counts %d, the query has no row" % (key[0], key[1], n))
    return problems


# Contracts of contracts/ that export refuses today (README "Running a
# contract in DuckDB or PostgreSQL": what export does not translate): the
# export must fail with exit 2 and this text, never produce a query that
# silently leaves the construct out.
REFUSED = {
    "fraud_training": "type 'vector' has no SQL translation yet",
}


def main():
    dcval, engines = sys.argv[1], sys.argv[2].split(",")
    tmp = os.environ["PARITY_TMP"]
    passed = failed = 0
    for contract_path in sys.argv[3:]:
        with open(contract_path, encoding="utf-8") as f:
            contract = yaml.safe_load(f)
        base = os.path.splitext(os.path.basename(contract_path))[0]
        data, now = directives(contract_path)
        if data:
            csv_path = data
        else:
            csv_path = os.path.join(tmp, base + ".csv")
            generate(contract, csv_path)
        header = [c["name"] for c in contract["columns"]]
        counts = dcval_counts(dcval, contract_path, csv_path, now)
        nonzero = sum(1 for v in counts.values() if v[0])
        for engine in engines:
            table = "input" if engine == "duckdb" else 'in"put \\ ü'
            sql_path = os.path.join(tmp, "%s.%s.sql" % (base, engine))
            args = [dcval, "export", "--sql", engine] + (["--now", NOW] if now else []) + [contract_path]
            if table != "input":
                args[-1:-1] = ["--table", table]
            p = run(args)
            if base in REFUSED:
                err = p.stderr.decode()
                if p.returncode == 2 and REFUSED[base] in err:
                    passed += 1
                    print("ok sql/%s %s: refused as documented (%s)" % (base, engine, REFUSED[base]))
                else:
                    failed += 1
                    print("FAIL sql/%s %s: expected export to refuse with %r, got exit %d: %s"
                          % (base, engine, REFUSED[base], p.returncode, err))
                continue
            if p.returncode != 0:
                print("FAIL sql/%s %s: export exit %d: %s" % (base, engine, p.returncode,
                                                            p.stderr.decode()))
                failed += 1
                continue
            with open(sql_path, "wb") as f:
                f.write(p.stdout)
            try:
                if engine == "duckdb":
                    rows = run_duckdb(csv_path, sql_path, table)
                else:
                    rows = run_postgres(csv_path, sql_path, table, header)
            except RuntimeError as e:
                print("FAIL sql/%s %s: %s" % (base, engine, e))
                failed += 1
                continue
            problems = compare(base, engine, rows, counts)
            if problems:
                print("FAIL sql/%s %s:\n  %s" % (base, engine, "\n  ".join(problems)))
                failed += 1
            else:
                passed += 1
                print("ok sql/%s %s: %d checks, %d with violations" % (base, engine,
                                                                     len(rows), nonzero))
    print("%d passed, %d failed" % (passed, failed))


main()

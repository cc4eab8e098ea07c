#!/usr/bin/env python3
"""Run the third-party conformance suites (../shared/conformance) against dcval.

For every case of every suite: convert the neutral contract to a dcval contract,
run `dcval validate -f FORMAT -r json --max-violations all`, and compare the exit
code and the reported (position, column, rule) set with the case's expectations.
See tests/conformance/README.md for the rule mapping and the skip tags.

Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

SUITES = ("csv-spectrum", "frictionless-py", "json-schema-test-suite")
JSON_FORMATS = ("json", "jsonl")
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1


# --------------------------------------------------------------------------
# Skip tags. Each one is a semantic choice where dcval's spec decides
# differently from the suite; README.md quotes the deciding spec line.
#
# scope "case": the whole case is skipped.
# scope "row": json-schema-test-suite records carrying the tag are dropped
#   from the input (when `applies` says the spec decides that record).
# scope "filter": the expected failures that follow from the suite's policy
#   are removed and the rest of the case is still run (the case is skipped
#   only when nothing is left to check).
# --------------------------------------------------------------------------

def _field_types(contract):
    return {f.get("type", "any") for f in contract.get("fields", [])}


def _bignum_applies(case, row, record):
    # dcval integers must fit in signed 64 bits; numbers are not bounded.
    if record is None:
        return True
    for f in case["contract"].get("fields", []):
        if f.get("type") != "integer" or not isinstance(record, dict):
            continue
        v = record.get(f["name"])
        if isinstance(v, int) and not isinstance(v, bool) and not INT64_MIN <= v <= INT64_MAX:
            return True
    return False


def _time_only(case, row, record):
    return "time" in _field_types(case["contract"])


SKIP_TAGS = {
    "regex-unanchored-search": {"scope": "row"},
    "bignum": {"scope": "row", "applies": _bignum_applies},
    "rfc3339-offset-required": {"scope": "row", "applies": _time_only},
    "pk-null-semantics": {"scope": "case"},
    "blank-row-policy": {"scope": "filter"},
    "header-declared-field-absent": {"scope": "filter"},
}

# Reasons the runner derives itself (no suite tag); also listed in README.md.
DERIVED_JSON_NULL = "json-null-equals-missing-key"
DERIVED_FIELD_COUNT = "dataset-field-count"

# Neutral rule -> dcval rule id. None: no dcval counterpart (see README).
RULE_MAP = {
    "type": "type",
    "nullable": "required",
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "enum": "enum",
    "format": "format",
    "unique": "unique",
    "primary_key": "primary_key",
    "header_missing_field": "missing_column",
    "header_extra_field": "extra_column",
    "header_blank_label": "header",
    "header_duplicate_label": "header",
    "header_mismatch": "column_order",
    "missing_cell": "field_count",
    "extra_cell": "field_count",
    "row_count": "row_count",
    "input_empty": "header",
    "input_encoding": "encoding",
}
# Neutral rules that only summarise other expected entries; not compared.
AGGREGATE_RULES = {"header_unmatched"}
# dcval rules whose `column` is null (or, for primary_key, the joined key):
# matched by position and rule only.
NO_COLUMN_RULES = {"field_count", "malformed", "encoding", "header", "row_count",
                   "primary_key", "column_order"}
HEADER_RULES = {"header", "missing_column", "extra_column", "column_order"}

WILD = object()


# --------------------------------------------------------------------------
# YAML emission
# --------------------------------------------------------------------------

class Num:
    """A JSON number kept in its lexical form."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def load_json(text):
    return json.loads(text, parse_float=Num, parse_int=Num)


def plain(v):
    """Neutral-contract value back to a Python value (Num -> int/float)."""
    if isinstance(v, Num):
        try:
            return int(v.text)
        except ValueError:
            return float(v.text)
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


def yq(s):
    """A YAML double-quoted scalar (safe for any string)."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif c < 0x20 or 0x7F <= c <= 0x9F or 0xD800 <= c <= 0xDFFF or c in (0xFEFF, 0xFFFE, 0xFFFF, 0x2028, 0x2029):
            if c <= 0xFF:
                out.append("\\x%02x" % c)
            else:
                out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def yscalar(v, as_string=False):
    if as_string:
        if isinstance(v, Num):
            return yq(v.text)
        if isinstance(v, bool):
            return yq("true" if v else "false")
        if v is None:
            return yq("")
        return yq(str(v))
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Num):
        return v.text
    if isinstance(v, (int, float)):
        return repr(v)
    return yq(str(v))


PLACEHOLDER = "__conformance_no_declared_fields__"

# JSON Schema patterns are ECMA-262; dcval's are PCRE2 (contract.md), which
# also takes ECMA-262's long Unicode property names (\p{Letter}): written as is.


def convert(case):
    """Neutral contract -> dcval contract YAML text."""
    c = case["contract"]
    fmt = case["format"]
    is_json = fmt in JSON_FORMATS
    fields = c.get("fields", [])
    lines = ['contract: "conformance"', 'version: "1.0.0"']

    inp = []
    if c.get("null_values") is not None:
        inp.append("  null_values: [" + ", ".join(yscalar(x, True) for x in c["null_values"]) + "]")
    dialect = c.get("dialect") or {}
    if "delimiter" in dialect:
        inp.append("  delimiter: " + yq(dialect["delimiter"]))
    if c.get("header") is False:
        inp.append("  header: false")
    if inp:
        lines.append("input:")
        lines.extend(inp)

    presence = [bool(f.get("required")) for f in fields]
    extra = "error" if c.get("additional_fields") == "forbid" else "ignore"
    if is_json or not fields:
        # JSON: presence is checked through `required` (a missing key is null).
        missing = "ignore"
    else:
        missing = "error" if any(presence) else "ignore"
    lines.append("schema:")
    lines.append("  extra_columns: " + extra)
    lines.append("  missing_columns: " + missing)
    lines.append("  column_order: " + ("strict" if c.get("column_order") == "strict" else "any"))

    lines.append("columns:")
    if not fields:
        # dcval needs at least one column; an optional untyped one that no
        # input has changes nothing (missing_columns is ignore above).
        lines.append("  - name: " + yq(PLACEHOLDER))
        lines.append("    type: any")
    for f in fields:
        name = f["name"]
        ftype = f.get("type", "any")
        lines.append("  - name: " + yq(name))
        if is_json and "." in name:
            lines.append("    path: [" + yq(name) + "]")
        lines.append("    type: " + ftype)
        if is_json:
            # JSON: a missing key and null are both null (contract.md).
            req = bool(f.get("required"))
        else:
            req = f.get("nullable") is False
        if req:
            lines.append("    required: true")
        for src, dst in (("minimum", "minimum"), ("maximum", "maximum"),
                         ("exclusiveMinimum", "exclusive_minimum"),
                         ("exclusiveMaximum", "exclusive_maximum"),
                         ("minLength", "min_length"), ("maxLength", "max_length")):
            if src in f:
                as_str = ftype in ("date", "datetime", "time")
                lines.append("    %s: %s" % (dst, yscalar(f[src], as_str)))
        if "pattern" in f:
            lines.append("    pattern: " + yq(f["pattern"]))
        if "enum" in f:
            # Contract values are typed as YAML 1.2 reads them: strings for
            # string and date/time columns, YAML numbers and booleans otherwise.
            as_str = ftype in ("string", "date", "datetime", "time")
            lines.append("    enum: [" + ", ".join(yscalar(x, as_str) for x in f["enum"]) + "]")
        if "format" in f:
            lines.append("    format: " + yq(f["format"]))
        if f.get("unique"):
            lines.append("    unique: true")

    ds = []
    rc = (c.get("dataset") or {}).get("row_count")
    if rc:
        lo = rc.get("exact", rc.get("min"))
        hi = rc.get("exact", rc.get("max"))
        parts = []
        if lo is not None:
            parts.append("minimum: " + yscalar(lo))
        if hi is not None:
            parts.append("maximum: " + yscalar(hi))
        ds.append("  row_count: {" + ", ".join(parts) + "}")
    if c.get("primary_key"):
        ds.append("  primary_key: [" + ", ".join(yq(k) for k in c["primary_key"]) + "]")
    if ds:
        lines.append("dataset:")
        lines.extend(ds)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Running and comparing
# --------------------------------------------------------------------------

def run_dcval(dcval, contract_path, fmt, input_path):
    cmd = [dcval, "validate", "-c", contract_path, "-f", fmt, "-r", "json",
           "--max-violations", "all", input_path]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        return None, None, "timeout after 120 s", ""
    except OSError as exc:
        return None, None, "cannot run %s: %s" % (dcval, exc), ""
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    report = None
    if out.strip():
        try:
            report = json.loads(out)
        except ValueError:
            report = None
    return p.returncode, report, err, out


def norm_expected(e, case, by_line):
    """Expected failure -> (pos, column, rule) with WILD where not comparable."""
    rule = e.get("rule")
    drule = WILD if rule is None else RULE_MAP.get(rule, "?" + str(rule))
    row, line = e.get("row"), e.get("line")
    if row is None and line is None:
        pos = WILD  # dataset-level: the source gives no position
    elif row is None:
        pos = "H"
    elif by_line or case["format"] == "jsonl":
        pos = ("line", line)
    elif case["format"] == "json":
        pos = ("record", row)
    else:
        pos = ("row", row, line)
    field = e.get("field")
    if field is None or drule in NO_COLUMN_RULES:
        field = WILD
    return (pos, field, drule)


def norm_got(v, case, by_line):
    rule = v.get("rule")
    if v.get("record") is None:
        pos = "H"
    elif by_line or case["format"] == "jsonl":
        pos = ("line", v.get("line"))
    elif case["format"] == "json":
        pos = ("record", v.get("record"))
    else:
        pos = ("row", v.get("record"), v.get("line"))
    return (pos, v.get("column"), rule)


def matches(exp, got):
    return all(a is WILD or a == b for a, b in zip(exp, got))


def fmt_key(k):
    pos, field, rule = k
    if pos is WILD:
        p = "*"
    elif pos == "H":
        p = "file"
    elif pos[0] == "row":
        p = "record %s line %s" % (pos[1], pos[2])
    else:
        p = "%s %s" % pos
    f = "" if field is WILD or field is None else " %s" % json.dumps(field, ensure_ascii=False)
    r = "*" if rule is WILD else rule
    return "(%s%s %s)" % (p, f, r)


def summarize(keys, limit=6):
    keys = list(keys)
    s = ", ".join(fmt_key(k) for k in keys[:limit])
    if len(keys) > limit:
        s += ", ... (%d in all)" % len(keys)
    return s or "none"


def judge(case, exp_failures, complete, rc, report, err, by_line, ignore_got=None):
    """Return None when the result agrees, else a one-line reason."""
    expected = case["expected"]
    if rc is None:
        return "dcval did not finish: %s" % err
    if rc < 0:
        return "dcval killed by signal %d" % -rc
    violations = [] if report is None else report.get("violations", [])
    errors = [v for v in violations if v.get("severity") == "error"]
    if ignore_got:
        errors = [v for v in errors if not ignore_got(v)]
    got = [norm_got(v, case, by_line) for v in errors]
    stderr1 = err.strip().splitlines()[0] if err.strip() else ""

    if expected == "contract_error":
        if rc == 2:
            return None
        return "expected contract error (exit 2), got exit %d" % rc
    if expected == "valid":
        if rc != 0 or errors:
            why = "expected valid (exit 0), got exit %d" % rc
            if errors:
                why += " with %s" % summarize(got)
            elif stderr1:
                why += ": " + stderr1
            return why
        return None

    # invalid
    exp = []
    for e in exp_failures:
        if e.get("rule") in AGGREGATE_RULES:
            continue
        exp.append(norm_expected(e, case, by_line))
    only_input = exp_failures and all(e.get("rule") == "input_empty" for e in exp_failures)
    if rc == 3 and only_input:
        return None
    if rc != 1:
        why = "expected invalid (exit 1), got exit %d" % rc
        if stderr1:
            why += ": " + stderr1
        return why
    if report is None:
        return "exit 1 but no JSON report on stdout"
    missing = [k for k in exp if not any(matches(k, g) for g in got)]
    problems = []
    if missing:
        problems.append("missing %s" % summarize(missing))
    if complete:
        extra = [g for g in got if not any(matches(k, g) for k in exp)]
        extra = list(dict.fromkeys(extra))
        if extra:
            problems.append("unexpected %s" % summarize(extra))
    if problems:
        return "; ".join(problems) + " [expected %s]" % summarize(dict.fromkeys(exp))
    return None


def case_tags(case):
    return set(case.get("tags") or [])


def plan_case(case):
    """Decide skip / filter for a case without rows.

    Returns (skip_reason or None, expected_failures, by_line)."""
    tags = case_tags(case)
    for t in sorted(tags):
        spec = SKIP_TAGS.get(t)
        if spec and spec["scope"] in ("case", "row"):
            applies = spec.get("applies")
            if applies is None or applies(case, None, None):
                return "tag %s" % t, None, False
    ds = case["contract"].get("dataset") or {}
    if "field_count" in ds:
        return "%s (dcval has no dataset field-count check)" % DERIVED_FIELD_COUNT, None, False

    exp = list(case["expected_failures"])
    by_line = False
    applied = []
    if "blank-row-policy" in tags:
        exp = [e for e in exp if e.get("rule") != "blank_row"]
        by_line = True
        applied.append("blank-row-policy")
    if "header-declared-field-absent" in tags:
        absent = {e.get("field") for e in exp if e.get("rule") == "header_missing_field"}
        exp = [e for e in exp if e.get("row") is None or e.get("field") not in absent]
        applied.append("header-declared-field-absent")
    if case["expected"] == "invalid" and case["expected_failures"] and not exp:
        return "tag %s (no expectation left)" % "+".join(applied), None, False
    return None, exp, by_line


def optional_missing_filter(case):
    """dcval's missing_columns policy is per contract, not per column: when
    the contract makes it `error` because some field must be present, a
    missing_column on a field the neutral contract leaves optional is not
    counted (the exit code is still compared)."""
    c = case["contract"]
    if case["format"] in JSON_FORMATS:
        return None
    optional = {f["name"] for f in c.get("fields", []) if not f.get("required")}
    if not optional or len(optional) == len(c.get("fields", [])):
        return None
    return lambda v: v.get("rule") == "missing_column" and v.get("column") in optional


def row_skip_reason(case, row, record):
    for t in sorted(row.get("tags") or []):
        spec = SKIP_TAGS.get(t)
        if not spec or spec["scope"] != "row":
            continue
        applies = spec.get("applies")
        if applies is None or applies(case, row, record):
            return "tag " + t
    # Derived: a JSON record whose verdict depends on telling an explicit
    # null from an absent key (dcval: both are null).
    if isinstance(record, dict):
        for f in case["contract"].get("fields", []):
            name = f["name"]
            if name in record and record[name] is None:
                if f.get("required") and f.get("nullable") is not False:
                    return DERIVED_JSON_NULL
                if not f.get("required") and f.get("nullable") is False:
                    return DERIVED_JSON_NULL
    return None


class Result:
    def __init__(self, name):
        self.name = name
        self.passed = self.failed = self.skipped = 0
        self.rec_passed = self.rec_failed = self.rec_skipped = 0
        self.failures = []
        self.skips = {}


def write(path, text, mode="w"):
    with open(path, mode) as fh:
        fh.write(text)


def run_case(case, suite_dir, args, res, tmp):
    cid = case["id"]
    contract_path = os.path.join(tmp, "contract.yaml")
    input_path = os.path.join(suite_dir, case["input"])
    rows = case.get("rows")
    ignore_got = optional_missing_filter(case)

    if rows:
        return run_rows_case(case, input_path, contract_path, args, res, tmp)

    reason, exp, by_line = plan_case(case)
    if reason:
        res.skipped += 1
        res.skips.setdefault(reason, []).append(cid)
        return
    yaml = convert(case)
    write(contract_path, yaml)
    rc, report, err, out = run_dcval(args.dcval, contract_path, case["format"], input_path)
    why = judge(case, exp, case["expected_failures_complete"], rc, report, err, by_line, ignore_got)
    record_outcome(res, cid, why, args, yaml, rc, out, err)


def record_outcome(res, cid, why, args, yaml, rc, out, err):
    if why is None:
        res.passed += 1
        return
    res.failed += 1
    detail = None
    if args.verbose:
        detail = "--- contract.yaml\n%s--- exit %s\n--- stdout\n%s\n--- stderr\n%s" % (
            yaml, rc, out.rstrip("\n"), err)
    res.failures.append((cid, why, detail))


def run_rows_case(case, input_path, contract_path, args, res, tmp):
    """json-schema-test-suite: one record per input line, scored per record."""
    cid = case["id"]
    rows = case["rows"]
    with open(input_path, "rb") as fh:
        data_lines = fh.read().split(b"\n")
    if data_lines and data_lines[-1] == b"":
        data_lines.pop()
    if len(data_lines) != len(rows):
        res.failed += 1
        res.failures.append((cid, "harness: %d input lines but %d rows" % (len(data_lines), len(rows)), None))
        return
    # Case-level skip tags that no record carries apply to the whole case.
    row_tags = set()
    for r in rows:
        row_tags |= set(r.get("tags") or [])
    for t in sorted(case_tags(case) - row_tags):
        spec = SKIP_TAGS.get(t)
        if spec and (spec.get("applies") is None or spec["applies"](case, None, None)):
            res.skipped += 1
            res.rec_skipped += len(rows)
            res.skips.setdefault("tag " + t, []).append(cid)
            return

    kept = []  # (old_row_number, row)
    for i, (r, raw) in enumerate(zip(rows, data_lines), start=1):
        try:
            record = json.loads(raw.decode("utf-8"))
        except ValueError:
            record = None
        reason = row_skip_reason(case, r, record)
        if reason:
            res.rec_skipped += 1
            res.skips.setdefault(reason, []).append("%s row %d" % (cid, i))
        else:
            kept.append((i, r))
    if not kept:
        res.skipped += 1
        return
    newno = {old: new for new, (old, _) in enumerate(kept, start=1)}
    sub_input = os.path.join(tmp, "input.jsonl")
    write(sub_input, b"".join(data_lines[old - 1] + b"\n" for old, _ in kept), "wb")

    exp = []
    for e in case["expected_failures"]:
        if e.get("row") in newno:
            e2 = dict(e)
            e2["row"] = e2["line"] = newno[e["row"]]
            exp.append(e2)
    sub_case = dict(case)
    sub_case["expected"] = "invalid" if exp else "valid"

    yaml = convert(case)
    write(contract_path, yaml)
    rc, report, err, out = run_dcval(args.dcval, contract_path, case["format"], sub_input)
    why = judge(sub_case, exp, case["expected_failures_complete"], rc, report, err, False)

    # Per-record score.
    violations = [] if report is None else report.get("violations", [])
    errs = [v for v in violations if v.get("severity") == "error"]
    by_rec = {}
    for v in errs:
        by_rec.setdefault(v.get("line"), []).append(v)
    exp_by = {e["row"]: norm_expected(e, case, True) for e in exp}
    bad_records = []
    for old, r in kept:
        n = newno[old]
        got = [norm_got(v, case, True) for v in by_rec.get(n, [])]
        if n in exp_by:
            ok = any(matches(exp_by[n], g) for g in got)
        else:
            ok = not got
        if rc not in (0, 1):
            ok = False
        if ok:
            res.rec_passed += 1
        else:
            res.rec_failed += 1
            bad_records.append(old)
    if why is None and bad_records:
        why = "records %s disagree" % bad_records
    if why is not None:
        descr = []
        for old in bad_records:
            r = rows[old - 1]
            descr.append("row %d %s %s" % (old, "valid" if r["valid"] else "invalid",
                                           data_lines[old - 1].decode("utf-8", "replace")[:60]))
        if descr:
            why += " | suite: " + "; ".join(descr)
        if len(kept) != len(rows):
            why += " (line numbers after dropping skipped records: %s)" % (
                ", ".join("%d->%d" % (o, newno[o]) for o in bad_records))
    record_outcome(res, cid, why, args, yaml, rc, out, err)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dcval", default=os.path.join(repo, "build", "dcval"))
    ap.add_argument("--suites", default=os.path.join(repo, "..", "shared", "conformance"))
    ap.add_argument("--case", default=None, help="run only cases whose id contains this")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print the generated YAML and dcval's output for failures")
    ap.add_argument("--list-skips", action="store_true", help="list skipped cases/records")
    args = ap.parse_args()
    args.dcval = os.path.abspath(args.dcval)
    if not os.access(args.dcval, os.X_OK):
        print("dcval binary not found: %s (run make)" % args.dcval, file=sys.stderr)
        return 2

    results = []
    with tempfile.TemporaryDirectory(prefix="dcval-conformance-") as tmp:
        for suite in SUITES:
            suite_dir = os.path.join(args.suites, suite)
            cases_path = os.path.join(suite_dir, "cases.jsonl")
            if not os.path.exists(cases_path):
                print("%s: missing %s" % (suite, cases_path), file=sys.stderr)
                return 2
            res = Result(suite)
            with open(cases_path, encoding="utf-8") as fh:
                for text in fh:
                    if not text.strip():
                        continue
                    case = load_json(text)
                    case = plain_case(case)
                    if args.case and args.case not in case["id"]:
                        continue
                    run_case(case, suite_dir, args, res, tmp)
            results.append(res)

    tp = tf = ts = 0
    for res in results:
        print("%s: %d passed, %d failed, %d skipped" % (res.name, res.passed, res.failed, res.skipped))
        if res.rec_passed or res.rec_failed or res.rec_skipped:
            print("  records: %d passed, %d failed, %d skipped"
                  % (res.rec_passed, res.rec_failed, res.rec_skipped))
        for cid, why, detail in res.failures:
            print("  FAIL %s: %s" % (cid, why))
            if detail:
                print("    " + detail.replace("\n", "\n    ").rstrip())
        if args.list_skips:
            for reason, ids in sorted(res.skips.items()):
                print("  SKIP %s: %s" % (reason, ", ".join(ids)))
        tp += res.passed
        tf += res.failed
        ts += res.skipped
    print("%d passed, %d failed, %d skipped" % (tp, tf, ts))
    return 1 if tf else 0


def plain_case(case):
    """Everything but the contract back to plain Python values; the contract
    keeps Num so that numbers are written in their lexical form."""
    out = {}
    for k, v in case.items():
        out[k] = v if k == "contract" else plain(v)
    return out


if __name__ == "__main__":
    sys.exit(main())

"""Checks of dcval's sarif report (spec cli.md "SARIF report").

    check.py schema LOG...        each LOG passes the official SARIF 2.1.0 schema
    check.py pair SARIF JSON      SARIF and the json report of the same run agree

Run with Debian's /usr/bin/python3 (python3-jsonschema). The schema is
tests/sarif/sarif-schema-2.1.0.json (see README.md there), checked as the
Draft 4 schema it declares, with format checking: jsonschema's own
checkers plus "uri" and "uri-reference" after RFC 3986 (python3-rfc3987 is
not among the test dependencies, and jsonschema skips those formats
without it). Prints one line per failure and "N passed, N failed" last;
exits 1 when anything failed.
"""
import json
import os
import re
import sys
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_PATH = os.path.join(HERE, "sarif-schema-2.1.0.json")
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

# RFC 3986 Appendix B splits any string; the character classes of
# sections 2 and 3 then decide whether each part is well-formed.
_SPLIT = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$")
_PCT = r"%[0-9A-Fa-f]{2}"
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCHARS = re.compile(r"^(?:[" + _UNRESERVED_SUB + r":@/]|" + _PCT + r")*$")
_QUERY = re.compile(r"^(?:[" + _UNRESERVED_SUB + r":@/?]|" + _PCT + r")*$")
_AUTHORITY = re.compile(r"^(?:[" + _UNRESERVED_SUB + r":@\[\]]|" + _PCT + r")*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")


def uri_reference_ok(s):
    """True when s is an RFC 3986 URI-reference."""
    if not isinstance(s, str):
        return True  # formats only judge strings
    m = _SPLIT.match(s)
    if not m:
        return False
    scheme, authority, path, query, fragment = m.group(2), m.group(4), m.group(5), m.group(7), m.group(9)
    if scheme is not None and not _SCHEME.match(scheme):
        return False
    if authority is not None and not _AUTHORITY.match(authority):
        return False
    if not _PCHARS.match(path):
        return False
    if scheme is None and authority is None and ":" in path.split("/", 1)[0]:
        return False  # section 4.2: would read as a scheme
    for part in (query, fragment):
        if part is not None and not _QUERY.match(part):
            return False
    return True


def uri_ok(s):
    """True when s is an RFC 3986 URI (a reference with a scheme)."""
    if not isinstance(s, str):
        return True
    m = _SPLIT.match(s)
    return bool(m and m.group(2)) and uri_reference_ok(s)


def validator():
    schema = json.load(open(SCHEMA_PATH, encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    fc = jsonschema.FormatChecker()
    fc.checks("uri")(uri_ok)
    fc.checks("uri-reference")(uri_reference_ok)
    return jsonschema.Draft4Validator(schema, format_checker=fc)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, problems):
        if problems:
            self.failed += 1
            for p in problems[:20]:
                print("FAIL sarif/%s: %s" % (name, p))
        else:
            self.passed += 1


def schema_problems(v, path):
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return ["not JSON: %s" % e]
    out = ["%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message)
           for e in v.iter_errors(doc)]
    if doc.get("$schema") != SCHEMA_URI:
        out.append("$schema is %r" % doc.get("$schema"))
    if doc.get("version") != "2.1.0" or len(doc.get("runs") or []) != 1:
        out.append("not one 2.1.0 run")
    return out


def path_of_uri(uri):
    """The input path a result's URI names (the inverse of dcval's mapping)."""
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
        assert uri.startswith("/"), uri
    elif _SPLIT.match(uri).group(2) is not None:
        raise ValueError("relative path read as a scheme: %r" % uri)
    return urllib.parse.unquote_to_bytes(uri).decode("utf-8", "replace")


def pair_problems(sarif_path, json_path):
    s = json.load(open(sarif_path, encoding="utf-8"))
    j = json.load(open(json_path, encoding="utf-8"))
    out = []
    run = s["runs"][0]
    drv = run["tool"]["driver"]
    rules = drv.get("rules", [])
    ids = [r["id"] for r in rules]
    props = run.get("properties", {})

    def want(what, got, exp):
        if got != exp:
            out.append("%s: %r, json report: %r" % (what, got, exp))

    want("tool.driver.name", drv.get("name"), j["tool"]["name"])
    want("tool.driver.version", drv.get("version"), j["tool"]["version"])
    want("properties.counts", props.get("counts"), j["counts"])
    want("properties.valid", props.get("valid"), j["valid"])
    want("properties.truncated", props.get("truncated"), j["truncated"])
    want("properties.contract", props.get("contract"), j["contract"])
    seen = []
    for agg in j["rules"]:
        if agg["rule"] not in seen:
            seen.append(agg["rule"])
    want("rule ids", ids, seen)
    if len(set(ids)) != len(ids):
        out.append("rule ids repeat: %r" % ids)
    for r in rules:
        for k in ("shortDescription", "fullDescription", "help"):
            if not (r.get(k) or {}).get("text"):
                out.append("rule %s has no %s.text" % (r.get("id"), k))
    ok = all("error" not in i for i in j["inputs"])
    inv = run.get("invocations") or [{}]
    want("executionSuccessful", inv[0].get("executionSuccessful"), ok)
    results = run.get("results", [])
    want("number of results", len(results), len(j["violations"]))
    for i, (res, v) in enumerate(zip(results, j["violations"])):
        where = "results[%d]" % i
        want(where + ".ruleId", res.get("ruleId"), v["rule"])
        idx = res.get("ruleIndex")
        if not isinstance(idx, int) or not 0 <= idx < len(rules) or rules[idx]["id"] != v["rule"]:
            out.append("%s.ruleIndex %r does not point at rule %r" % (where, idx, v["rule"]))
        want(where + ".level", res.get("level"), {"error": "error", "warn": "warning"}[v["severity"]])
        want(where + ".message.text", res.get("message", {}).get("text"), v["message"])
        want(where + ".properties", res.get("properties"),
             {k: v[k] for k in ("record", "field", "column", "value")})
        locs = res.get("locations")
        if not v["path"]:
            want(where + ".locations", locs, None)
            continue
        if not locs or len(locs) != 1:
            out.append("%s: %r locations" % (where, locs))
            continue
        phys = locs[0]["physicalLocation"]
        try:
            want(where + " uri (decoded)", path_of_uri(phys["artifactLocation"]["uri"]), v["path"])
        except ValueError as e:
            out.append("%s: %s" % (where, e))
        if v["line"] is None:
            want(where + ".region", phys.get("region"), None)
        else:
            want(where + ".region", phys.get("region"), {"startLine": v["line"]})
    return out


def main(argv):
    t = Tally()
    if len(argv) >= 2 and argv[0] == "schema":
        v = validator()
        for p in argv[1:]:
            t.check("schema:" + os.path.basename(p), schema_problems(v, p))
    elif len(argv) == 3 and argv[0] == "pair":
        v = validator()
        t.check("schema:" + os.path.basename(argv[1]), schema_problems(v, argv[1]))
        t.check("pair:" + os.path.basename(argv[1]), pair_problems(argv[1], argv[2]))
    else:
        print(__doc__)
        return 2
    print("%d passed, %d failed" % (t.passed, t.failed))
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

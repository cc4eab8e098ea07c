"""Peer: pandas with vectorised checks equivalent to events.yaml.

Reads the CSV with every column as text (empty field = null), then each
rule is one vectorised expression; prints the number of invalid rows.

    python3 peer_pandas.py FILE.csv [--no-unique]
"""
import sys

import pandas as pd

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
TS = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"
NUM = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
INT = r"[+-]?[0-9]+"
ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
EMAIL = rf"{ATOM}(?:\.{ATOM})*@{LABEL}(?:\.{LABEL})+"
BOOLS = ["true", "True", "TRUE", "1", "false", "False", "FALSE", "0"]
TYPES = ["click", "view", "purchase", "signup", "logout"]
# pandas 2 needs format="ISO8601" for mixed ISO forms; 1.x parses them by default
TS_FORMAT = {"format": "ISO8601"} if int(pd.__version__.split(".")[0]) >= 2 else {}
T_MIN = pd.Timestamp("2020-01-01T00:00:00Z")
T_MAX = pd.Timestamp("2030-12-31T23:59:59Z")


def matches(s, pat):
    """True where s is present and matches pat in full (plain bool dtype)."""
    return s.str.fullmatch(pat).fillna(False).astype(bool)


def ts_bad(s):
    ok = matches(s, TS)
    t = pd.to_datetime(s.where(ok), utc=True, **TS_FORMAT, errors="coerce")
    return s.notna() & (~ok | t.isna() | (t < T_MIN) | (t > T_MAX))


def num_bad(s, lo, hi):
    ok = matches(s, NUM)
    x = pd.to_numeric(s.where(ok), errors="coerce")
    return s.notna() & (~ok | x.isna() | (x < lo) | (x > hi))


def main():
    path = sys.argv[1]
    unique = "--no-unique" not in sys.argv
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                     quotechar='"', doublequote=True, engine="c")
    eid_ok = matches(df.event_id, INT)
    eid = pd.to_numeric(df.event_id.where(eid_ok), errors="coerce")
    bad = (
        ~matches(df.user_id, UUID)
        | ~eid_ok | (eid < 1)
        | df.event_ts.isna() | ts_bad(df.event_ts)
        | ts_bad(df.label_ts)
        | df.event_type.isna() | ~df.event_type.isin(TYPES)
        | num_bad(df.amount, 0, 100000)
        | (df.country.notna() & ~matches(df.country, r"[A-Z]{2}"))
        | (df.email.str.len() > 254) | (df.email.notna() & ~matches(df.email, EMAIL))
        | num_bad(df.session_duration_sec, 0, 86400)
        | df.is_test.isna() | ~df.is_test.isin(BOOLS)
        | df.score.isna() | num_bad(df.score, 0, 1)
        | (df.notes.str.len() > 1000)
    )
    if unique:
        bad |= eid.notna() & eid.duplicated(keep="first")
    print(f"records={len(df)} invalid={int(bad.sum())}")


if __name__ == "__main__":
    main()

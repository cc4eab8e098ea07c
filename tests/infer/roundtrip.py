#!/usr/bin/python3
"""Round-trip property test of `dcval infer` (spec cli.md "infer"):
`dcval validate -c <(dcval infer FILES) FILES` exits 0, always.

1. Every data file under the given folders (tests/, examples/, the
   conformance suites): infer, lint, validate must exit 0. A file that
   infer reports as holding records no contract can accept (exit 1:
   malformed, invalid UTF-8, ragged rows, a broken JSON array) is
   skipped for the round trip, but validate with the drafted contract
   must then exit 1 too (infer never calls readable data unreadable).
   Exit 3 (the input cannot be read: corrupt compressed data) must be
   validate's exit 3 as well. Each file is inferred with and without
   --bounds.
2. N random tables (seed S): random types, spellings, nulls and null
   tokens, quoting, embedded newlines, Unicode and control characters,
   hostile column names, JSON nesting, dotted and mixed-kind keys, csv,
   tsv, JSON Lines, JSON arrays, gzip, several inputs at once, random
   --bounds / --enum-max. infer must exit 0 and validate 0.

Failing cases are kept in --keep. Ends with "N passed, N failed".
"""
import argparse
import csv
import gzip
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

DATA_EXT = ('.csv', '.tsv', '.jsonl', '.ndjson', '.json', '.gz', '.zst',
            '.txt', '.dat')


def run(cmd, stdin=None):
    p = subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout, p.stderr


class T:
    def __init__(self, dcval, keep):
        self.dcval = dcval
        self.keep = keep
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.tmp = tempfile.mkdtemp(prefix='dcval-infer-')
        self.lock = threading.Lock()
        self.seq = 0
        self.types = {}

    def fail(self, what, files, contract, detail):
        with self.lock:
            self.failed += 1
            self._keep(what, files, contract, detail)

    def _keep(self, what, files, contract, detail):
        print('FAIL infer round trip: %s: %s' % (what, detail))
        if self.keep:
            d = os.path.join(self.keep, 'case%d' % self.failed)
            os.makedirs(d, exist_ok=True)
            for f in files:
                shutil.copy(f, d)
            if contract is not None:
                with open(os.path.join(d, 'contract.yaml'), 'wb') as fh:
                    fh.write(contract)

    def ok(self, skipped):
        with self.lock:
            self.passed += 1
            self.skipped += skipped

    def check(self, what, files, flags, expect_clean=False):
        with self.lock:
            self.seq += 1
            c = os.path.join(self.tmp, 'c%d.yaml' % self.seq)
        rc, out, err = run([self.dcval, 'infer'] + flags + ['-o', c] + files)
        if rc not in (0, 1, 3) or (expect_clean and rc != 0):
            self.fail(what, files, None, 'infer exit %d: %s' % (rc, err[-400:]))
            return
        if rc == 3:
            self.ok(1)
            return
        with open(c, 'rb') as fh:
            contract = fh.read()
        if expect_clean:
            lrc, _, lerr = run([self.dcval, 'lint', c])
            if lrc != 0:
                self.fail(what, files, contract, 'lint exit %d: %s' % (lrc, lerr[-600:]))
                return
        vrc, vout, verr = run([self.dcval, 'validate', '-c', c, '--max-violations', '3'] + files)
        want = 0 if rc == 0 else 1
        if vrc != want:
            self.fail(what, files, contract,
                      'infer exit %d but validate exit %d: %s %s' %
                      (rc, vrc, vout[-800:], verr[-300:]))
            return
        with self.lock:
            for line in contract.decode('utf-8', 'replace').splitlines():
                if line.startswith('    type: '):
                    k = line[10:]
                    self.types[k] = self.types.get(k, 0) + 1
                for key in ('unique', 'enum', 'format', 'minimum', 'path', 'null_values: ["", "'):
                    if line.strip().startswith(key):
                        self.types[key] = self.types.get(key, 0) + 1
        self.ok(1 if rc == 1 else 0)


# ---- random tables ----

WORDS = ['alpha', 'beta', 'gamma', 'delta', 'Zoë', '日本', 'emoji 🎉',
         'naïve', 'x' * 40]
NAMES = ['id', 'name', 'a b', ' lead', 'trail ', 'x:y', '#hash', 'q"uote',
         "it's", 'null', 'yes', '~', '012', 'true', '1e3', '- dash',
         'tab\there', 'Ünïcode', 'ключ', '[br]', '{br}', '&anchor',
         '*alias', '!tag', '%pct', '@at', '`tick', 'a.b', 'a..b', '.x',
         'é' * 3, 'NA', '\u0085nel', '\u2028ls', 'ctl\x01', 'del\x7f']


def rnd_number(r):
    k = r.randrange(8)
    if k == 0:
        return str(r.randint(-10**6, 10**6))
    if k == 1:
        return '%.*f' % (r.randrange(0, 6), r.uniform(-1e4, 1e4))
    if k == 2:
        return '%de%d' % (r.randint(-99, 99), r.randint(-30, 30))
    if k == 3:
        return r.choice(['.5', '5.', '-0', '+3', '0.000', '-.25', '1E+2'])
    if k == 4:
        return str(r.randint(-2**63, 2**63 - 1))
    if k == 5:
        return '0.' + '1' * r.randint(17, 40)
    if k == 6:
        return '%.17g' % r.uniform(-1, 1)
    return str(r.randint(0, 9))


def rnd_date(r):
    return '%04d-%02d-%02d' % (r.randint(1, 9999), r.randint(1, 12), r.randint(1, 28))


def rnd_dt(r):
    s = '%s%s%02d:%02d:%02d' % (rnd_date(r), r.choice('Tt '), r.randint(0, 23),
                                r.randint(0, 59), r.randint(0, 59))
    if r.random() < 0.4:
        s += '.' + str(r.randint(0, 10**9 - 1)).rjust(r.randint(1, 9), '0')[:r.randint(1, 12)]
    if r.random() < 0.05:
        s = '%s%s23:59:60' % (rnd_date(r).replace('-28', '-31').replace('-02-31', '-01-31'), 'T')
        return s + 'Z'
    return s + r.choice(['Z', 'z', '+05:30', '-08:00', '+00:00', '-23:59'])


def rnd_time(r):
    s = '%02d:%02d:%02d' % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    if r.random() < 0.3:
        s += '.' + str(r.randint(0, 999))
    if r.random() < 0.3:
        s += r.choice(['Z', '+01:00', '-02:30'])
    return s


def rnd_uuid(r):
    h = '%032x' % r.getrandbits(128)
    s = '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
    return s.upper() if r.random() < 0.3 else s


def rnd_text(r):
    k = r.randrange(7)
    if k == 0:
        return r.choice(WORDS)
    if k == 1:
        return 'line1\nline2' if r.random() < 0.5 else 'cr\r\nlf'
    if k == 2:
        return 'say "hi", ok'
    if k == 3:
        return ''.join(chr(r.choice([r.randint(0x20, 0x7e), r.randint(0xa0, 0x2fff),
                                      r.randint(0x1f300, 0x1f5ff), 0x85, 0x1b, 0x9b, 0x2028, 9]))
                       for _ in range(r.randint(1, 12)))
    if k == 4:
        return r.choice(['NA', 'null', 'None', '-', 'N/A', 'NULL'])
    if k == 5:
        return ' padded '
    return str(r.random())


KINDS = ['int', 'num', 'bool', 'bool01', 'date', 'dt', 'time', 'uuid', 'email',
         'enum', 'text', 'mixed', 'vector']


def gen_value(r, kind, enum_vals):
    if kind == 'int':
        return str(r.randint(-10**9, 10**9)) if r.random() < 0.8 else r.choice(['007', '+5', '-0'])
    if kind == 'num':
        return rnd_number(r)
    if kind == 'bool':
        return r.choice(['true', 'false', 'True', 'FALSE', 'TRUE', 'False'])
    if kind == 'bool01':
        return r.choice(['0', '1'])
    if kind == 'date':
        return rnd_date(r)
    if kind == 'dt':
        return rnd_dt(r)
    if kind == 'time':
        return rnd_time(r)
    if kind == 'uuid':
        return rnd_uuid(r)
    if kind == 'email':
        return '%s@%s.org' % (r.choice(['a', 'b.c', 'x_y', 'z+1']), r.choice(['ex', 'mail', 'sub.dom']))
    if kind == 'enum':
        return r.choice(enum_vals)
    if kind == 'vector':
        return '[' + ', '.join(rnd_number(r) for _ in range(r.randint(0, 4))) + ']'
    if kind == 'mixed':
        return gen_value(r, r.choice(KINDS[:-2]), enum_vals)
    return rnd_text(r)


def gen_table(r):
    ncol = r.randint(1, 7)
    names = []
    for i in range(ncol):
        if r.random() < 0.5:
            names.append(r.choice(NAMES))
        else:
            names.append('c%d' % i)
    if r.random() < 0.1:
        names[r.randrange(ncol)] = ''
    kinds = [r.choice(KINDS) for _ in range(ncol)]
    enums = [[r.choice(WORDS + ['1', '2', 'NA']) for _ in range(r.randint(1, 4))] for _ in range(ncol)]
    nrec = r.choice([0, 1, 2, 5, 19, 20, 21, 40, 100])
    null_p = [r.choice([0, 0, 0.1, 0.5, 1.0]) for _ in range(ncol)]
    tok_p = [r.choice([0, 0, 0.1]) for _ in range(ncol)]
    rows = []
    for _ in range(nrec):
        row = []
        for j in range(ncol):
            if r.random() < null_p[j]:
                row.append('')
            elif r.random() < tok_p[j]:
                row.append(r.choice(['NA', 'N/A', 'null', 'NULL', 'None', '-']))
            else:
                row.append(gen_value(r, kinds[j], enums[j]))
        rows.append(row)
    return names, rows, kinds


def write_csv(path, names, rows, delim, r):
    buf = io.StringIO(newline='')
    w = csv.writer(buf, delimiter=delim, lineterminator=r.choice(['\n', '\r\n']),
                   quoting=r.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    w.writerow(names)
    for row in rows:
        if len(row) == 1 and row[0] == '':
            row = ['""']  # a lone empty field would be a blank line
            buf.write('""' + '\n')
            continue
        w.writerow(row)
    data = buf.getvalue().encode('utf-8')
    if r.random() < 0.1:
        data = b'\xef\xbb\xbf' + data
    return data


JSON_KEYS = ['id', 'user', 'a.b', 'x y', 'null', 'Ünï', 'q"k', 'k:v', '#', 'ctl\x01', '']


def json_value(r, kind, depth):
    if depth < 3 and r.random() < 0.15:
        return {r.choice(JSON_KEYS): json_value(r, r.choice(KINDS), depth + 1)
                for _ in range(r.randint(0, 3))}
    k = r.random()
    if k < 0.05:
        return None
    if kind in ('int', 'bool01'):
        return r.randint(-10**12, 10**12) if r.random() < 0.9 else r.choice([7.0, 1e2, -0.0])
    if kind == 'num':
        return r.choice([r.uniform(-1e6, 1e6), r.randint(-5, 5), 1e300, 2.5e-300])
    if kind == 'bool':
        return r.choice([True, False])
    if kind == 'vector':
        return [r.uniform(-1, 1) for _ in range(r.randint(0, 3))]
    if kind == 'mixed':
        return r.choice([1, 'x', True, None, [1, 'a'], {}, 2.5, rnd_date(r)])
    return gen_value(r, kind, ['red', 'green', 'blue'])


def gen_json(r):
    keys = [r.choice(JSON_KEYS) for _ in range(r.randint(1, 5))]
    kinds = {k: r.choice(KINDS) for k in keys}
    recs = []
    for _ in range(r.choice([0, 1, 3, 20, 25, 60])):
        o = {}
        for k in keys:
            if r.random() < 0.85:
                o[k] = json_value(r, kinds[k], 0)
        recs.append(o)
    return recs


def dump_json(o, r):
    s = json.dumps(o, ensure_ascii=r.random() < 0.5)
    if r.random() < 0.1:
        s = s.replace('1e+300', '1e400') if '1e+300' in s else s
    return s


def random_case(t, r, i):
    d = os.path.join(t.tmp, 'r%d' % i)
    os.makedirs(d, exist_ok=True)
    fmt = r.choice(['csv', 'csv', 'tsv', 'jsonl', 'json'])
    files = []
    first = None
    for k in range(r.choice([1, 1, 1, 2])):
        if fmt in ('csv', 'tsv'):
            names, rows, _ = gen_table(r)
            if first and (r.random() < 0.5 or '' in first or len(set(first)) < len(first)
                          or '' in names or len(set(names)) < len(names)):
                # the same header (a blank or repeated name: the same
                # columns by position); else one of its own
                names = first
                rows = [(row + [''] * len(names))[:len(names)] for row in rows]
            first = first or names
            data = write_csv(None, names, rows, ',' if fmt == 'csv' else '\t', r)
        elif fmt == 'jsonl':
            recs = gen_json(r)
            data = ''.join(dump_json(o, r) + r.choice(['\n', '\r\n', '\n\n']) for o in recs).encode()
        else:
            recs = gen_json(r)
            data = ('[' + ',\n '.join(dump_json(o, r) for o in recs) + ']\n').encode()
        name = os.path.join(d, 'in%d.%s' % (k, fmt))
        if r.random() < 0.1:
            name += '.gz'
            data = gzip.compress(data)
        with open(name, 'wb') as fh:
            fh.write(data)
        files.append(name)
    flags = []
    if r.random() < 0.5:
        flags.append('--bounds')
    if r.random() < 0.3:
        flags += ['--enum-max', str(r.randint(0, 5))]
    t.check('random %d (%s)' % (i, fmt), files, flags, expect_clean=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dcval', required=True)
    ap.add_argument('--dirs', nargs='*', default=[])
    ap.add_argument('--n', type=int, default=60)
    ap.add_argument('--seed', type=int, default=20261202)
    ap.add_argument('--keep', default='')
    a = ap.parse_args()
    t = T(a.dcval, a.keep)
    files = []
    for top in a.dirs:
        for root, dirs, names in os.walk(top):
            dirs.sort()
            for n in sorted(names):
                p = os.path.join(root, n)
                if not n.endswith(DATA_EXT) or os.path.getsize(p) > 8 << 20:
                    continue
                files.append(p)
    r = random.Random(a.seed)
    jobs = [(p, [p], ['--bounds']) for p in files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        # a contract with bounds is stricter than one without: one run
        list(ex.map(lambda j: t.check(*j), jobs))
        cases = []
        for i in range(a.n):
            cases.append((i, random.Random(r.getrandbits(64))))
        list(ex.map(lambda c: random_case(t, c[1], c[0]), cases))
    shutil.rmtree(t.tmp, ignore_errors=True)
    print('infer round trip: %d files, %d random tables, %d left out as unreadable;'
          ' types drafted: %s' % (len(files), a.n, t.skipped,
                                  ', '.join('%s %d' % kv for kv in sorted(t.types.items()))))
    print('%d passed, %d failed' % (t.passed, t.failed))
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())

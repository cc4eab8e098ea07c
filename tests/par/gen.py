"""Generate the determinism test's inputs (tests/par/run.sh): N rows of
CSV with quoted newlines, doubled quotes, CRLF stretches and errors of
every kind the readers and checks report, and the JSON Lines
equivalent. Usage: gen.py DIR [N]"""
import json
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
kinds = ["buy", "sell", "hold", "refund"]


def row(i):
    name = "n%d" % i
    if i % 7 == 0:
        name = 'multi\nline "%d"' % i
    amount = "%d.%02d" % (i % 1000, i % 100)
    if i % 13 == 0:
        amount = "x%d" % i
    if i % 31 == 0:
        amount = ""
    kind = kinds[i % 4]
    if i % 17 == 0:
        kind = "bogus"
    email = "u%d@example.com" % i
    if i % 29 == 0:
        email = "not-an-email"
    ident = i if i % 9973 else i - 5000
    return ident, name, amount, kind, email, i % 150000


def csv_field(s):
    s = str(s)
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


with open(out + "/data.csv", "wb") as f:
    f.write(b"id,name,amount,kind,email,code\n")
    for i in range(1, n + 1):
        fields = [csv_field(x) for x in row(i)]
        if i % 997 == 0:
            fields = fields[:4]
        line = ",".join(fields)
        if i % 1009 == 0:
            line = '"stray"x,' + line
        end = "\r\n" if (i // 5000) % 2 else "\n"
        b = line.encode()
        if i % 2003 == 0:
            b = b.replace(b"n%d" % i, b"n\xff%d" % i)
        f.write(b + end.encode())

with open(out + "/data.jsonl", "wb") as f:
    for i in range(1, n + 1):
        ident, name, amount, kind, email, code = row(i)
        o = {"id": ident, "name": name, "kind": kind, "email": email,
             "code": code}
        if amount == "":
            o["amount"] = None
        elif amount.startswith("x"):
            o["amount"] = amount
        else:
            o["amount"] = float(amount)
        if i % 997 == 0:
            o["extra"] = 1
        line = json.dumps(o)
        if i % 1009 == 0:
            line = line[:-3]
        if i % 4001 == 0:
            f.write(b"   \n")
        f.write(line.encode() + b"\n")

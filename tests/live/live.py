"""Live inputs (spec cli.md "Live input"): from a pipe, each record is
checked as soon as it arrives and the streamed outputs are flushed after
each record that produced output.

A slow writer: this driver writes one record into dcval's standard input,
then waits (with a timeout) for that record's violation line on the
report (or the quarantine output), and only then writes the next one.
Before the fix dcval waited to fill a 256 KiB buffer and flushed at exit,
so every wait timed out. Every case runs twice: with -j 1 (the reader
calls the checks) and -j 2 (the parallel path, read/par.c, which replays
its chunks in flight before it waits for the writer). Prints
"N passed, N failed".

usage: live.py DCVAL
"""
import os
import select
import subprocess
import sys
import tempfile
import time
import zlib

DCVAL = os.path.abspath(sys.argv[1])
TIMEOUT = 10.0
passed = 0
failed = 0
JOBS = "1"  # the -j every dcval of a round gets

JSON_CONTRACT = """contract: live
columns:
  - name: id
    type: integer
    minimum: 1
  - name: kind
    type: string
    enum: [a, b]
"""


class LineReader:
    """Lines from a descriptor, each waited for with a timeout."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def line(self, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def nothing(self, wait=0.3):
        """True when no line arrives within `wait` seconds."""
        return self.line(wait) is None


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL live/j%s/%s %s" % (JOBS, name, detail))


def start(tmp, contract, args, pass_fds=()):
    path = os.path.join(tmp, "c.yaml")
    with open(path, "w") as f:
        f.write(contract)
    return subprocess.Popen([DCVAL, "validate", "-j", JOBS, "-c", path] + args + ["-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, pass_fds=pass_fds, bufsize=0)


def send(p, data):
    p.stdin.write(data)
    p.stdin.flush()


def finish(p):
    p.stdin.close()
    out = p.stdout.read()
    p.wait(10)
    return out


def slow_writer(name, tmp, contract, args, prelude, steps, reader=None,
                pass_fds=()):
    """steps: (bytes to write, substring expected on the next line or None
    for no line). The expected line must arrive before the next write."""
    p = start(tmp, contract, args, pass_fds)
    rd = reader or LineReader(p.stdout.fileno())
    if prelude:
        send(p, prelude)
    for i, (data, want) in enumerate(steps):
        t0 = time.monotonic()
        send(p, data)
        if want is None:
            check("%s/%d-quiet" % (name, i), rd.nothing(), "a line for a valid record")
            continue
        line = rd.line()
        check("%s/%d" % (name, i), line is not None and want in line,
              "waited %.1f s, got %r, want %r" % (time.monotonic() - t0, line, want))
    finish(p)
    return p


def main():
    global JOBS
    for JOBS in ("1", "2"):
        one_round()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def one_round():
    with tempfile.TemporaryDirectory() as tmp:
        # JSON Lines, the jsonl report
        slow_writer("jsonl", tmp, JSON_CONTRACT, ["-r", "jsonl"], None, [
            (b'{"id": 0, "kind": "a"}\n', '"rule": "minimum"'),
            (b'{"id": 2, "kind": "a"}\n', None),
            (b'{"id": 3, "kind": "c"}\n', '"rule": "enum"'),
            # a record in two writes: checked when its newline arrives
            (b'{"id": -4,', None),
            (b' "kind": "b"}\n', '"record": 4'),
        ])
        # csv, the text report: the header first, then rows
        slow_writer("csv", tmp, JSON_CONTRACT, ["-r", "text", "-f", "csv"],
                    b"id,kind\n", [
            (b"0,a\n", "[minimum]"),
            (b"5,b\n", None),
            (b"6,z\r\n", "[enum]"),
        ])
        # csv rows ended by a lone CR: each is checked when the next
        # byte tells its CR from a CRLF (on -j 2 the parallel path hands
        # such input to the reader on its own thread)
        slow_writer("csv-cr", tmp, JSON_CONTRACT, ["-r", "jsonl", "-f", "csv"],
                    b"id,kind\r", [
            (b"0,a\r", None),
            (b"5,b\r", '"rule": "minimum"'),
            (b"6,z\r", None),
            (b"7,a\r", '"rule": "enum"'),
        ])
        # a JSON array: each element at its closing bracket
        slow_writer("array", tmp, JSON_CONTRACT, ["-r", "jsonl", "-f", "json"],
                    b"[\n", [
            (b'{"id": 0, "kind": "a"}', '"rule": "minimum"'),
            (b',\n{"id": 1, "kind": "a"}', None),
            (b',\n{"id": 2, "kind": "q"}', '"rule": "enum"'),
        ])
        # github annotations
        slow_writer("github", tmp, JSON_CONTRACT, ["-r", "github", "-f", "jsonl"],
                    None, [
            (b'{"id": 0, "kind": "a"}\n', "::error"),
            (b'{"id": 1, "kind": "x"}\n', "::error"),
        ])
        # standard input sniffed (no format given): JSON Lines
        slow_writer("sniffed", tmp, JSON_CONTRACT, ["-r", "jsonl"], None, [
            (b'{"id": 0}\n', '"rule": "minimum"'),
        ])
        # a csv header's own problems show before any record arrives
        slow_writer("header", tmp, JSON_CONTRACT, ["-r", "jsonl", "-f", "csv"],
                    None, [
            (b"id,extra\n", '"rule": "missing_column"'),
            (b"", '"rule": "extra_column"'),
            (b"0,x\n", '"rule": "minimum"'),
        ])
        # a terminal: standard input is a pseudo-terminal, line by line
        master, slave = os.openpty()
        path = os.path.join(tmp, "c.yaml")
        p = subprocess.Popen([DCVAL, "validate", "-j", JOBS, "-c", path, "-r", "jsonl", "-"],
                             stdin=slave, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, bufsize=0)
        os.close(slave)
        rd = LineReader(p.stdout.fileno())
        os.write(master, b'{"id": 0}\n')
        line = rd.line()
        check("tty/0", line is not None and '"rule": "minimum"' in line, repr(line))
        os.write(master, b'{"id": 1, "kind": "zz"}\n')
        line = rd.line()
        check("tty/1", line is not None and '"record": 2' in line, repr(line))
        os.write(master, b"\x04")  # end of file at the start of a line
        line = rd.line()
        try:
            p.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        check("tty/end", line is not None and '"summary"' in line and p.returncode == 1,
              "exit %s, %r" % (p.returncode, line))
        os.close(master)
        # the invalid quarantine output to a pipe: each invalid record
        r, w = os.pipe()
        p = start(tmp, JSON_CONTRACT,
                  ["-r", "jsonl", "--invalid-out", "/dev/fd/%d" % w],
                  pass_fds=(w,))
        os.close(w)
        rep = LineReader(p.stdout.fileno())
        q = LineReader(r)
        send(p, b'{"id": 0, "kind": "a"}\n')
        check("invalid-out/report", rep.line() is not None)
        line = q.line()
        check("invalid-out/0", line == '{"id": 0, "kind": "a"}', repr(line))
        send(p, b'{"id": 1, "kind": "a"}\n')
        check("invalid-out/1-quiet", q.nothing())
        send(p, b'{"id": 9, "kind": "zz"}\n')
        line = q.line()
        check("invalid-out/2", line == '{"id": 9, "kind": "zz"}', repr(line))
        finish(p)
        os.close(r)
        # the valid quarantine output to a pipe (report on standard error)
        r, w = os.pipe()
        p = start(tmp, JSON_CONTRACT, ["-q", "--valid-out", "/dev/fd/%d" % w],
                  pass_fds=(w,))
        os.close(w)
        q = LineReader(r)
        send(p, b'{"id": 1, "kind": "a"}\n')
        line = q.line()
        check("valid-out/0", line == '{"id": 1, "kind": "a"}', repr(line))
        finish(p)
        os.close(r)
        # gzip on the pipe, sync-flushed by the writer per record
        z = zlib.compressobj(6, zlib.DEFLATED, 16 + 15)
        slow_writer("gzip", tmp, JSON_CONTRACT, ["-r", "jsonl", "-f", "jsonl"],
                    None, [
            (z.compress(b'{"id": 0}\n') + z.flush(zlib.Z_SYNC_FLUSH), '"record": 1'),
            (z.compress(b'{"id": 1}\n') + z.flush(zlib.Z_SYNC_FLUSH), None),
            (z.compress(b'{"id": -1}\n') + z.flush(zlib.Z_SYNC_FLUSH), '"record": 3'),
        ])
        # gzip on the pipe, the format sniffed: a first flush holding
        # only a blank line must not make it csv
        z = zlib.compressobj(6, zlib.DEFLATED, 16 + 15)
        slow_writer("gzip-sniff", tmp, JSON_CONTRACT, ["-r", "jsonl"], None, [
            (z.compress(b'\n') + z.flush(zlib.Z_SYNC_FLUSH), None),
            (z.compress(b'{"id": 0}\n') + z.flush(zlib.Z_SYNC_FLUSH), '"rule": "minimum"'),
            (z.compress(b'{"id": -1}\n') + z.flush(zlib.Z_SYNC_FLUSH), '"record": 2'),
        ])
        # a gzip quarantine output on a fifo: sync-flushed per record
        fifo = os.path.join(tmp, "bad.jsonl.gz")
        os.mkfifo(fifo)
        p = start(tmp, JSON_CONTRACT, ["-q", "--invalid-out", fifo])
        fd = os.open(fifo, os.O_RDONLY)
        d = zlib.decompressobj(16 + 15)
        send(p, b'{"id": 0}\n')
        got = b""
        end = time.monotonic() + TIMEOUT
        while b"\n" not in got and time.monotonic() < end:
            rr, _, _ = select.select([fd], [], [], max(0, end - time.monotonic()))
            if not rr:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            got += d.decompress(chunk)
        check("gzip-out", got == b'{"id": 0}\n', repr(got))
        finish(p)
        while os.read(fd, 65536):
            pass
        os.close(fd)


if __name__ == "__main__":
    sys.exit(main())

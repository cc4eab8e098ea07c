"""Write a file to standard output in random pieces with random pauses, as
a live writer does (tests/par/run.sh): dcval then reads a pipe whose
bytes arrive in bursts, stop mid-record and resume, so that its parallel
path waits for the writer with chunks in flight (read/par.c).

usage: feed.py FILE SEED
"""
import os
import random
import sys
import time

def main():
    data = open(sys.argv[1], "rb").read()
    rnd = random.Random(int(sys.argv[2]))
    out = sys.stdout.buffer.fileno()
    pos = 0
    while pos < len(data):
        # mostly pieces under a pipe's 64 KiB, some larger, some a byte
        n = rnd.choice((1, rnd.randint(1, 300), rnd.randint(300, 70000),
                        rnd.randint(70000, 400000)))
        piece = data[pos:pos + n]
        try:
            while piece:
                piece = piece[os.write(out, piece):]
        except BrokenPipeError:  # dcval stopped early (--fail-fast)
            return 0
        pos += n
        if rnd.random() < 0.02:
            time.sleep(0.002)
    return 0

if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Validate files as shards on a Dask cluster, then merge them exactly.

    shard.py --dcval dcval -c CONTRACT --parts DIR [--scheduler ADDR |
             --workers N] [--files-per-shard N] [--now TS] [-r FMT]
             [-o FILE] [--max-violations N] FILE ...

Each shard (FILES_PER_SHARD consecutive files, in the order given) is one
Dask task: `dcval validate --partial-out DIR/part-NNNNN.dcvp` on whatever
worker runs it. The tasks' results come back in shard order, and
`dcval merge` of the parts, run here, prints exactly the report (and
exits with exactly the code) of one `dcval validate` over all the files.

Without --scheduler a LocalCluster of --workers worker processes is
started. On a multi-machine cluster give the scheduler's address: the
files, the contract and DIR must then be on storage every worker and
this host see under the same paths (NFS, a cluster file system), and
dcval installed on every worker.

Exit code: merge's, or 4 when a shard could not write its part (its
error is printed).
"""
import argparse
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def validate_shard(dcval, contract, files, part, now):
    """One task: the shard's part; returns (part, exit code, stderr)."""
    cmd = [dcval, "validate", "-c", contract, "-q", "--partial-out", part]
    if now:
        cmd += ["--now", now]
    p = subprocess.run(cmd + files, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    # 0, 1: written; 3: an input was unreadable, the part lists it as one
    # run would; 2 or 4: no part
    return part, p.returncode, p.stderr.decode("utf-8", "replace")


def shards(files, per_shard):
    return [files[i:i + per_shard] for i in range(0, len(files), per_shard)]


def run(client, a):
    groups = shards(a.files, a.files_per_shard)
    parts = [os.path.join(a.parts, "part-%05d.dcvp" % i) for i in range(len(groups))]
    futures = client.map(validate_shard, [a.dcval] * len(groups),
                         [a.contract] * len(groups), groups, parts,
                         [a.now] * len(groups), pure=False)
    results = client.gather(futures)
    for part, rc, err in results:
        if rc not in (0, 1, 3) or not os.path.exists(part):
            sys.stderr.write(err)
            sys.stderr.write("shard.py: %s: no part written (exit %d)\n" % (part, rc))
            return 4
    cmd = [a.dcval, "merge", "-c", a.contract, "-r", a.report,
           "--max-violations", a.max_violations]
    if a.output:
        cmd += ["-o", a.output]
    return subprocess.run(cmd + parts).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dcval", default="dcval")
    ap.add_argument("-c", "--contract", required=True)
    ap.add_argument("--parts", required=True, help="folder of the parts (shared storage)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--files-per-shard", type=int, default=1)
    ap.add_argument("--now", help="one 'now' for every shard (freshness)")
    ap.add_argument("-r", "--report", default="text")
    ap.add_argument("-o", "--output")
    ap.add_argument("--max-violations", default="100")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.parts, exist_ok=True)
    if a.scheduler:
        with Client(a.scheduler) as client:
            return run(client, a)
    with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        return run(client, a)


if __name__ == "__main__":
    sys.exit(main())

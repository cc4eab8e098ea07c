# the json report: "compression" per input and "bytes" as stored on disk
# (the compressed size), for gzip, zstd and a plain input
cp "$ROOT/examples/events.csv" plain.csv
gzip -c plain.csv >a.csv.gz
zstd -q -c plain.csv >b.csv.zst
"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r json a.csv.gz b.csv.zst plain.csv >report.json
echo "exit $?"
/usr/bin/python3 - <<'PY'
import json, os
doc = json.load(open("report.json"))
for i in doc["inputs"]:
    size = os.path.getsize(i["path"])
    print(i["path"], i["format"], i["compression"], i["records"],
          "bytes=size" if i["bytes"] == size else "bytes=%d size=%d" % (i["bytes"], size))
PY
"$DCVAL" validate -c "$ROOT/contracts/events.yaml" -r jsonl a.csv.gz | grep -o '"inputs": \[[^]]*\]' | sed 's/"bytes": [0-9]*/"bytes": N/'

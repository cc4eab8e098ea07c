# JSON Lines: nested objects as dotted names with path, a key with a dot,
# arrays and mixed kinds as any, integers written 7 and 1e2
cp "$T"/data/* .
"$DCVAL" infer events.jsonl

# standard input: no FILE or "-"; the name is "stdin", the format from the content
cp "$T"/data/* .
"$DCVAL" infer < events.jsonl | head -5
"$DCVAL" infer -f tsv - < cities.tsv | head -6

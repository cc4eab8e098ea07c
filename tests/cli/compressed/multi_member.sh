# concatenated gzip members and zstd frames are read to the end, as
# gzip -dc and zstd -dc do
printf 'a\n1\n' | gzip -c >m.csv.gz
printf '2\n' | gzip -c >>m.csv.gz
printf 'x\n' | gzip -c >>m.csv.gz
printf 'a\n1\n' | zstd -q -c >m.csv.zst
printf '2\nx\n' | zstd -q -c >>m.csv.zst
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
"$DCVAL" validate -c c.yaml m.csv.gz m.csv.zst

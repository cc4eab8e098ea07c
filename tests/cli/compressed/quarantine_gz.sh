# quarantine outputs named .gz or .zst are written compressed (and read
# back with gzip -dc and zstd -dc); any other name is written as it is;
# a compressed input's records are quarantined decompressed
printf 'a,b\n1,x\nbad,y\n3,z\n' | gzip -c >in.csv.gz
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n  - {name: b, type: string}\n' >c.yaml
"$DCVAL" validate -c c.yaml -q --valid-out valid.csv.gz --invalid-out invalid.CSV.ZST in.csv.gz
echo "exit $?"
gzip -t valid.csv.gz && echo "valid.csv.gz: gzip data"
zstd -q -t invalid.CSV.ZST && echo "invalid.CSV.ZST: zstd data"
gzip -dc valid.csv.gz
zstd -q -dc invalid.CSV.ZST
"$DCVAL" validate -c c.yaml -q --valid-out plain.csv in.csv.gz
cat plain.csv
# an output read back as an input: the same records again
"$DCVAL" validate -c c.yaml valid.csv.gz

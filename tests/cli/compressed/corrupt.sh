# corrupt data: a zstd frame whose checksum is wrong, a gzip member whose
# CRC-32 is wrong, a .gz name over plain text, an empty .zst: each exit 3
# with a message naming the file; the other inputs are still checked
printf 'a\n1\n2\n' >rows.csv
printf 'contract: t\ncolumns:\n  - {name: a, type: integer}\n' >c.yaml
zstd -q --check -c rows.csv >sum.csv.zst
/usr/bin/python3 -c "
import sys
b = bytearray(open('sum.csv.zst', 'rb').read()); b[-1] ^= 0xff
open('sum.csv.zst', 'wb').write(b)
b = bytearray(open('rows.csv', 'rb').read())
"
gzip -c rows.csv >crc.csv.gz
/usr/bin/python3 -c "
b = bytearray(open('crc.csv.gz', 'rb').read()); b[-8] ^= 0xff
open('crc.csv.gz', 'wb').write(b)
"
cp rows.csv plain.csv.gz
: >empty.csv.zst
"$DCVAL" validate -c c.yaml sum.csv.zst crc.csv.gz plain.csv.gz empty.csv.zst rows.csv

# cli.md "profile": --merge gives the profile of the concatenation: every
# field but the sketches' bytes equals one run over all shards; inputs
# are joined and records summed. Also -o and --top.
cat >c.yaml <<'Y'
contract: m
columns:
  - {name: id, type: integer}
  - {name: city, type: string}
  - {name: price, type: number}
  - {name: day, type: date}
Y
/usr/bin/python3 - <<'P'
import random
r = random.Random(7)
rows = []
for i in range(3000):
    city = 'c%d' % int(r.paretovariate(1.2)) if i % 3 else 'c%d' % r.randrange(2000)
    price = '' if r.random() < 0.05 else '%.2f' % r.uniform(1, 500)
    rows.append('%d,%s,%s,2024-%02d-%02d' % (i, city, price, r.randrange(1, 13), r.randrange(1, 29)))
for name, part in (('a.csv', rows[:1000]), ('b.csv', rows[1000:2200]), ('c.csv', rows[2200:])):
    open(name, 'w').write('id,city,price,day\n' + '\n'.join(part) + '\n')
open('all.csv', 'w').write('id,city,price,day\n' + '\n'.join(rows) + '\n')
P
for f in a b c; do "$DCVAL" profile -c c.yaml --top 5 -o $f.json $f.csv || echo "profile $f failed"; done
"$DCVAL" profile -c c.yaml --top 5 all.csv >all.json
"$DCVAL" profile --merge a.json b.json c.json -o merged.json
echo "merge exit $?"
# exact fields: equal; sketch-based ones (quantiles, an approximate top,
# an estimated distinct) are checked for their bounds by
# tests/unit/test_colstats.c
keys='"(name|type|count|nulls|null_fraction|invalid|distinct_exact|min|max|mean|stddev|length|dimension|norm|top_complete)"'
grep -E "^      $keys" all.json >x
grep -E "^      $keys" merged.json >y
diff x y && echo "merged equals one run on every exact field"
grep -E '"top_complete": true' -B1 all.json | grep '"top"' >x
grep -E '"top_complete": true' -B1 merged.json | grep '"top"' >y
diff x y && echo "the complete top lists are equal"
grep -e '"path"' -e '^  "records"' merged.json
grep -E '^      "(distinct|top_complete)": ' merged.json

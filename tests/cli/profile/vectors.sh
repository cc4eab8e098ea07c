# cli.md "profile": vector columns give dimension {min, max} and norm
# {min, max, mean}; a vector with an element beyond the double range has
# a dimension but no norm; a value that is not a vector is invalid.
# Merged shards give the same figures.
cat >v.yaml <<'Y'
contract: v
columns:
  - {name: id, type: integer}
  - {name: emb, type: vector}
Y
printf 'id,emb\n1,"[3, 4]"\n2,"[1, 0, 0]"\n3,\n' >a.csv
printf 'id,emb\n4,"[1e999, 1]"\n5,x\n6,[]\n' >b.csv
"$DCVAL" profile -c v.yaml a.csv b.csv >all.json
"$DCVAL" profile -c v.yaml a.csv >a.json
"$DCVAL" profile -c v.yaml b.csv >b.json
"$DCVAL" profile --merge a.json b.json >m.json
sed -n '/"emb"/,/"top_complete"/p' all.json
keys='"(count|nulls|null_fraction|invalid|distinct|dimension|norm)"'
grep -E "^      $keys" all.json >x
grep -E "^      $keys" m.json >y
diff x y && echo "merged equals one run"

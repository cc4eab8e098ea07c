# cli.md "profile": profiles of different data do not merge: different
# columns, types, profile_version or contract sha256 exit 2 naming the
# difference; a file that is not a profile exits 2, an unreadable one 3.
cat >c.yaml <<'Y'
contract: m
columns:
  - {name: id, type: integer}
  - {name: v, type: string}
Y
printf 'id,v\n1,a\n2,b\n' >in.csv
"$DCVAL" profile -c c.yaml in.csv >p.json
sed 's/name: v, type: string/name: v, type: date/' c.yaml >types.yaml
"$DCVAL" profile -c types.yaml in.csv >types.json
sed 's/name: v, type: string/name: w, type: string/' c.yaml >names.yaml
printf 'id,w\n3,c\n' >w.csv
"$DCVAL" profile -c names.yaml w.csv >names.json
printf '  - {name: extra, type: string}\n' >>c.yaml
printf 'id,v,extra\n1,a,z\n' >e.csv
"$DCVAL" profile -c c.yaml e.csv >more.json
sed 's/"profile_version": 1/"profile_version": 2/' p.json >v2.json
printf '{"hello": 1}\n' >other.json
printf '{"profile_version": 1,' >cut.json
for f in types names more v2 other cut missing; do
	echo "== $f"
	"$DCVAL" profile --merge p.json $f.json >/dev/null
	echo "exit $?"
done
echo "== --merge with -c"
"$DCVAL" profile --merge -c c.yaml p.json
echo "exit $?"

# Issue #4: -r github escapes as GitHub's toolkit does: '%', CR and LF
# in messages (%25 %0D %0A); also ':' and ',' in properties (%3A %2C).
# Here in the file= property (path), the column name, the value and
# the detail (an enum listing '%', ':' and ',').
cat >c.yaml <<'Y'
contract: esc
columns:
  - {name: "rate%,a:b", type: integer}
  - {name: "multi\nline\rcol", type: string, enum: ["50%", "x:y,z"]}
Y
mkdir 'dir,1'
f=$(printf 'dir,1/a:b%%25\r\nname.csv')
printf '"rate%%,a:b","multi\nline\rcol"\n50%%,x:y\n"7:0,1",50%%\n' >"$f"
"$DCVAL" validate -c c.yaml -r github "$f"
echo "exit $?"

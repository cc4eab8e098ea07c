# Hostile file names as outputs and inputs, sourced by tests/hostile/run.sh
# after faults.sh (uses DCVAL, VG, scratch, verdict). A name may hold a
# newline, a terminal escape sequence or a forged "FILE:LINE:COL:" prefix:
# it must work as an input and as every output, the temporary file and
# rename must handle it, and two outputs naming it are still one file.
# (How such names are escaped in printed messages is tested with the
# reports.)
nd="$scratch/names"
mkdir -p "$nd"
printf 'contract: n\ncolumns:\n  - {name: a, type: integer}\n' >"$nd/c.yaml"
NL=$(printf 'new\nline.csv')
ESC=$(printf '\033[31mred\033[0m.csv')
FORGED='x.csv:1:1: error: forged [type].csv'
DASHED='-o.csv'

# name_case LABEL NAME: NAME as the input (and prefixed, as each output),
# then two outputs naming one such file, then NAME as input and output
name_case() {
	label=$1 nm=$2
	rm -rf "$nd/w" && mkdir "$nd/w"
	printf 'a\n1\nx\n' >"$nd/w/$nm"
	(cd "$nd/w" && $VG "$DCVAL" validate -c ../c.yaml -o "r$nm" --valid-out "v$nm" \
		--invalid-out "i$nm" -- "$nm") >"$nd/.out" 2>&1
	rc=$?
	nok=1
	[ "$rc" = 1 ] || { echo "--- names/$label: exit $rc, expected 1"; nok=0; }
	[ "$(cat "$nd/w/v$nm")" = "$(printf 'a\n1')" ] || { echo "--- names/$label: valid output wrong"; nok=0; }
	[ "$(cat "$nd/w/i$nm")" = "$(printf 'a\nx')" ] || { echo "--- names/$label: invalid output wrong"; nok=0; }
	grep -q '1 error' "$nd/w/r$nm" || { echo "--- names/$label: report missing"; nok=0; }
	[ "$(ls -A "$nd/w" | grep -c dcval-)" = 0 ] || { echo "--- names/$label: temporary file left"; nok=0; }
	[ $nok = 1 ] || head -n 5 "$nd/.out"
	verdict "names-$label" $nok
	(cd "$nd/w" && $VG "$DCVAL" validate -c ../c.yaml --valid-out "v$nm" \
		--invalid-out "./v$nm" -- "$nm") >"$nd/.out" 2>&1
	rc=$?
	nok=1
	[ "$rc" = 2 ] || { echo "--- names/$label-clash: exit $rc, expected 2"; nok=0; }
	grep -q 'are the same file' "$nd/.out" || { echo "--- names/$label-clash: no message"; nok=0; }
	verdict "names-$label-clash" $nok
	(cd "$nd/w" && $VG "$DCVAL" validate -c ../c.yaml --invalid-out "$nm" -- "$nm") >"$nd/.out" 2>&1
	rc=$?
	nok=1
	[ "$rc" = 2 ] || { echo "--- names/$label-input: exit $rc, expected 2"; nok=0; }
	[ "$(cat "$nd/w/$nm")" = "$(printf 'a\n1\nx')" ] || { echo "--- names/$label-input: input changed"; nok=0; }
	verdict "names-$label-input" $nok
}

name_case newline "$NL"
name_case escape "$ESC"
name_case forged_location "$FORGED"
name_case leading_dash "$DASHED"

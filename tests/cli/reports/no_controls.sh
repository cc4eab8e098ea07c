# cli.md "Behaviour users count on": nothing printed is a terminal
# control. A file named `x<LF>forged.csv:1:1: error: injected.csv` holds
# values with an escape sequence (ESC [ 2 J), an 8-bit CSI (U+009B), a
# C1 line break (U+0085) and a byte that is not UTF-8; a second input's
# name holds ESC and U+009B and cannot be read; a third is named like a
# GitHub workflow command (`::warning file=x::forged.csv`), which must
# not start a line (its first ':' shows as \x3a). The text and github
# reports and the diagnostics on standard error print one line per
# finding, escapes only (\n, \x1b, \u009b, \xNN): `clean` below says no
# byte under 0x20 but the line end, no DEL and no C2 80..C2 9F pair was
# written.
cat >c.yaml <<'Y'
contract: t
version: 1.0.0
columns:
  - {name: v, type: integer}
  - {name: s, type: string, max_length: 3}
Y
f=$(printf 'x\nforged.csv:1:1: error: injected.csv')
g=$(printf 'gone\033]0;t\007\302\233.csv')
printf 'v,s\n1,a\302\233[31mb\n\033[2Jz,ok\n2,\302\205\377x\n' >"$f"
h='::warning file=x::forged.csv'
printf 'v,s\nx,y\n' >"$h"

clean() { # FILE: "clean", or the lines with a control character
	if LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$1" ||
		LC_ALL=C grep -n "$(printf '\302[\200-\237]')" "$1"; then
		echo "NOT CLEAN"
	else
		echo clean
	fi
}

for r in text github; do
	echo "== $r"
	"$DCVAL" validate -c c.yaml -r "$r" "$f" "$g" "$h" >out 2>err
	echo "exit $?"
	cat out
	echo "-- stderr"
	cat err
	clean out
	clean err
	echo "lines that are workflow commands: $(grep -c '^ *::' out)"
done

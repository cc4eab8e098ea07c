#!/bin/sh
# Issue #4: `make install` / `make uninstall` and the documentation.
#   - install into a temporary PREFIX: the command, the static library,
#     the public headers, lib/pkgconfig/dcval.pc and the man page;
#   - a program (embed.c) built with only `pkg-config --cflags --libs
#     --static dcval` loads a contract from a buffer, validates a CSV
#     read through fmemopen and prints what it saw (compared to
#     `expected`);
#   - the man page renders without warnings (groff -ww, man --warnings);
#   - `make uninstall` leaves no file of ours; DESTDIR is honoured;
#   - docs do not drift: every long option of `dcval validate --help`
#     and `dcval lint --help` is in doc/dcval.1 and README.md, every rule
#     id of src/value/ruleid.c in doc/dcval.1.
# Ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
export LC_ALL=C
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

result() { # NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL install/$1"
		[ -s "$scratch/log" ] && head -n 30 "$scratch/log"
		failed=$((failed + 1))
	fi
	: >"$scratch/log"
}

# the files `make install PREFIX=P` must create, relative to P
ours() {
	echo bin/dcval
	echo lib/libdcval.a
	echo lib/pkgconfig/dcval.pc
	echo share/man/man1/dcval.1
	for h in "$ROOT"/include/dcval/*.h; do
		echo "include/dcval/$(basename "$h")"
	done
}

mk() { # make TARGET with this build's settings, quietly
	(cd "$ROOT" && $MAKE -s --no-print-directory BUILD="$BUILD" ${SANITIZE:+SANITIZE="$SANITIZE"} "$@") \
		>>"$scratch/log" 2>&1
}

prefix=$scratch/prefix
mk install PREFIX="$prefix"
result make_install $?

st=0
ours | sort >"$scratch/want"
(cd "$prefix" && find . -type f | sed 's|^\./||' | sort) >"$scratch/have"
diff "$scratch/want" "$scratch/have" >>"$scratch/log" || st=1
[ -x "$prefix/bin/dcval" ] || st=1
"$prefix/bin/dcval" --version >>"$scratch/log" 2>&1 || st=1
result installed_files $st

st=0
grep -q "^prefix=$prefix\$" "$prefix/lib/pkgconfig/dcval.pc" || st=1
for pkg in yaml-0.1 libpcre2-8 libmd zlib libzstd; do
	grep -q "^Requires.private:.* $pkg" "$prefix/lib/pkgconfig/dcval.pc" || st=1
done
# libdcval needs no libcsv (its CSV reader is its own): none in the link line
grep -q '^Libs.private:.*-lm' "$prefix/lib/pkgconfig/dcval.pc" || st=1
grep -q -- '-lcsv' "$prefix/lib/pkgconfig/dcval.pc" && st=1
grep -q 'jansson' "$prefix/lib/pkgconfig/dcval.pc" && st=1 # the library parses JSON itself
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --exists --print-errors dcval \
	>>"$scratch/log" 2>&1 || st=1
result pkg_config_file $st

st=0
flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs --static dcval) || st=1
san=""
[ -n "$SANITIZE" ] && san="-fsanitize=$SANITIZE"
# shellcheck disable=SC2086 # flags are words
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $san \
	-o "$scratch/embed" "$ROOT/tests/install/embed.c" $flags >>"$scratch/log" 2>&1 || st=1
if [ $st -eq 0 ]; then
	"$scratch/embed" >"$scratch/embed.out" 2>>"$scratch/log" || st=1
	diff "$ROOT/tests/install/expected" "$scratch/embed.out" >>"$scratch/log" || st=1
fi
result link_with_pkg_config $st

st=0
groff -ww -man -z "$prefix/share/man/man1/dcval.1" >>"$scratch/log" 2>&1 || st=1
MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/dcval.1" 2>"$scratch/man.err" >"$scratch/man.txt" || st=1
if [ -s "$scratch/man.err" ]; then
	cat "$scratch/man.err" >>"$scratch/log"
	st=1
fi
grep -q '^NAME' "$scratch/man.txt" || st=1
result man_page_renders $st

mk uninstall PREFIX="$prefix"
st=$?
left=$(cd "$prefix" && find . -type f | wc -l)
[ "$left" -eq 0 ] || { find "$prefix" -type f >>"$scratch/log"; st=1; }
[ ! -e "$prefix/include/dcval" ] || st=1
result make_uninstall $st

st=0
dest=$scratch/dest
mk install DESTDIR="$dest" PREFIX=/opt/dcval || st=1
[ -f "$dest/opt/dcval/lib/libdcval.a" ] || st=1
grep -q '^prefix=/opt/dcval$' "$dest/opt/dcval/lib/pkgconfig/dcval.pc" || st=1
mk uninstall DESTDIR="$dest" PREFIX=/opt/dcval || st=1
[ "$(find "$dest" -type f | wc -l)" -eq 0 ] || st=1
result destdir $st

# docs: every long option of the help texts, every rule id
dcval=$ROOT/$BUILD/dcval
case "$BUILD" in /*) dcval=$BUILD/dcval ;; esac
sed 's/\\-/-/g' "$ROOT/doc/dcval.1" >"$scratch/man.src"
for cmd in validate lint export; do
	st=0
	opts=$("$dcval" "$cmd" --help | sed -n 's/^ *\(-., \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p')
	[ -n "$opts" ] || st=1
	for o in $opts; do
		grep -q -e "--$o\\b" "$scratch/man.src" || { echo "--$o not in doc/dcval.1" >>"$scratch/log"; st=1; }
		grep -q -e "--$o\\b" "$ROOT/README.md" || { echo "--$o not in README.md" >>"$scratch/log"; st=1; }
	done
	result "docs_${cmd}_options" $st
done

# every report format (the -r line of `validate --help`, built from the
# library's table) is listed at -r and described in doc/dcval.1 and README.md
st=0
formats=$("$dcval" validate --help | sed -n 's/^ *-r, --report FMT *report format: //p' | tr -d ',')
[ -n "$formats" ] || st=1
sed -n '/^\.BR -r ", " --report/,/^\.TP/p' "$scratch/man.src" >"$scratch/man.r"
for f in $formats; do
	grep -q -w -e "$f" "$scratch/man.r" || { echo "report $f not at -r in doc/dcval.1" >>"$scratch/log"; st=1; }
	sed -n '/^\.SH REPORT FORMATS/,/^\.SH /p' "$scratch/man.src" | grep -q "^\.B $f\$" ||
		{ echo "report $f not under REPORT FORMATS in doc/dcval.1" >>"$scratch/log"; st=1; }
	grep '^| `-r, --report FMT` |' "$ROOT/README.md" | grep -q "\`$f\`" ||
		{ echo "report $f not at -r in README.md" >>"$scratch/log"; st=1; }
	grep -q -E "^### $f( |\$)" "$ROOT/README.md" || { echo "report $f has no section in README.md" >>"$scratch/log"; st=1; }
done
result docs_report_formats $st

st=0
rules=$(sed -n 's/^\t\[DV_R_[A-Z_]*\] = "\([a-z_]*\)",$/\1/p' "$ROOT/src/value/ruleid.c")
[ -n "$rules" ] || st=1
for r in $rules; do
	grep -q -w -e "$r" "$scratch/man.src" || { echo "rule $r not in doc/dcval.1" >>"$scratch/log"; st=1; }
done
for code in 0 1 2 3 4; do
	grep -A40 '^\.SH EXIT STATUS' "$scratch/man.src" | grep -q "^\.B $code\$" ||
		{ echo "exit code $code not in doc/dcval.1" >>"$scratch/log"; st=1; }
	grep -q "^| $code | " "$ROOT/README.md" ||
		{ echo "exit code $code not in README.md" >>"$scratch/log"; st=1; }
	"$dcval" --help | grep -q "^  $code  " ||
		{ echo "exit code $code not in dcval --help" >>"$scratch/log"; st=1; }
done
result docs_rule_ids_exit_codes $st

# setup: the README's first command and .ci/run install through the same
# script and the same package list (issue: the two commands are the whole
# set-up), and every package name in the list exists in Debian's index
st=0
awk '/^```/{n++; next} n==1{print} n>=2{exit}' "$ROOT/README.md" >"$scratch/readme1"
grep -q '^sh \.ci/deps && ' "$scratch/readme1" || { echo "README's first command does not start with sh .ci/deps" >>"$scratch/log"; st=1; }
grep -q '^[[:space:]]*sh \.ci/deps$' "$ROOT/.ci/run" || { echo ".ci/run does not call .ci/deps" >>"$scratch/log"; st=1; }
grep -q 'packages' "$ROOT/.ci/deps" || st=1
for p in $(sed -e 's/#.*//' "$ROOT/.ci/packages"); do
	dpkg -s "$p" >/dev/null 2>&1 || { echo "package $p of .ci/packages is not installed" >>"$scratch/log"; st=1; }
done
result setup_one_package_list $st

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

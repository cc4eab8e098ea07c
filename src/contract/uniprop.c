/*
 * Unicode property long names in patterns. JSON Schema's ECMA-262
 * dialect names General_Category values by their long names
 * (`\p{Letter}`, `\p{Decimal_Number}`, `\p{General_Category=Letter}`,
 * `\p{gc=L}`); PCRE2 10.42 knows only the short ones (`\p{L}`, `\p{Nd}`).
 * Before a pattern is compiled every `\p{...}` / `\P{...}` (also inside
 * a class, also `\p{^...}`) whose name is a General_Category long name
 * or alias is rewritten to the short name. Script names, binary
 * properties and short names are left as written: PCRE2 knows them.
 * Names are matched as PCRE2 matches them (Unicode's loose matching:
 * case, '_', '-' and spaces ignored). Text after `\\` and inside
 * `\Q...\E` is literal and never rewritten.
 *
 * The value aliases are those of Unicode's PropertyValueAliases.txt for
 * gc, as ECMA-262 (section 22.2.2.9, table "Value aliases and canonical
 * values for General_Category") lists them.
 */
#include <string.h>

#include "contract/compile.h"

static const struct {
	const char *loose; /* long name or alias, loosely matched */
	const char *shortname;
} uniprop_gc[] = {
	{ "other", "C" },
	{ "control", "Cc" },
	{ "cntrl", "Cc" },
	{ "format", "Cf" },
	{ "unassigned", "Cn" },
	{ "privateuse", "Co" },
	{ "surrogate", "Cs" },
	{ "letter", "L" },
	{ "casedletter", "LC" },
	{ "lowercaseletter", "Ll" },
	{ "modifierletter", "Lm" },
	{ "otherletter", "Lo" },
	{ "titlecaseletter", "Lt" },
	{ "uppercaseletter", "Lu" },
	{ "mark", "M" },
	{ "combiningmark", "M" },
	{ "spacingmark", "Mc" },
	{ "enclosingmark", "Me" },
	{ "nonspacingmark", "Mn" },
	{ "number", "N" },
	{ "decimalnumber", "Nd" },
	{ "digit", "Nd" },
	{ "letternumber", "Nl" },
	{ "othernumber", "No" },
	{ "punctuation", "P" },
	{ "punct", "P" },
	{ "connectorpunctuation", "Pc" },
	{ "dashpunctuation", "Pd" },
	{ "closepunctuation", "Pe" },
	{ "finalpunctuation", "Pf" },
	{ "initialpunctuation", "Pi" },
	{ "otherpunctuation", "Po" },
	{ "openpunctuation", "Ps" },
	{ "symbol", "S" },
	{ "currencysymbol", "Sc" },
	{ "modifiersymbol", "Sk" },
	{ "mathsymbol", "Sm" },
	{ "othersymbol", "So" },
	{ "separator", "Z" },
	{ "lineseparator", "Zl" },
	{ "paragraphseparator", "Zp" },
	{ "spaceseparator", "Zs" },
};

/* Short names, for `gc=Lu` (PCRE2 refuses the gc= prefix). */
static const char *const uniprop_short[] = {
	"C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "LC", "Ll", "Lm", "Lo", "Lt",
	"Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
	"Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl",
	"Zp", "Zs",
};

/* Longest loose name kept (longer names are not ours). */
#define UNIPROP_MAX 40

/* s[0..len) loosely: lower case, without '_', '-' and ' '. False when it
 * does not fit or holds other bytes than ASCII letters and those. */
static bool uniprop_loose(const char *s, size_t len, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '_' || c == '-' || c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z' || o == UNIPROP_MAX)
			return false;
		out[o++] = c;
	}
	out[o] = '\0';
	return true;
}

/* The short name of a General_Category value written s[0..len), long or
 * (when `short_ok`) short; NULL when it is not one. */
static const char *uniprop_gc_value(const char *s, size_t len, bool short_ok)
{
	char loose[UNIPROP_MAX + 1];
	size_t i;

	if (!uniprop_loose(s, len, loose))
		return NULL;
	for (i = 0; i < sizeof(uniprop_gc) / sizeof(uniprop_gc[0]); i++) {
		if (strcmp(loose, uniprop_gc[i].loose) == 0)
			return uniprop_gc[i].shortname;
	}
	if (!short_ok)
		return NULL;
	for (i = 0; i < sizeof(uniprop_short) / sizeof(uniprop_short[0]); i++) {
		char ls[4];

		if (uniprop_loose(uniprop_short[i], strlen(uniprop_short[i]), ls) &&
		    strcmp(loose, ls) == 0)
			return uniprop_short[i];
	}
	return NULL;
}

/* The short name for the inside of `\p{...}` (after an optional '^'):
 * a long General_Category name, or `gc=` / `General_Category=` (or ':')
 * and a long or short one. NULL: leave it as written. */
static const char *uniprop_name(const char *s, size_t len)
{
	char loose[UNIPROP_MAX + 1];
	const char *eq = memchr(s, '=', len);

	if (!eq)
		eq = memchr(s, ':', len);
	if (!eq)
		return uniprop_gc_value(s, len, false);
	if (!uniprop_loose(s, (size_t)(eq - s), loose) ||
	    (strcmp(loose, "gc") != 0 && strcmp(loose, "generalcategory") != 0))
		return NULL;
	eq++;
	return uniprop_gc_value(eq, len - (size_t)(eq - s), true);
}

/* Copy n bytes of in at *i to out at *o, mapping each to its source. */
static void uniprop_copy(const char *in, size_t *i, size_t n, char *out,
			 size_t *o, size_t *map)
{
	size_t k;

	for (k = 0; k < n; k++) {
		map[*o] = *i;
		out[(*o)++] = in[(*i)++];
	}
}

/* At in[*i] == '\\' followed by 'p' or 'P': rewrite `\p{name}` when the
 * name is ours, else copy the two bytes. */
static void uniprop_escape(const char *in, size_t len, size_t *i, char *out,
			   size_t *o, size_t *map)
{
	size_t start = *i, open = start + 2, name, close, k;
	const char *shortname;

	if (open >= len || in[open] != '{') {
		uniprop_copy(in, i, 2, out, o, map);
		return;
	}
	name = open + 1 + (open + 1 < len && in[open + 1] == '^');
	for (close = name; close < len && in[close] != '}'; close++)
		;
	shortname = close < len ? uniprop_name(in + name, close - name) : NULL;
	if (!shortname) {
		uniprop_copy(in, i, 2, out, o, map);
		return;
	}
	uniprop_copy(in, i, name - start, out, o, map); /* \p{ or \p{^ */
	for (k = 0; shortname[k]; k++) {
		map[*o] = name;
		out[(*o)++] = shortname[k];
	}
	*i = close;
	uniprop_copy(in, i, 1, out, o, map); /* } */
}

size_t dv_uniprop_rewrite(const char *in, size_t len, char *out, size_t *map)
{
	size_t i = 0, o = 0;

	while (i < len) {
		if (in[i] != '\\' || i + 1 == len) {
			uniprop_copy(in, &i, 1, out, &o, map);
			continue;
		}
		if (in[i + 1] == 'p' || in[i + 1] == 'P') {
			uniprop_escape(in, len, &i, out, &o, map);
			continue;
		}
		if (in[i + 1] != 'Q') {
			uniprop_copy(in, &i, 2, out, &o, map);
			continue;
		}
		/* \Q...\E: literal up to \E or the end */
		uniprop_copy(in, &i, 2, out, &o, map);
		while (i < len && !(in[i] == '\\' && i + 1 < len &&
				    in[i + 1] == 'E'))
			uniprop_copy(in, &i, 1, out, &o, map);
	}
	map[o] = len;
	out[o] = '\0';
	return o;
}

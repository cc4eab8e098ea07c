/*
 * format: on a string column, as src/value/strformat.c defines each
 * format: every grammar there is regular, so each is one PCRE2 pattern
 * here (translated by regex.c like a contract's pattern) plus the length
 * limits. One thing is not reproduced: a hostname label starting "xn--"
 * is checked by dcval as an IDNA2008 A-label (idna.c, Punycode and
 * code point tables); the SQL checks its letters, digits and hyphens
 * only (README "Running a contract in DuckDB or PostgreSQL").
 */
#include <stdio.h>
#include <string.h>

#include "export/sqlgen.h"

#define HEX "[0-9A-Fa-f]"
#define OCTET "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
#define IPV4 OCTET "(?:\\." OCTET "){3}"
#define LABEL "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#define HOST LABEL "(?:\\." LABEL ")*"
#define ATEXT "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
#define UNRES_SUB "\\-A-Za-z0-9._~!$&'()*+,;="
#define PCT "%" HEX HEX

/* RFC 4291 text forms as strformat.c's dv_ipv6_ok reads them: eight
 * pieces, or at most seven around one "::", the last two pieces
 * optionally a dotted quad. */
static void ipv6_regex(char *b, size_t cap)
{
	size_t n = 0;
	int k;

#define H4 HEX "{1,4}"
	n += (size_t)snprintf(b + n, cap - n,
			      "(?:(?:" H4 ":){7}" H4 "|(?:" H4 ":){6}" IPV4);
	for (k = 0; k <= 7; k++) {
		int r = 7 - k;

		n += (size_t)snprintf(b + n, cap - n, "|");
		if (k > 0)
			n += (size_t)snprintf(b + n, cap - n, H4 "(?::" H4 "){%d}", k - 1);
		n += (size_t)snprintf(b + n, cap - n, "::");
		if (r == 0)
			continue;
		n += (size_t)snprintf(b + n, cap - n, "(?:" H4 "(?::" H4 "){0,%d}", r - 1);
		if (r >= 2)
			n += (size_t)snprintf(b + n, cap - n, "|(?:" H4 ":){0,%d}" IPV4, r - 2);
		n += (size_t)snprintf(b + n, cap - n, ")?");
	}
	snprintf(b + n, cap - n, ")");
#undef H4
}

void dv_sql_format_cond(dv_sqlgen *g, dv_buf *b, const char *expr,
			dv_strfmt f, const char *what)
{
	char v6[4096], rx[16384];

	ipv6_regex(v6, sizeof(v6));
	switch (f) {
	case DV_FMT_UUID:
		dv_sql_match(g, b, expr, HEX "{8}-" HEX "{4}-" HEX "{4}-" HEX "{4}-" HEX "{12}", what);
		return;
	case DV_FMT_IPV4:
		dv_sql_match(g, b, expr, IPV4, what);
		return;
	case DV_FMT_IPV6:
		dv_sql_match(g, b, expr, v6, what);
		return;
	case DV_FMT_HOSTNAME:
		dv_sql_put(g, b, "(length(%s) <= 253 AND ", expr);
		dv_sql_match(g, b, expr, HOST, what);
		dv_sql_put(g, b, ")");
		return;
	case DV_FMT_EMAIL:
		/* RFC 5321 mailbox: at most 254 bytes, a local part of at most
		 * 64 (a dot-string ends at the first '@'; a quoted string at
		 * the last '"', as no domain holds one) */
		snprintf(rx, sizeof(rx), "%s+(?:\\.%s+)*@(?:" HOST "|\\[" IPV4 "\\]|\\[IPv6:%s\\])",
			 ATEXT, ATEXT, v6);
		dv_sql_put(g, b, "(");
		dv_sql_put(g, b, g->d->octets, expr);
		dv_sql_put(g, b, " <= 254 AND ((strpos(%s, '@') <= 65 AND ", expr);
		dv_sql_match(g, b, expr, rx, what);
		snprintf(rx, sizeof(rx),
			 "\"(?:[ !#-\\[\\]-~]|\\\\[ -~])*\"@(?:" HOST "|\\[" IPV4 "\\]|\\[IPv6:%s\\])", v6);
		dv_sql_put(g, b, ") OR (length(%s) - strpos(reverse(%s), '\"') + 1 <= 64 AND ",
			   expr, expr);
		dv_sql_match(g, b, expr, rx, what);
		dv_sql_put(g, b, ")))");
		return;
	case DV_FMT_URI: {
		/* RFC 3986 URI as dv_uri_ok: after "//" the authority runs to the
		 * first '/', '?' or '#'; without it the path cannot start "//" */
		char lit[8192];

		snprintf(lit, sizeof(lit), "(?:\\[(?:%s|[vV]" HEX "+\\.[" UNRES_SUB ":]+)\\])", v6);
		snprintf(rx, sizeof(rx),
			 "[A-Za-z][A-Za-z0-9+.-]*:(?:"
			 "//(?:(?:[" UNRES_SUB ":]|%s)*@)?(?:%s|(?:[" UNRES_SUB "]|%s)*)(?::[0-9]*)?"
			 "(?:[/?](?:[" UNRES_SUB ":@/?]|%s)*)?"
			 "|/?(?:(?:[" UNRES_SUB ":@?]|%s)(?:[" UNRES_SUB ":@/?]|%s)*)?"
			 ")(?:#(?:[" UNRES_SUB ":@/?]|%s)*)?",
			 PCT, lit, PCT, PCT, PCT, PCT, PCT);
		dv_sql_match(g, b, expr, rx, what);
		return;
	}
	default:
		dv_sql_fail(g, "export: %s: format '%s' has no SQL translation", what,
			    dv_strfmt_name(f));
		return;
	}
}

/*
 * PCRE2 patterns (UTF mode, no UCP, matched against the whole value) in
 * the dialect's regular expressions: RE2 for DuckDB, PostgreSQL's ARE.
 *
 * The translation is conservative: it rewrites the constructs whose
 * meaning it can state exactly in both engines and refuses the rest with
 * an error naming the construct. Everything is rewritten to the common
 * core: `(?:` groups, explicit ASCII classes for \d \w \s and `.`, and
 * every literal that is not an ASCII letter or digit written by code
 * point (RE2 \x{HH}, ARE \uHHHH), so that no byte of the pattern means
 * something else in the target dialect. The result is anchored as
 * ^(?:...)$, which in both engines means the whole value (neither `$`
 * matches before a final newline, PCRE2's can: see `dollar` below).
 */
#include <stdio.h>
#include <string.h>

#include "export/sqlgen.h"
#include "util/utf8.h"

typedef struct rx {
	dv_sqlgen *g;
	const char *s;       /* the pattern */
	size_t len;
	size_t i;            /* next byte */
	dv_buf *out;
	const char *what;    /* "pattern of column 'x'" */
	bool can_newline;    /* some part may match "\n" */
	bool dollar_inside;  /* a `$` with more than ')' after it */
	bool failed;
} rx;

static void rx_fail(rx *r, const char *construct)
{
	if (r->failed)
		return;
	r->failed = true;
	dv_sql_fail(r->g, "export: %s: %s has no exact translation to %s's regular expressions",
		    r->what, construct, r->g->d->name);
}

/* Decode one UTF-8 code point at r->i (the contract's text is valid
 * UTF-8). */
static unsigned rx_cp(rx *r)
{
	const unsigned char *p = (const unsigned char *)r->s + r->i;
	size_t n = r->len - r->i;
	unsigned c = p[0];

	if (c < 0x80 || n < 2) {
		r->i++;
		return c;
	}
	if (c >= 0xF0 && n >= 4) {
		r->i += 4;
		return ((c & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) |
		       (p[3] & 63u);
	}
	if (c >= 0xE0 && n >= 3) {
		r->i += 3;
		return ((c & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
	}
	r->i += 2;
	return ((c & 31u) << 6) | (p[1] & 63u);
}

static bool is_alnum(unsigned c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* One code point as a literal of the dialect. */
static void emit_cp(rx *r, unsigned c)
{
	char u[5];

	if (is_alnum(c)) {
		dv_sql_put(r->g, r->out, "%c", (char)c);
	} else if (c >= 0x80) {
		/* as UTF-8: both engines read it as the character */
		u[dv_utf8_encode(u, c)] = '\0';
		dv_sql_put(r->g, r->out, "%s", u);
	} else {
		dv_sql_put(r->g, r->out, r->g->d->re_cp, c);
	}
}

/* A literal outside a class. */
static void literal(rx *r, unsigned c)
{
	if (c == '\n')
		r->can_newline = true;
	emit_cp(r, c);
}

static void emit_range(rx *r, unsigned lo, unsigned hi)
{
	emit_cp(r, lo);
	if (hi != lo) {
		dv_sql_put(r->g, r->out, "-");
		emit_cp(r, hi);
	}
	if (lo <= '\n' && hi >= '\n')
		r->can_newline = true;
}

/* The members of a shorthand class (\d \w \s, ASCII without UCP) or a
 * POSIX class, as ranges inside a bracket. False when unknown. */
static bool emit_named(rx *r, const char *name)
{
	static const struct {
		const char *name;
		const char *ranges; /* pairs lo, hi */
	} classes[] = {
		{ "d", "09" },	       { "digit", "09" },
		{ "w", "09AZaz__" },   { "word", "09AZaz__" },
		{ "s", "\t\r  " },     { "space", "\t\r  " },
		{ "alpha", "AZaz" },   { "alnum", "09AZaz" },
		{ "upper", "AZ" },     { "lower", "az" },
		{ "xdigit", "09AFaf" }, { "blank", "\t\t  " },
		{ "punct", "!/:@[`{~" }, { "cntrl", "\001\037\177\177" },
		{ "print", " ~" },     { "graph", "!~" },
	};
	size_t i, j;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (strcmp(classes[i].name, name) != 0)
			continue;
		for (j = 0; classes[i].ranges[j]; j += 2)
			emit_range(r, (unsigned char)classes[i].ranges[j],
				   (unsigned char)classes[i].ranges[j + 1]);
		return true;
	}
	return false;
}

/* "cntrl" has NUL in PCRE2; no value holds NUL (csv text is C text). */

/* An escape that stands for one code point: \n, \x41, \x{263A}, \.;
 * -1 when it is something else (left for the caller), -2 on failure. */
static long escape_cp(rx *r, bool in_class)
{
	char c = r->s[r->i];
	unsigned long v = 0;
	size_t n = 0;

	switch (c) {
	case 'n': r->i++; return '\n';
	case 't': r->i++; return '\t';
	case 'r': r->i++; return '\r';
	case 'f': r->i++; return '\f';
	case 'e': r->i++; return 27;
	case 'a': r->i++; return 7;
	case 'b':
		if (!in_class)
			return -1;
		r->i++;
		return 8;
	case 'x':
		r->i++;
		if (r->i < r->len && r->s[r->i] == '{') {
			for (r->i++; r->i < r->len && r->s[r->i] != '}'; r->i++, n++) {
				char h = r->s[r->i];
				unsigned d = h >= '0' && h <= '9' ? (unsigned)(h - '0') :
					     (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ?
					     (unsigned)((h | 0x20) - 'a' + 10) : 99;
				if (d > 15 || n > 6) {
					rx_fail(r, "'\\x{...}' with a bad code point");
					return -2;
				}
				v = v * 16 + d;
			}
			if (r->i == r->len || n == 0) {
				rx_fail(r, "'\\x{' without '}'");
				return -2;
			}
			r->i++;
		} else {
			for (; r->i < r->len && n < 2; r->i++, n++) {
				char h = r->s[r->i];
				unsigned d = h >= '0' && h <= '9' ? (unsigned)(h - '0') :
					     (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ?
					     (unsigned)((h | 0x20) - 'a' + 10) : 99;
				if (d > 15)
					break;
				v = v * 16 + d;
			}
		}
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
			rx_fail(r, "a '\\x' escape of NUL or a non-character");
			return -2;
		}
		return (long)v;
	default:
		break;
	}
	if ((unsigned char)c >= 0x80 || !is_alnum((unsigned char)c))
		return (long)rx_cp(r); /* an escaped literal: \. \\ \- \é */
	return -1;
}

static void parse_class(rx *r)
{
	bool first = true;
	unsigned lo;
	long e;

	r->i++; /* '[' */
	dv_sql_put(r->g, r->out, "[");
	if (r->i < r->len && r->s[r->i] == '^') {
		r->i++;
		dv_sql_put(r->g, r->out, "^");
		r->can_newline = true;
	}
	for (;;) {
		if (r->failed)
			return;
		if (r->i >= r->len) {
			rx_fail(r, "an unterminated '['");
			return;
		}
		if (r->s[r->i] == ']' && !first)
			break;
		first = false;
		if (r->s[r->i] == '[' && r->i + 1 < r->len && r->s[r->i + 1] == ':') {
			const char *end = strstr(r->s + r->i + 2, ":]");
			char name[16];
			size_t n;

			if (!end || (size_t)(end - r->s) > r->len) {
				rx_fail(r, "'[:' without ':]'");
				return;
			}
			n = (size_t)(end - (r->s + r->i + 2));
			if (n == 0 || n >= sizeof(name) || r->s[r->i + 2] == '^') {
				rx_fail(r, "this POSIX class");
				return;
			}
			memcpy(name, r->s + r->i + 2, n);
			name[n] = '\0';
			if (!emit_named(r, name)) {
				rx_fail(r, "this POSIX class");
				return;
			}
			r->i += n + 4;
			continue;
		}
		if (r->s[r->i] == '\\') {
			char c;

			r->i++;
			if (r->i >= r->len) {
				rx_fail(r, "a trailing '\\'");
				return;
			}
			c = r->s[r->i];
			if (c == 'd' || c == 'w' || c == 's') {
				char name[2] = { c, 0 };

				r->i++;
				emit_named(r, name);
				continue;
			}
			e = escape_cp(r, true);
			if (e == -2)
				return;
			if (e == -1) {
				char what[32];

				snprintf(what, sizeof(what), "'\\%c' inside a class", c);
				rx_fail(r, what);
				return;
			}
			lo = (unsigned)e;
		} else {
			lo = rx_cp(r);
		}
		/* a range lo-hi (a '-' before ']' is a literal) */
		if (r->i + 1 < r->len && r->s[r->i] == '-' && r->s[r->i + 1] != ']') {
			unsigned hi;

			r->i++;
			if (r->s[r->i] == '\\') {
				r->i++;
				e = r->i < r->len ? escape_cp(r, true) : -1;
				if (e < 0) {
					rx_fail(r, "a class range ending in an escape");
					return;
				}
				hi = (unsigned)e;
			} else if (r->s[r->i] == '[') {
				rx_fail(r, "a class range ending in '['");
				return;
			} else {
				hi = rx_cp(r);
			}
			if (hi < lo) {
				rx_fail(r, "a reversed class range");
				return;
			}
			emit_range(r, lo, hi);
		} else {
			emit_range(r, lo, lo);
		}
	}
	r->i++; /* ']' */
	dv_sql_put(r->g, r->out, "]");
}

/* A decimal count of a quantifier at r->i; false when there is none. */
static bool count(rx *r, unsigned long *n)
{
	size_t start = r->i;

	*n = 0;
	while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9') {
		if (*n < 100000)
			*n = *n * 10 + (unsigned long)(r->s[r->i] - '0');
		r->i++;
	}
	return r->i > start;
}

/* A quantifier after an atom, if any: * + ? {n} {n,} {n,m}, then a lazy
 * '?' (dropped: laziness does not change whether the whole value
 * matches) or a possessive '+' (refused). */
static void parse_quantifier(rx *r)
{
	unsigned long lo, hi;
	size_t save;
	char c;

	if (r->i >= r->len)
		return;
	c = r->s[r->i];
	if (c == '*' || c == '+' || c == '?') {
		r->i++;
		dv_sql_put(r->g, r->out, "%c", c);
	} else if (c == '{') {
		save = r->i++;
		if (!count(r, &lo)) {
			r->i = save; /* a literal '{' (PCRE2 10.42: "{,n}" too) */
			if (r->i + 1 < r->len && r->s[r->i + 1] == ',')
				rx_fail(r, "'{,n}' (read as text or as a count by PCRE2 versions)");
			return;
		}
		hi = lo;
		if (r->i < r->len && r->s[r->i] == ',') {
			r->i++;
			if (!count(r, &hi))
				hi = (unsigned long)-1;
		}
		if (r->i >= r->len || r->s[r->i] != '}') {
			r->i = save;
			return;
		}
		r->i++;
		if (lo > r->g->d->re_max_repeat ||
		    (hi != (unsigned long)-1 && hi > r->g->d->re_max_repeat)) {
			char what[64];

			snprintf(what, sizeof(what), "a repeat count above %u",
				 r->g->d->re_max_repeat);
			rx_fail(r, what);
			return;
		}
		if (hi == (unsigned long)-1)
			dv_sql_put(r->g, r->out, "{%lu,}", lo);
		else if (hi == lo)
			dv_sql_put(r->g, r->out, "{%lu}", lo);
		else
			dv_sql_put(r->g, r->out, "{%lu,%lu}", lo, hi);
	} else {
		return;
	}
	if (r->i < r->len && r->s[r->i] == '?')
		r->i++;
	else if (r->i < r->len && r->s[r->i] == '+')
		rx_fail(r, "a possessive quantifier");
}

/* An opening parenthesis; true when it opened a group (not a comment). */
static bool parse_group_open(rx *r)
{
	const char *p;

	r->i++; /* '(' */
	if (r->i < r->len && r->s[r->i] == '*') {
		rx_fail(r, "a '(*VERB)'");
		return false;
	}
	if (r->i >= r->len || r->s[r->i] != '?') {
		dv_sql_put(r->g, r->out, "(?:");
		return true;
	}
	p = r->s + r->i + 1;
	if (*p == ':' || *p == '|') {
		r->i += 2;
	} else if ((*p == '<' && p[1] != '=' && p[1] != '!') || *p == '\'' ||
		   (*p == 'P' && p[1] == '<')) {
		char close = *p == '\'' ? '\'' : '>';

		while (r->i < r->len && r->s[r->i] != close)
			r->i++;
		r->i++;
	} else if (*p == '=' || *p == '!' || *p == '<') {
		rx_fail(r, "a lookaround '(?=', '(?!', '(?<=' or '(?<!'");
		return false;
	} else if (*p == '>') {
		rx_fail(r, "an atomic group '(?>'");
		return false;
	} else if (*p == '#') {
		while (r->i < r->len && r->s[r->i] != ')')
			r->i++;
		r->i++;
		return false; /* a comment: no group */
	} else {
		rx_fail(r, "an inline option or special group '(?...)'");
		return false;
	}
	dv_sql_put(r->g, r->out, "(?:");
	return true;
}

/* Whether only ')' follow position i. */
static bool only_closers(const rx *r, size_t i)
{
	for (; i < r->len; i++)
		if (r->s[i] != ')')
			return false;
	return true;
}

static void parse_escape(rx *r)
{
	char c, what[48];
	long e;

	r->i++; /* '\\' */
	if (r->i >= r->len) {
		rx_fail(r, "a trailing '\\'");
		return;
	}
	c = r->s[r->i];
	switch (c) {
	case 'd': case 'w': case 's': case 'D': case 'W': case 'S': {
		char name[2] = { (char)(c | 0x20), 0 };

		r->i++;
		dv_sql_put(r->g, r->out, c >= 'a' ? "[" : "[^");
		if (c < 'a')
			r->can_newline = true;
		emit_named(r, name);
		dv_sql_put(r->g, r->out, "]");
		parse_quantifier(r);
		return;
	}
	case 'N':
		r->i++;
		dv_sql_put(r->g, r->out, "[^");
		emit_cp(r, '\n');
		dv_sql_put(r->g, r->out, "]");
		parse_quantifier(r);
		return;
	case 'A':
		r->i++;
		dv_sql_put(r->g, r->out, "^");
		return;
	case 'z':
		r->i++;
		dv_sql_put(r->g, r->out, "$");
		return;
	case 'Z':
		r->i++;
		if (!only_closers(r, r->i))
			r->dollar_inside = true;
		dv_sql_put(r->g, r->out, "$");
		return;
	default:
		break;
	}
	e = escape_cp(r, false);
	if (e == -2)
		return;
	if (e >= 0) {
		literal(r, (unsigned)e);
		parse_quantifier(r);
		return;
	}
	if (c >= '0' && c <= '9')
		snprintf(what, sizeof(what), "'\\%c' (a back reference or octal escape)", c);
	else if (c == 'b' || c == 'B')
		snprintf(what, sizeof(what), "'\\%c' (a word boundary)", c);
	else if (c == 'p' || c == 'P')
		snprintf(what, sizeof(what), "'\\%c' (a Unicode property)", c);
	else
		snprintf(what, sizeof(what), "'\\%c'", c);
	rx_fail(r, what);
}

bool dv_sql_regex(dv_sqlgen *g, const char *src, size_t len, dv_buf *out,
		  const char *what)
{
	rx r;
	unsigned depth = 0;

	memset(&r, 0, sizeof(r));
	r.g = g;
	r.s = src;
	r.len = len;
	r.out = out;
	r.what = what;
	dv_sql_put(g, out, "^(?:");
	while (r.i < r.len && !r.failed && g->st == DCVAL_OK) {
		char c = r.s[r.i];

		switch (c) {
		case '\\':
			parse_escape(&r);
			break;
		case '[':
			parse_class(&r);
			parse_quantifier(&r);
			break;
		case '(':
			if (parse_group_open(&r))
				depth++;
			break;
		case ')':
			if (depth == 0) {
				rx_fail(&r, "an unmatched ')'");
				break;
			}
			depth--;
			r.i++;
			dv_sql_put(g, out, ")");
			parse_quantifier(&r);
			break;
		case '|':
			r.i++;
			dv_sql_put(g, out, "|");
			break;
		case '^':
			r.i++;
			dv_sql_put(g, out, "^");
			break;
		case '$':
			r.i++;
			if (!only_closers(&r, r.i))
				r.dollar_inside = true;
			dv_sql_put(g, out, "$");
			break;
		case '.':
			r.i++;
			dv_sql_put(g, out, "[^");
			emit_cp(&r, '\n');
			dv_sql_put(g, out, "]");
			parse_quantifier(&r);
			break;
		case '*':
		case '+':
		case '?':
			rx_fail(&r, "a quantifier that follows nothing");
			break;
		default:
			literal(&r, rx_cp(&r));
			parse_quantifier(&r);
			break;
		}
	}
	if (!r.failed && depth != 0)
		rx_fail(&r, "an unclosed '('");
	/* PCRE2's `$` also matches before a final newline: exact only when
	 * no newline can follow it */
	if (!r.failed && r.dollar_inside && r.can_newline)
		rx_fail(&r, "'$' before more pattern that can match a newline");
	dv_sql_put(g, out, ")$");
	return !r.failed && g->st == DCVAL_OK;
}

void dv_sql_match(dv_sqlgen *g, dv_buf *b, const char *expr, const char *src,
		  const char *what)
{
	dv_buf re, lit;

	dv_buf_init(&re, 1u << 24);
	dv_buf_init(&lit, 1u << 25);
	if (dv_sql_regex(g, src, strlen(src), &re, what)) {
		dv_sql_literal(g, &lit, re.data, re.len);
		if (g->st == DCVAL_OK)
			dv_sql_put(g, b, g->d->regex_match, expr, lit.data);
	}
	dv_buf_release(&re);
	dv_buf_release(&lit);
}

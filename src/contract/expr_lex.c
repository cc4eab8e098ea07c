/*
 * Tokens of a rule expression (contract.md "Cross-field rules"):
 * integers, decimals (`1.5`, `2e3`), durations (`30d`), double-quoted
 * strings with `\"` and `\\`, identifiers `[A-Za-z_][A-Za-z0-9_.]*`,
 * backquoted names, keywords (lowercase: and or not is in null true
 * false), operators and brackets. The scanner is a plain hand-written
 * loop (after the style of jq's src/lexer.l rules, written as C).
 */
#include <stdio.h>
#include <string.h>

#include "contract/expr.h"
#include "value/duration.h"
#include "value/types.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_ident_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool is_ident(char c)
{
	return is_ident_start(c) || is_digit(c) || c == '.';
}

static dv_xtoken fail(dv_xtoken t, dv_xerr *err, size_t off, const char *fmt,
		      const char *arg)
{
	t.kind = DV_XT_ERROR;
	err->off = off;
	snprintf(err->text, sizeof(err->text), fmt, arg);
	return t;
}

/* Up to 40 bytes of s[0..len) for a message, "..." after a cut. */
static const char *excerpt(char *buf, size_t cap, const char *s, size_t len)
{
	size_t n = len > 40 ? 40 : len;

	while (n < len && n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	snprintf(buf, cap, "%.*s%s", (int)n, s, n < len ? "..." : "");
	return buf;
}

static const struct { const char *word; dv_xtok kind; } keywords[] = {
	{ "and", DV_XT_AND }, { "or", DV_XT_OR }, { "not", DV_XT_NOT },
	{ "is", DV_XT_IS }, { "in", DV_XT_IN }, { "null", DV_XT_NULL },
	{ "true", DV_XT_TRUE }, { "false", DV_XT_FALSE },
};

static dv_xtoken lex_word(const char *s, size_t len, dv_xtoken t)
{
	size_t i, e = t.off + 1;

	while (e < len && is_ident(s[e]))
		e++;
	t.len = e - t.off;
	t.kind = DV_XT_IDENT;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i].word) == t.len &&
		    memcmp(keywords[i].word, s + t.off, t.len) == 0)
			t.kind = keywords[i].kind;
	return t;
}

/* A number or a duration starting with a digit at t.off. */
static dv_xtoken lex_number(const char *s, size_t len, dv_xtoken t,
			    dv_xerr *err)
{
	size_t e = t.off, span;
	bool decimal = false;
	char buf[64];

	span = dv_duration_span(s + t.off, len - t.off);
	if (span && (t.off + span == len || !is_ident(s[t.off + span]))) {
		t.len = span;
		t.kind = DV_XT_DUR;
		if (!dv_parse_duration(s + t.off, span, &t.ms)) {
			size_t k = t.off;

			while (k < t.off + span && s[k] == '0')
				k++;
			if (!is_digit(s[k]))
				return fail(t, err, t.off,
					    "duration '%s' must be positive",
					    excerpt(buf, sizeof(buf), s + t.off, span));
			return fail(t, err, t.off, "duration '%s' is too large",
				    excerpt(buf, sizeof(buf), s + t.off, span));
		}
		return t;
	}
	while (e < len && is_digit(s[e]))
		e++;
	if (e + 1 < len && s[e] == '.' && is_digit(s[e + 1])) {
		decimal = true;
		e++;
		while (e < len && is_digit(s[e]))
			e++;
	}
	if (e < len && (s[e] == 'e' || s[e] == 'E')) {
		size_t x = e + 1;

		if (x < len && (s[x] == '+' || s[x] == '-'))
			x++;
		if (x < len && is_digit(s[x])) {
			decimal = true;
			e = x;
			while (e < len && is_digit(s[e]))
				e++;
		}
	}
	while (e < len && is_ident(s[e])) {
		e++;
		t.kind = DV_XT_ERROR;
	}
	t.len = e - t.off;
	if (t.kind == DV_XT_ERROR)
		return fail(t, err, t.off,
			    "invalid number '%s' (a duration is digits and one of ms, s, m, h, d, w)",
			    excerpt(buf, sizeof(buf), s + t.off, t.len));
	if (!decimal) {
		uint64_t u = 0;
		size_t k;

		t.kind = DV_XT_INT;
		for (k = t.off; k < e; k++) {
			unsigned dgt = (unsigned)(s[k] - '0');

			if (u > (UINT64_MAX - dgt) / 10) {
				t.big = true;
				break;
			}
			u = u * 10 + dgt;
		}
		t.u = u;
		if (!t.big)
			return t;
	}
	t.kind = decimal ? DV_XT_NUM : DV_XT_INT;
	if (!dv_parse_number(s + t.off, t.len, &t.d))
		return fail(t, err, t.off, "number '%s' is out of range",
			    excerpt(buf, sizeof(buf), s + t.off, t.len));
	return t;
}

static dv_xtoken lex_quoted(const char *s, size_t len, dv_xtoken t,
			    dv_xerr *err)
{
	char q = s[t.off];
	size_t e = t.off + 1;

	while (e < len && s[e] != q) {
		if (q == '"' && s[e] == '\\') {
			if (e + 1 < len && (s[e + 1] == '"' || s[e + 1] == '\\')) {
				e += 2;
				continue;
			}
			t.kind = DV_XT_ERROR;
			err->off = e;
			snprintf(err->text, sizeof(err->text),
				 "unknown escape in a string: only \\\" and \\\\");
			return t;
		}
		e++;
	}
	if (e >= len)
		return fail(t, err, t.off, "%s", q == '"' ?
			    "unterminated string: a closing '\"' is missing" :
			    "unterminated name: a closing '`' is missing");
	t.len = e + 1 - t.off;
	t.kind = q == '"' ? DV_XT_STR : DV_XT_QIDENT;
	if (t.kind == DV_XT_QIDENT && t.len == 2)
		return fail(t, err, t.off, "%s", "empty name in backquotes");
	return t;
}

size_t dv_xlex_string(const char *s, const dv_xtoken *t, char *out)
{
	size_t i, o = 0, end = t->off + t->len - 1;

	for (i = t->off + 1; i < end; i++) {
		if (s[i] == '\\' && t->kind == DV_XT_STR)
			i++;
		out[o++] = s[i];
	}
	return o;
}

/* Operators of one or two bytes. */
static dv_xtoken lex_op(const char *s, size_t len, dv_xtoken t, dv_xerr *err)
{
	char c = s[t.off], n = t.off + 1 < len ? s[t.off + 1] : '\0';
	char buf[8];

	t.len = 1;
	switch (c) {
	case '(': t.kind = DV_XT_LPAREN; return t;
	case ')': t.kind = DV_XT_RPAREN; return t;
	case '[': t.kind = DV_XT_LBRACK; return t;
	case ']': t.kind = DV_XT_RBRACK; return t;
	case ',': t.kind = DV_XT_COMMA; return t;
	case '+': t.kind = DV_XT_PLUS; return t;
	case '-': t.kind = DV_XT_MINUS; return t;
	case '*': t.kind = DV_XT_STAR; return t;
	case '/': t.kind = DV_XT_SLASH; return t;
	case '<':
		t.kind = n == '=' ? DV_XT_LE : DV_XT_LT;
		if (n == '>')
			return fail(t, err, t.off, "%s", "unknown operator '<>' (use '!=')");
		t.len = n == '=' ? 2 : 1;
		return t;
	case '>':
		t.kind = n == '=' ? DV_XT_GE : DV_XT_GT;
		t.len = n == '=' ? 2 : 1;
		return t;
	case '=':
		if (n == '=') {
			t.kind = DV_XT_EQ;
			t.len = 2;
			return t;
		}
		return fail(t, err, t.off, "%s", "unknown operator '=' (use '==')");
	case '!':
		if (n == '=') {
			t.kind = DV_XT_NE;
			t.len = 2;
			return t;
		}
		return fail(t, err, t.off, "%s", "unknown operator '!' (use 'not')");
	default:
		break;
	}
	if ((unsigned char)c < 0x20 || c == 0x7f)
		snprintf(buf, sizeof(buf), "\\x%02x", (unsigned char)c);
	else if ((unsigned char)c < 0x80)
		snprintf(buf, sizeof(buf), "%c", c);
	else {
		size_t k = 1;

		while (t.off + k < len && k < 4 &&
		       ((unsigned char)s[t.off + k] & 0xc0) == 0x80)
			k++;
		snprintf(buf, sizeof(buf), "%.*s", (int)k, s + t.off);
	}
	return fail(t, err, t.off, "unexpected character '%s'", buf);
}

dv_xtoken dv_xlex(const char *s, size_t len, size_t off, dv_xerr *err)
{
	dv_xtoken t;

	memset(&t, 0, sizeof(t));
	while (off < len && (s[off] == ' ' || s[off] == '\t' || s[off] == '\n' ||
			     s[off] == '\r'))
		off++;
	t.off = off;
	if (off >= len) {
		t.kind = DV_XT_END;
		return t;
	}
	if (is_digit(s[off]))
		return lex_number(s, len, t, err);
	if (s[off] == '.' && off + 1 < len && is_digit(s[off + 1]))
		return fail(t, err, off, "%s",
			    "invalid number: write a digit before the '.' (0.5)");
	if (is_ident_start(s[off]))
		return lex_word(s, len, t);
	if (s[off] == '"' || s[off] == '`')
		return lex_quoted(s, len, t, err);
	if (s[off] == '\'')
		return fail(t, err, off, "%s",
			    "strings are written in double quotes, names with spaces in backquotes");
	return lex_op(s, len, t, err);
}

const char *dv_xtok_name(dv_xtok k)
{
	static const char *const names[] = {
		[DV_XT_END] = "end of expression", [DV_XT_ERROR] = "error",
		[DV_XT_INT] = "a number", [DV_XT_NUM] = "a number",
		[DV_XT_STR] = "a string", [DV_XT_DUR] = "a duration",
		[DV_XT_IDENT] = "a name", [DV_XT_QIDENT] = "a name",
		[DV_XT_LPAREN] = "'('", [DV_XT_RPAREN] = "')'",
		[DV_XT_LBRACK] = "'['", [DV_XT_RBRACK] = "']'",
		[DV_XT_COMMA] = "','", [DV_XT_EQ] = "'=='", [DV_XT_NE] = "'!='",
		[DV_XT_LT] = "'<'", [DV_XT_LE] = "'<='", [DV_XT_GT] = "'>'",
		[DV_XT_GE] = "'>='", [DV_XT_PLUS] = "'+'", [DV_XT_MINUS] = "'-'",
		[DV_XT_STAR] = "'*'", [DV_XT_SLASH] = "'/'",
		[DV_XT_AND] = "'and'", [DV_XT_OR] = "'or'", [DV_XT_NOT] = "'not'",
		[DV_XT_IS] = "'is'", [DV_XT_IN] = "'in'", [DV_XT_NULL] = "'null'",
		[DV_XT_TRUE] = "'true'", [DV_XT_FALSE] = "'false'",
	};

	return (unsigned)k < sizeof(names) / sizeof(names[0]) && names[k] ?
		       names[k] : "a token";
}

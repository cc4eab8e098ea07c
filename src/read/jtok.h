/*
 * dv_jtok: the scanning steps of the JSON Lines fast path (jfast.c), one
 * token each, over bytes that need not be NUL-terminated.
 *
 * Each step accepts exactly what the strict parser (util/jdoc.h) accepts
 * for that token and returns NULL for anything else; it never says why:
 * on NULL the fast path gives the record to the strict parser, whose
 * message, rule, line and column are then the ones reported. Grammar:
 * RFC 8259 (section 2 whitespace, 6 numbers, 7 strings); UTF-8: RFC 3629
 * (no overlong forms, no surrogates, at most U+10FFFF).
 */
#ifndef DV_READ_JTOK_H
#define DV_READ_JTOK_H

#include <stdbool.h>
#include <stddef.h>

/* JSON whitespace from p: the first byte that is not, or end. */
static inline const char *dv_jtok_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/*
 * The string whose body starts at p (just after the opening quote):
 * returns the byte after the closing quote, or NULL when the string is
 * not valid (unterminated, a raw control byte, invalid UTF-8, a bad
 * escape, a lone surrogate). *escaped tells whether the body holds a
 * backslash escape (then dv_jtok_unescape() gives its bytes).
 */
const char *dv_jtok_string(const char *p, const char *end, bool *escaped);

/*
 * Decode the body s[0..len) of a string dv_jtok_string() accepted into
 * dst, which has room for len bytes (a decoded string is never longer).
 * Returns the decoded length. Escapes become the bytes jdoc (and jansson)
 * give: "\u00e9" UTF-8, a surrogate pair one 4-byte character, "\u0000"
 * a NUL byte.
 */
size_t dv_jtok_unescape(const char *s, size_t len, char *dst);

/* The number at p (RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?):
 * the byte after it, or NULL when there is none or a digit follows a
 * leading zero. What may follow is the caller's check. */
const char *dv_jtok_number(const char *p, const char *end);

/*
 * The literal at p: `true`, `false` or `null`; *type gets DV_J_TRUE,
 * DV_J_FALSE or DV_J_NULL (util/jdoc.h). Returns the byte after it, NULL
 * when p holds none of them. A letter right after it is the caller's
 * fault to find (it is not a structural byte).
 */
const char *dv_jtok_word(const char *p, const char *end, int *type);

#endif

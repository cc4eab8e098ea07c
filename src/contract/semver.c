/*
 * Semantic versioning 2.0.0, the grammar of semver.org's Backus-Naur form
 * written out by hand:
 *
 *   version  := core [ "-" pre ] [ "+" build ]
 *   core     := num "." num "." num
 *   num      := "0" | [1-9][0-9]*
 *   pre      := pre-id ( "." pre-id )*
 *   pre-id   := num | [0-9A-Za-z-]* with at least one letter or '-'
 *   build    := build-id ( "." build-id )*
 *   build-id := [0-9A-Za-z-]+
 */
#include <string.h>

#include "contract/compile.h"

static bool sv_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool sv_ident_char(char c)
{
	return sv_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '-';
}

/* A numeric identifier at *p: "0" or no leading zero. */
static bool sv_num(const char **p)
{
	const char *s = *p;

	if (!sv_digit(*s))
		return false;
	if (*s == '0' && sv_digit(s[1]))
		return false;
	while (sv_digit(*s))
		s++;
	*p = s;
	return true;
}

/* Dot-separated identifiers up to the first byte in `stop` (or the end).
 * Pre-release identifiers that are all digits must not have a leading
 * zero; build identifiers may. */
static bool sv_idents(const char **p, const char *stop, bool pre)
{
	const char *s = *p;

	for (;;) {
		const char *start = s;
		bool digits_only = true;

		while (sv_ident_char(*s)) {
			digits_only = digits_only && sv_digit(*s);
			s++;
		}
		if (s == start)
			return false;
		if (pre && digits_only && *start == '0' && s - start > 1)
			return false;
		if (*s != '.')
			break;
		s++;
	}
	if (*s && !strchr(stop, *s))
		return false;
	*p = s;
	return true;
}

bool dv_semver_is_valid(const char *s)
{
	int i;

	for (i = 0; i < 3; i++) {
		if (!sv_num(&s))
			return false;
		if (i < 2 && *s++ != '.')
			return false;
	}
	if (*s == '-') {
		s++;
		if (!sv_idents(&s, "+", true))
			return false;
	}
	if (*s == '+') {
		s++;
		if (!sv_idents(&s, "", false))
			return false;
	}
	return *s == '\0';
}

/*
 * YAML 1.2 core schema (yaml.org/spec/1.2.2, section 10.3.2): which type
 * a plain scalar resolves to, whether a text may carry an explicit core
 * tag, and the values of integer and float texts. See ytree.h.
 *
 *   null   null | Null | NULL | ~ | (empty)
 *   bool   true | True | TRUE | false | False | FALSE
 *   int    [-+]? [0-9]+ | 0o [0-7]+ | 0x [0-9a-fA-F]+
 *   float  [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
 *          | [-+]? \. ( inf | Inf | INF ) | \. ( nan | NaN | NAN )
 *
 * Anything else is a string (`yes`, `on`, `0b1`, `1_000`, `2020-01-01`:
 * YAML 1.1 read some of these otherwise, 1.2 does not).
 */
#include <math.h>
#include <string.h>

#include "contract/ytree.h"
#include "value/types.h"

static bool ycore_is_word(const char *s, size_t len, const char *const *words,
			  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
			return true;
	}
	return false;
}

static bool ycore_is_null(const char *s, size_t len)
{
	static const char *const words[] = { "~", "null", "Null", "NULL" };

	return len == 0 || ycore_is_word(s, len, words, 4);
}

static bool ycore_is_bool(const char *s, size_t len)
{
	static const char *const words[] = { "true", "True", "TRUE",
					     "false", "False", "FALSE" };

	return ycore_is_word(s, len, words, 6);
}

static bool ycore_digit(char c, unsigned base)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0') < base;
	if (base != 16)
		return false;
	return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* At least one digit of `base` filling s[0..len). */
static bool ycore_all_digits(const char *s, size_t len, unsigned base)
{
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++) {
		if (!ycore_digit(s[i], base))
			return false;
	}
	return true;
}

/* 0o / 0x prefix: the base, or 0. */
static unsigned ycore_radix(const char *s, size_t len)
{
	if (len < 3 || s[0] != '0')
		return 0;
	if (s[1] == 'o')
		return 8;
	if (s[1] == 'x')
		return 16;
	return 0;
}

static bool ycore_is_int(const char *s, size_t len)
{
	unsigned base = ycore_radix(s, len);

	if (base)
		return ycore_all_digits(s + 2, len - 2, base);
	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		s++;
		len--;
	}
	return ycore_all_digits(s, len, 10);
}

/* .inf / .nan forms (with sign for inf). */
static bool ycore_is_special(const char *s, size_t len, bool *nan)
{
	static const char *const inf[] = { ".inf", ".Inf", ".INF" };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN" };

	*nan = ycore_is_word(s, len, nans, 3);
	if (*nan)
		return true;
	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		s++;
		len--;
	}
	return ycore_is_word(s, len, inf, 3);
}

static size_t ycore_skip_digits(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

static bool ycore_is_decimal(const char *s, size_t len)
{
	size_t i = 0, start;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i < len && s[i] == '.') {
		start = ++i;
		i = ycore_skip_digits(s, len, i);
		if (i == start)
			return false;
	} else {
		start = i;
		i = ycore_skip_digits(s, len, i);
		if (i == start)
			return false;
		if (i < len && s[i] == '.')
			i = ycore_skip_digits(s, len, i + 1);
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		start = i;
		i = ycore_skip_digits(s, len, i);
		if (i == start)
			return false;
	}
	return i == len;
}

static bool ycore_is_float(const char *s, size_t len)
{
	bool nan;

	return ycore_is_decimal(s, len) || ycore_is_special(s, len, &nan);
}

dv_yscalar dv_ycore_plain(const char *s, size_t len)
{
	if (ycore_is_null(s, len))
		return DV_YS_NULL;
	if (ycore_is_bool(s, len))
		return DV_YS_BOOL;
	if (ycore_is_int(s, len))
		return DV_YS_INT;
	if (ycore_is_float(s, len))
		return DV_YS_FLOAT;
	return DV_YS_STR;
}

bool dv_ycore_fits(dv_yscalar t, const char *s, size_t len)
{
	switch (t) {
	case DV_YS_NULL:
		return ycore_is_null(s, len);
	case DV_YS_BOOL:
		return ycore_is_bool(s, len);
	case DV_YS_INT:
		return ycore_is_int(s, len);
	case DV_YS_FLOAT:
		return ycore_is_float(s, len);
	default:
		return true;
	}
}

/* 0o / 0x digits as an unsigned value; false on overflow. */
static bool ycore_radix_value(const char *s, size_t len, unsigned base,
			      uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned d = s[i] <= '9' ? (unsigned)(s[i] - '0') :
			     (unsigned)((s[i] | 0x20) - 'a' + 10);

		if (v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

bool dv_ycore_int(const char *s, size_t len, int64_t *out)
{
	unsigned base = ycore_radix(s, len);
	uint64_t u;

	if (!base)
		return dv_parse_integer(s, len, out);
	if (!ycore_all_digits(s + 2, len - 2, base) ||
	    !ycore_radix_value(s + 2, len - 2, base, &u) || u > INT64_MAX)
		return false;
	*out = (int64_t)u;
	return true;
}

bool dv_ycore_double(const char *s, size_t len, double *out, bool *finite)
{
	unsigned base = ycore_radix(s, len);
	uint64_t u;
	bool nan;

	*finite = true;
	if (base) {
		if (!ycore_all_digits(s + 2, len - 2, base) ||
		    !ycore_radix_value(s + 2, len - 2, base, &u))
			return false;
		*out = (double)u;
		return true;
	}
	if (ycore_is_special(s, len, &nan)) {
		*finite = false;
		*out = nan ? NAN : (s[0] == '-' ? -INFINITY : INFINITY);
		return true;
	}
	return dv_parse_number(s, len, out);
}

const char *dv_yscalar_name(dv_yscalar t)
{
	static const char *const names[] = { "string", "null", "boolean",
					     "integer", "float" };

	return names[t];
}

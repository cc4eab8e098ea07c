/*
 * Vector text -> dimension, first non-finite element, norm; see vector.h.
 */
#include <math.h>
#include <stdint.h>

#include "value/decimal.h"
#include "value/types.h"
#include "value/vector.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The end of the element that starts at p: the first comma, bracket or
 * space (the element's own syntax is judged by the number parser). */
static const char *element_end(const char *p, const char *end)
{
	while (p < end && *p != ',' && *p != ']' && *p != '[' && !is_space(*p))
		p++;
	return p;
}

/*
 * The common element, [-]digits[.digits] with at most 15 digits in all
 * and then a comma, bracket or space: its value is m / 10^f by
 * dv_num_fast() (Clinger's exact case), the step dv_parse_number takes
 * for the same text. Any
 * other element (an exponent, a sign '+', more digits, other bytes)
 * returns false and goes the general way. *end: where the element ends.
 */
static bool element_plain(const char *p, const char *lim, const char **end,
			  double *x)
{
	const char *q = p;
	uint64_t m = 0;
	unsigned n = 0, frac = 0;
	bool neg = false;

	if (q < lim && *q == '-') {
		neg = true;
		q++;
	}
	for (; q < lim && (unsigned)(*q - '0') <= 9; q++, n++)
		m = m * 10 + (uint64_t)(*q - '0');
	if (q < lim && *q == '.') {
		for (q++; q < lim && (unsigned)(*q - '0') <= 9; q++, n++, frac++)
			m = m * 10 + (uint64_t)(*q - '0');
	}
	if (n == 0 || n > 15)
		return false;
	if (q < lim && *q != ',' && *q != ']' && *q != '[' && !is_space(*q))
		return false;
	if (!dv_num_fast(m, -(int64_t)frac, x))
		return false; /* not with at most 15 digits */
	if (neg)
		*x = -*x;
	*end = q;
	return true;
}

/* One element: true with *x, or with *overflow when it is number text
 * beyond the double range. */
static bool element(const char *s, size_t len, double *x, bool *overflow)
{
	dv_dec lx;

	*overflow = false;
	if (dv_parse_number(s, len, x))
		return true;
	if (len == 0 || !dv_dec_lex(s, len, &lx))
		return false;
	*overflow = true;
	return true;
}

/* One pass over the elements; `scale` > 0 divides each (the second,
 * scaled pass), 0 takes them as they are. False on bad syntax. */
static bool walk(const char *s, size_t len, double scale, dv_vecstat *out,
		 double *sumsq, double *maxabs)
{
	const char *p = s, *end = s + len, *e;
	double x;
	bool over;

	out->dim = 0;
	out->nonfinite = 0;
	*sumsq = 0.0;
	*maxabs = 0.0;
	if (len < 2 || s[0] != '[' || s[len - 1] != ']')
		return false;
	end = s + len - 1; /* the closing bracket */
	p = s + 1;
	while (p < end && is_space(*p))
		p++;
	if (p == end)
		return true; /* [] */
	for (;;) {
		over = false;
		if (!element_plain(p, end, &e, &x)) {
			e = element_end(p, end);
			if (!element(p, (size_t)(e - p), &x, &over))
				return false;
		}
		out->dim++;
		if (over) {
			if (!out->nonfinite)
				out->nonfinite = out->dim;
		} else {
			if (fabs(x) > *maxabs)
				*maxabs = fabs(x);
			if (scale > 0)
				x /= scale;
			*sumsq += x * x;
		}
		p = e;
		while (p < end && is_space(*p))
			p++;
		if (p == end)
			return true;
		if (*p != ',')
			return false;
		p++;
		while (p < end && is_space(*p))
			p++;
		if (p == end)
			return false; /* a trailing comma */
	}
}

bool dv_parse_vector(const char *s, size_t len, dv_vecstat *out)
{
	double sumsq, maxabs, again;

	if (!walk(s, len, 0, out, &sumsq, &maxabs))
		return false;
	if (isinf(sumsq) && !out->nonfinite) {
		walk(s, len, maxabs, out, &sumsq, &again);
		out->norm = maxabs * sqrt(sumsq);
		return true;
	}
	out->norm = sqrt(sumsq);
	return true;
}

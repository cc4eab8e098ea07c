/*
 * Text -> typed value parsers; see types.h.
 *
 * Everything here is locale-free and allocation-free: digits are tested
 * by comparison, never with <ctype.h>, and inputs are byte slices that
 * are never read past their length. strptime-style parsing with a user
 * pattern lives in timefmt.c and shares the calendar and clock helpers
 * declared at the end of types.h.
 */
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "value/decimal.h"
#include "value/eisel_lemire.h"
#include "value/types.h"

static const char *const dv_type_names[DV_T_COUNT] = {
	[DV_T_STRING] = "string",
	[DV_T_INTEGER] = "integer",
	[DV_T_NUMBER] = "number",
	[DV_T_BOOLEAN] = "boolean",
	[DV_T_DATE] = "date",
	[DV_T_DATETIME] = "datetime",
	[DV_T_TIME] = "time",
	[DV_T_ANY] = "any",
	[DV_T_VECTOR] = "vector",
};

static const char *const dv_type_articles[DV_T_COUNT] = {
	[DV_T_STRING] = "a string",
	[DV_T_INTEGER] = "an integer",
	[DV_T_NUMBER] = "a number",
	[DV_T_BOOLEAN] = "a boolean",
	[DV_T_DATE] = "a date",
	[DV_T_DATETIME] = "a datetime",
	[DV_T_TIME] = "a time",
	[DV_T_ANY] = "any value",
	[DV_T_VECTOR] = "a vector",
};

const char *dv_type_name(dv_type t)
{
	return (unsigned)t < DV_T_COUNT ? dv_type_names[t] : "unknown";
}

bool dv_type_parse(const char *name, dv_type *out)
{
	unsigned t;

	for (t = 0; t < DV_T_COUNT; t++) {
		if (strcmp(name, dv_type_names[t]) == 0) {
			*out = (dv_type)t;
			return true;
		}
	}
	return false;
}

const char *dv_type_article(dv_type t)
{
	return (unsigned)t < DV_T_COUNT ? dv_type_articles[t] : "a value";
}

/* Value of an ASCII decimal digit, or a number > 9 for any other byte. */
static unsigned dv_digit(char c)
{
	return (unsigned)((unsigned char)c - '0');
}

bool dv_parse_integer(const char *s, size_t len, int64_t *out)
{
	uint64_t v = 0, lim = INT64_MAX;
	bool neg = false;
	size_t i = 0;
	unsigned d;

	if (len > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	if (neg)
		lim = (uint64_t)INT64_MAX + 1;
	for (; i < len; i++) {
		d = dv_digit(s[i]);
		if (d > 9 || v > (lim - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (!neg)
		*out = (int64_t)v;
	else if (v == lim)
		*out = INT64_MIN;
	else
		*out = -(int64_t)v;
	return true;
}

/*
 * Numbers: dv_dec_lex (decimal.c) checks the syntax of types.h and
 * reports where the digits are. The first 19 significant digits become
 * w < 2^64 with the value w * 10^q; then three exact methods, cheapest
 * first: Clinger's fast path, the Eisel-Lemire algorithm
 * (eisel_lemire.c) and, where that cannot decide, strtod on a normalised
 * copy of all the digits.
 */

/* 10^0 .. 10^22 are exact doubles. */
static const double dv_pow10[] = {
	1e0,  1e1,  1e2,  1e3,	1e4,  1e5,  1e6,  1e7,	1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/*
 * Clinger's fast path: when the significand m <= 2^53 and |e| <= 22 both
 * m and 10^|e| are exact doubles, so one IEEE multiply or divide gives
 * the correctly rounded result. A larger e still works while m * 10^(e-22)
 * stays an exact integer below 2^53.
 */
bool dv_num_fast(uint64_t m, int64_t e, double *out)
{
	uint64_t scale;

	if (m > (1ull << 53))
		return false;
	if (e >= -22 && e <= 22) {
		*out = e < 0 ? (double)m / dv_pow10[-e] : (double)m * dv_pow10[e];
		return true;
	}
	if (e > 22 && e <= 22 + 15) {
		scale = (uint64_t)dv_pow10[e - 22];
		if (m > (1ull << 53) / scale)
			return false;
		*out = (double)(m * scale) * 1e22;
		return true;
	}
	return false;
}

/* The significant digits of a number, cut to what a uint64_t holds. */
typedef struct dv_sig {
	uint64_t w;   /* the first (at most 19) significant digits */
	int64_t q;    /* the value is w * 10^q, or above it when `cut` */
	bool cut;     /* a nonzero digit after the 19th was dropped */
} dv_sig;

/* 10^19 < 2^64: 19 digits never wrap a uint64_t. */
#define DV_SIG_MAX 19

/* n <= 8 bytes at p as a little-endian word: p[0] in the low byte. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static uint64_t dv_load_le(const char *p, size_t n)
{
	uint64_t v = 0;

	memcpy(&v, p, n);
	return v;
}
#else
static uint64_t dv_load_le(const char *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | (unsigned char)p[n];
	return v;
}
#endif

/*
 * The value of eight ASCII digits at p, p[0] the most significant, in
 * three multiply-shift-mask steps on one word instead of eight loop
 * turns (the SWAR digit parsing of Lemire 2021, section 7). With p[0] in
 * the low byte, v * 10 + (v >> 8) puts 10 * p[0] + p[1] in byte 0 (and
 * likewise in bytes 2, 4, 6; no lane exceeds 99, so none carries); the
 * mask keeps those, and the same step on 16-bit then 32-bit lanes joins
 * them into four, then eight digits.
 */
static uint64_t dv_eight_digits(const char *p)
{
	uint64_t v = dv_load_le(p, 8) - 0x3030303030303030ull;

	v = (v * 10 + (v >> 8)) & 0x00ff00ff00ff00ffull;
	v = (v * 100 + (v >> 16)) & 0x0000ffff0000ffffull;
	return (v * 10000 + (v >> 32)) & 0xffffffffull;
}

/* The same for four digits. */
static uint64_t dv_four_digits(const char *p)
{
	uint64_t v = dv_load_le(p, 4) - 0x30303030ull;

	v = (v * 10 + (v >> 8)) & 0x00ff00ffull;
	return (v * 100 + (v >> 16)) & 0xffffull;
}

/* Append the digits of [p, end) to *w while *left allows, eight, then
 * four, then one at a time; returns where it stopped. */
static inline const char *dv_sig_take(uint64_t *wp, const char *p,
				      const char *end, int *leftp)
{
	uint64_t w = *wp;
	int left = *leftp;

	while (end - p >= 8 && left >= 8) {
		w = w * 100000000 + dv_eight_digits(p);
		p += 8;
		left -= 8;
	}
	if (end - p >= 4 && left >= 4) {
		w = w * 10000 + dv_four_digits(p);
		p += 4;
		left -= 4;
	}
	for (; p != end && left > 0; left--)
		w = w * 10 + dv_digit(*p++);
	*wp = w;
	*leftp = left;
	return p;
}

/* True when a digit of [p, end) is not '0'. */
static bool dv_any_nonzero(const char *p, const char *end)
{
	for (; p != end; p++)
		if (*p != '0')
			return true;
	return false;
}

/*
 * Gather the first DV_SIG_MAX significant digits of lx into sg. When all
 * the digits fit, leading zeros included, they are taken as they are
 * (a zero in front adds nothing to w): the common case, with no
 * skipping and nothing cut. Else leading zeros are skipped (in the
 * integer digits, then in the fraction when the integer part is zero)
 * and the rest taken from the integer digits and then the fraction;
 * each digit dropped after the last one taken adds one to q.
 */
static void dv_num_sig(const dv_dec *lx, dv_sig *sg)
{
	const char *p = lx->ib;
	int left = DV_SIG_MAX;
	bool skip = (lx->ie - lx->ib) + (lx->fe - lx->fb) > DV_SIG_MAX;

	sg->w = 0;
	sg->cut = false;
	while (skip && p != lx->ie && *p == '0')
		p++;
	if (p != lx->ie) {
		p = dv_sig_take(&sg->w, p, lx->ie, &left);
		if (p != lx->ie) {
			sg->cut = dv_any_nonzero(p, lx->ie) ||
				  dv_any_nonzero(lx->fb, lx->fe);
			sg->q = lx->exp + (lx->ie - p);
			return;
		}
	}
	p = lx->fb;
	while (skip && sg->w == 0 && p != lx->fe && *p == '0')
		p++;
	p = dv_sig_take(&sg->w, p, lx->fe, &left);
	sg->cut = dv_any_nonzero(p, lx->fe);
	sg->q = lx->exp - (p - lx->fb);
}

/*
 * Eisel-Lemire on sg: the bits of |value| in *bits, DV_DOUBLE_INF_BITS
 * beyond the double range. A cut significand lies strictly between w and
 * w + 1: when both round to the same double, so does everything between
 * them (Lemire 2021, section 11). False: undecided.
 */
static bool dv_num_lemire(const dv_sig *sg, uint64_t *bits)
{
	uint64_t up;

	if (!dv_eisel_lemire(sg->w, sg->q, bits))
		return false;
	return !sg->cut ||
	       (dv_eisel_lemire(sg->w + 1, sg->q, &up) && up == *bits);
}

/* Beyond this a decimal exponent is certain overflow or underflow. */
#define DV_EXP_SAT 1000000000LL

/* Significant digits kept for strtod: 767 suffice to decide any
 * rounding of a double (plus one sticky digit for the rest). */
#define DV_NUM_KEEP 800

/*
 * Slow path: copy the significant digits (at most DV_NUM_KEEP, then a
 * sticky '1' if any dropped digit is nonzero) and a decimal exponent
 * into a stack buffer as "DDDDe-NNN". There is no decimal point, so
 * strtod reads it the same way in every locale.
 */
static bool dv_num_slow(const dv_dec *lx, double *out)
{
	char buf[DV_NUM_KEEP + 32];
	size_t n = 0, dropped = 0;
	bool sticky = false, lead = true;
	const char *p = lx->ib;
	int64_t e;
	char tmp[24];
	size_t t = 0;
	uint64_t ue;

	while (p != lx->fe) {
		if (p == lx->ie) {
			p = lx->fb;
			continue;
		}
		if (lead && *p == '0') {
			p++;
			continue;
		}
		lead = false;
		if (n < DV_NUM_KEEP)
			buf[n++] = *p;
		else if (dropped++, *p != '0')
			sticky = true;
		p++;
	}
	if (n == 0) {
		*out = lx->neg ? -0.0 : 0.0;
		return true;
	}
	if (sticky) {
		buf[n++] = '1';
		dropped--; /* the sticky digit takes a dropped place */
	}
	e = lx->exp - (int64_t)(lx->fe - lx->fb) + (int64_t)dropped;
	if (e > DV_EXP_SAT)
		e = DV_EXP_SAT;
	if (e < -DV_EXP_SAT)
		e = -DV_EXP_SAT;
	buf[n++] = 'e';
	if (e < 0)
		buf[n++] = '-';
	ue = e < 0 ? (uint64_t)-e : (uint64_t)e;
	do
		tmp[t++] = (char)('0' + ue % 10);
	while (ue /= 10);
	while (t)
		buf[n++] = tmp[--t];
	buf[n] = '\0';
	*out = strtod(buf, NULL);
	if (isinf(*out))
		return false;
	if (lx->neg)
		*out = -*out;
	return true;
}

bool dv_parse_number(const char *s, size_t len, double *out)
{
	dv_dec lx;
	dv_sig sg;
	uint64_t bits;

	if (!dv_dec_lex(s, len, &lx))
		return false;
	dv_num_sig(&lx, &sg);
	if (sg.w == 0) {
		*out = lx.neg ? -0.0 : 0.0;
		return true;
	}
	if (sg.cut || !dv_num_fast(sg.w, sg.q, out)) {
		if (!dv_num_lemire(&sg, &bits))
			return dv_num_slow(&lx, out); /* signed; false on overflow */
		if (bits == DV_DOUBLE_INF_BITS)
			return false;
		memcpy(out, &bits, sizeof(*out));
	}
	if (lx.neg)
		*out = -*out;
	return true;
}

unsigned dv_days_in_month(int64_t y, unsigned m)
{
	static const unsigned char mdays[12] = { 31, 28, 31, 30, 31, 30,
						 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* Howard Hinnant's days_from_civil (public domain "chrono-Compatible
 * Low-Level Date Algorithms"): exact for every proleptic year. */
int64_t dv_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

bool dv_digits_n(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0, d;
	size_t i;

	for (i = 0; i < n; i++) {
		d = dv_digit(s[i]);
		if (d > 9)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* YYYY-MM-DD at s[0..10) (length checked by the caller). */
static bool dv_lex_date(const char *s, int64_t *days)
{
	unsigned y, m, d;

	if (!dv_digits_n(s, 4, &y) || s[4] != '-' || !dv_digits_n(s + 5, 2, &m) ||
	    s[7] != '-' || !dv_digits_n(s + 8, 2, &d))
		return false;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > dv_days_in_month(y, m))
		return false;
	*days = dv_days_from_civil(y, m, d);
	return true;
}

bool dv_parse_date(const char *s, size_t len, int64_t *days)
{
	return len == 10 && dv_lex_date(s, days);
}

/*
 * [.digits] at s[0..len): returns the bytes used (0 when there is no
 * '.'; a '.' without a digit fails). Digits past the ninth are read and
 * dropped (truncation, not rounding: 59.9999999999 stays in its second).
 */
static bool dv_lex_frac(const char *s, size_t len, size_t *used, int32_t *ns)
{
	size_t i = 1, k;
	int32_t v = 0;

	*ns = 0;
	*used = 0;
	if (len == 0 || s[0] != '.')
		return true;
	for (; i < len && dv_digit(s[i]) <= 9; i++)
		if (i <= 9)
			v = v * 10 + (int32_t)dv_digit(s[i]);
	if (i == 1)
		return false;
	for (k = i; k <= 9; k++)
		v *= 10;
	*ns = v;
	*used = i;
	return true;
}

/* Z, z, +HH:MM or -HH:MM filling s[0..len); *minutes east of UTC. */
static bool dv_lex_offset(const char *s, size_t len, int *minutes)
{
	unsigned h, m;

	if (len == 1 && (s[0] == 'Z' || s[0] == 'z')) {
		*minutes = 0;
		return true;
	}
	if (len != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' ||
	    !dv_digits_n(s + 1, 2, &h) || !dv_digits_n(s + 4, 2, &m) || h > 23 ||
	    m > 59)
		return false;
	*minutes = (int)(h * 60 + m);
	if (s[0] == '-')
		*minutes = -*minutes;
	return true;
}

/* RFC 3339 section 5.7 leap second rule; see types.h. */
bool dv_clock_fix_leap(struct dv_clock *c)
{
	int utc;

	if (c->h > 23 || c->m > 59 || c->s > 60)
		return false;
	if (c->s < 60)
		return true;
	/* Minute of the day in UTC: a leap second is always 23:59:60 UTC. */
	utc = ((int)(c->h * 60 + c->m) - c->off % 1440 + 2 * 1440) % 1440;
	if (utc != 23 * 60 + 59)
		return false;
	c->s = 59;
	c->ns = 999999999;
	return true;
}

/*
 * HH:MM:SS[.frac][offset] filling all of s[0..len). The offset is
 * required when `need_off`.
 */
static bool dv_lex_clock(const char *s, size_t len, bool need_off,
			 struct dv_clock *c)
{
	size_t used;

	if (len < 8 || !dv_digits_n(s, 2, &c->h) || s[2] != ':' ||
	    !dv_digits_n(s + 3, 2, &c->m) || s[5] != ':' ||
	    !dv_digits_n(s + 6, 2, &c->s))
		return false;
	if (!dv_lex_frac(s + 8, len - 8, &used, &c->ns))
		return false;
	s += 8 + used;
	len -= 8 + used;
	c->off = 0;
	c->has_off = len > 0;
	if (len == 0 ? need_off : !dv_lex_offset(s, len, &c->off))
		return false;
	return dv_clock_fix_leap(c);
}

int64_t dv_clock_secs(const struct dv_clock *c)
{
	return (int64_t)c->h * 3600 + c->m * 60 + c->s - (int64_t)c->off * 60;
}

bool dv_parse_datetime(const char *s, size_t len, int64_t *secs, int32_t *ns)
{
	struct dv_clock c;
	int64_t days;

	if (len < 19 || !dv_lex_date(s, &days))
		return false;
	if (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return false;
	if (!dv_lex_clock(s + 11, len - 11, true, &c))
		return false;
	*secs = days * 86400 + dv_clock_secs(&c);
	*ns = c.ns;
	return true;
}

bool dv_parse_time(const char *s, size_t len, int64_t *secs, int32_t *ns)
{
	struct dv_clock c;

	/* second 60 only where the time in UTC is 23:59 (contract.md Types):
	 * 23:59:60Z, 01:29:60+01:30, or 23:59:60 without an offset */
	if (!dv_lex_clock(s, len, false, &c))
		return false;
	*secs = dv_clock_secs(&c);
	*ns = c.ns;
	return true;
}

/* Three-way compare of two scalars. */
size_t dv_format_double(double d, char *buf, size_t cap)
{
	int prec, n = 0;

	for (prec = 15; prec <= 17; prec++) {
		n = snprintf(buf, cap, "%.*g", prec, d);
		if (n < 0 || (size_t)n >= cap)
			return 0;
		if (strtod(buf, NULL) == d)
			break;
	}
	return (size_t)n;
}

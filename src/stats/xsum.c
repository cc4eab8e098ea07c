/*
 * Exact sums in a long accumulator; see xsum.h.
 */
#include <math.h>
#include <string.h>

#include "stats/xsum.h"

#define DV_XSUM_BIAS 1074 /* bit position of 2^0 */

void dv_xsum_init(dv_xsum *s)
{
	memset(s, 0, sizeof(*s));
}

/* Add (neg: subtract) the 64-bit magnitude m at bit position p, carrying
 * (borrowing) up through the words above. */
static void add_at(dv_xsum *s, unsigned p, uint64_t m, int neg)
{
	unsigned i = p >> 6, sh = p & 63;
	uint64_t lo = m << sh, hi = sh ? m >> (64 - sh) : 0, c, t, t2;

	if (!neg) {
		t = s->w[i] + lo;
		c = t < lo;
		s->w[i++] = t;
		t = s->w[i] + hi;
		t2 = t + c;
		c = (t < hi) | (t2 < t);
		s->w[i++] = t2;
		for (; c && i < DV_XSUM_WORDS; i++)
			c = ++s->w[i] == 0;
	} else {
		c = s->w[i] < lo;
		s->w[i++] -= lo;
		t = s->w[i] - hi;
		t2 = t - c;
		c = (s->w[i] < hi) | (t < c);
		s->w[i++] = t2;
		for (; c && i < DV_XSUM_WORDS; i++)
			c = s->w[i]-- == 0;
	}
}

void dv_xsum_add(dv_xsum *s, double x)
{
	uint64_t b, m;
	unsigned e;

	if (x == 0 || !isfinite(x))
		return;
	memcpy(&b, &x, sizeof(b));
	e = (unsigned)(b >> 52) & 0x7ff;
	m = b & ((UINT64_C(1) << 52) - 1);
	/* a normal x is (m + 2^52) * 2^(e - 1075): its bit 0 at e - 1;
	 * a subnormal is m * 2^-1074: bit 0 at 0 */
	if (e)
		m |= UINT64_C(1) << 52;
	add_at(s, e ? e - 1 : 0, m, (int)(b >> 63));
}

void dv_xsum_add_i64(dv_xsum *s, int64_t v)
{
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	if (m)
		add_at(s, DV_XSUM_BIAS, m, v < 0);
}

void dv_xsum_merge(dv_xsum *dst, const dv_xsum *src)
{
	uint64_t c = 0, t, t2;
	unsigned i;

	for (i = 0; i < DV_XSUM_WORDS; i++) {
		t = dst->w[i] + src->w[i];
		t2 = t + c;
		c = (t < src->w[i]) | (t2 < t);
		dst->w[i] = t2;
	}
}

/* The 64 bits of a at positions p .. p + 63 (0 past the top). */
static uint64_t bits_at(const uint64_t *a, unsigned p)
{
	unsigned i = p >> 6, sh = p & 63;
	uint64_t v = a[i] >> sh;

	if (sh && i + 1 < DV_XSUM_WORDS)
		v |= a[i + 1] << (64 - sh);
	return v;
}

/*
 * The double nearest (ties to even) to (q + r / n) * 2^-1074, where q is
 * a magnitude of DV_XSUM_WORDS words and r < n the remainder of a
 * division by n. Below 2^53 units the double grid is the unit itself
 * (subnormals and the lowest binade), so q is rounded by the fraction
 * r / n; above, the 64 leading bits are converted with a set bit 0
 * standing for every bit and fraction below them, which breaks a false
 * tie and changes nothing else (the conversion drops 11 bits).
 */
static double round_units(const uint64_t *q, uint64_t r, uint64_t n)
{
	unsigned h, lead, pos, k;
	uint64_t top, sticky = r != 0;

	for (h = DV_XSUM_WORDS; h-- > 0;)
		if (q[h])
			break;
	if (h == (unsigned)-1 || (h == 0 && q[0] < (UINT64_C(1) << 53))) {
		top = h == (unsigned)-1 ? 0 : q[0];
		/* the fraction r / n against one half: 2r against n */
		if (r > n - r || (r == n - r && (top & 1)))
			top++;
		return ldexp((double)top, -DV_XSUM_BIAS);
	}
	lead = h * 64 + 63 - (unsigned)__builtin_clzll(q[h]);
	if (lead < 63)
		return ldexp((double)((q[0] << (63 - lead)) | sticky),
			     (int)lead - 63 - DV_XSUM_BIAS);
	pos = lead - 63;
	top = bits_at(q, pos);
	for (k = 0; k < (pos >> 6) && !sticky; k++)
		sticky = q[k] != 0;
	if (pos & 63)
		sticky |= (q[pos >> 6] & ((UINT64_C(1) << (pos & 63)) - 1)) != 0;
	return ldexp((double)(top | sticky), (int)pos - DV_XSUM_BIAS);
}

/* The sum divided by n > 0, correctly rounded: the magnitude is divided
 * word by word from the top (long division, 128 by 64 bits). */
static double quotient(const dv_xsum *s, uint64_t n)
{
	uint64_t a[DV_XSUM_WORDS], c = 1;
	unsigned __int128 cur;
	uint64_t r = 0;
	int neg = (int)(s->w[DV_XSUM_WORDS - 1] >> 63);
	unsigned i;
	double d;

	for (i = 0; i < DV_XSUM_WORDS; i++) {
		a[i] = neg ? ~s->w[i] + c : s->w[i];
		if (neg)
			c = c && a[i] == 0;
	}
	for (i = DV_XSUM_WORDS; i-- > 0;) {
		cur = ((unsigned __int128)r << 64) | a[i];
		a[i] = (uint64_t)(cur / n);
		r = (uint64_t)(cur % n);
	}
	d = round_units(a, r, n);
	return neg ? -d : d;
}

double dv_xsum_value(const dv_xsum *s)
{
	return quotient(s, 1);
}

double dv_xsum_mean(const dv_xsum *s, uint64_t n)
{
	return quotient(s, n);
}

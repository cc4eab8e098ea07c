/*
 * The Eisel-Lemire algorithm; see eisel_lemire.h. Written from the
 * description in Lemire 2021 (sections 5 to 8); the derivation of each
 * step is in the comments.
 *
 * Notation. T = T(q) is the table entry, V = 5^q * 2^(127 - f) with
 * f = floor(log2(5^q)) the real number it approximates (V in
 * [2^127, 2^128)): T = V for 0 <= q <= 55, V - 1 < T <= V for q > 55
 * (truncated), V <= T < V + 1 for q < 0 (rounded up). With w shifted
 * left by lz bits so that its top bit is set, the exact value is
 *   w * 10^q = (w << lz) * V * 2^(q + f - 127 - lz)
 * and q + f = floor(q * log2(10)) since q is an integer.
 */
#include "value/eisel_lemire.h"

/* A 128-bit unsigned integer as two words. */
typedef struct dv_u128 {
	uint64_t hi;
	uint64_t lo;
} dv_u128;

#if defined(__SIZEOF_INT128__) && !defined(DV_NO_INT128)
static dv_u128 dv_mul64(uint64_t a, uint64_t b)
{
	unsigned __int128 p = (unsigned __int128)a * b;
	dv_u128 r = { (uint64_t)(p >> 64), (uint64_t)p };

	return r;
}

static int dv_clz64(uint64_t x)
{
	return __builtin_clzll(x);
}
#else
/* Schoolbook product of 32-bit halves, for compilers without a 128-bit
 * type. */
static dv_u128 dv_mul64(uint64_t a, uint64_t b)
{
	uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
	dv_u128 r;

	r.lo = (mid << 32) | (uint32_t)ll;
	r.hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	return r;
}

static int dv_clz64(uint64_t x)
{
	int n = 0;

	while (!(x >> 63)) {
		x <<= 1;
		n++;
	}
	return n;
}
#endif

/* 5^0 .. 5^4, for the exact ties with negative q. */
static const uint64_t dv_pow5_small[] = { 1, 5, 25, 125, 625 };

/* floor(q * log2(10)) for q in the table's range: 217706 / 2^16
 * approximates log2(10) closely enough there (checked for every q by
 * test_eisel_lemire.c). The offset keeps the shifted value non-negative
 * (-342 * 217706 > -2^27). */
static int dv_floor_log2_pow10(int64_t q)
{
	return (int)((q * 217706 + ((int64_t)2048 << 16)) >> 16) - 2048;
}

/*
 * Round the 54-bit m (53 bits and a rounding bit) at biased binary
 * exponent e2 (the double is m / 2^53 * 2^(e2 - 1023)) to the bits of a
 * double. `tie` says the exact value is m with nothing below: then a
 * rounding bit of 1 is a tie, broken to even.
 */
static uint64_t dv_round(uint64_t m, int e2, bool tie)
{
	int s;

	if (e2 <= 0) {
		/* Subnormal: the unit is 2^-1074, s more bits go. No tie is
		 * possible down here (see dv_eisel_lemire). */
		s = 1 - e2;
		m = s < 64 ? m >> s : 0;
		/* 2^52 after rounding is the smallest normal, and its bits
		 * are those of m: exponent field 1, fraction 0. */
		return (m + 1) >> 1;
	}
	if (tie && (m & 3) == 1)
		m--; /* halfway, and the lower neighbour is even */
	m = (m + 1) >> 1;
	if (m == 1ull << 53) {
		m >>= 1;
		e2++;
	}
	if (e2 >= 0x7ff)
		return DV_DOUBLE_INF_BITS;
	return (uint64_t)e2 << 52 | (m & ((1ull << 52) - 1));
}

bool dv_eisel_lemire(uint64_t w, int64_t q, uint64_t *bits)
{
	const uint64_t *t;
	dv_u128 z, z2;
	uint64_t m, upper, below;
	int lz, e2;
	bool tie;

	if (w == 0 || q < DV_POW5_QMIN) {
		*bits = 0; /* below 2^64 * 10^-343 < 2^-1075: rounds to 0 */
		return true;
	}
	if (q > DV_POW5_QMAX) {
		*bits = DV_DOUBLE_INF_BITS;
		return true;
	}
	lz = dv_clz64(w);
	w <<= lz;
	t = dv_pow5_128[q - DV_POW5_QMIN];
	/* z = the top 128 bits of the 192-bit w * T. Always both partial
	 * products (Mushtak and Lemire 2023): the second costs one multiply
	 * and makes z exact for w * T, which the tie test below needs. */
	z = dv_mul64(w, t[0]);
	z2 = dv_mul64(w, t[1]);
	z.lo += z2.hi;
	z.hi += z.lo < z2.hi;
	/* z >= 2^190 / 2^64 = 2^126, so z.hi has its top bit at 63 or 62:
	 * keep 54 bits in m. By the notation above z.hi = w * T / 2^128 ~
	 * w * 10^q * 2^(lz - 1 - f - q), so w * 10^q ~ m / 2^53 * 2^E with
	 * E = floor(q log2 10) + 1 - lz + (upper + 9) + 53. */
	upper = z.hi >> 63;
	m = z.hi >> (upper + 9);
	below = z.hi & ((1ull << (upper + 9)) - 1);
	e2 = dv_floor_log2_pow10(q) + 63 + (int)upper - lz + 1023;
	/*
	 * An exact tie between two doubles needs w * 10^q to be a 54-bit
	 * odd multiple of a power of two: for q > 0, w * 5^q's odd part
	 * below 2^54, so q <= 23; for q < 0, w divisible by 5^-q with the
	 * quotient at least 2^53, so q >= -4 (Lemire 2021, section 8). When
	 * w * 10^q is exact (0 <= q <= 23, or 5^-q divides w), so is z, and
	 * the product's low word adds nothing (it is 0, or for q < 0 less
	 * than 2^64 of excess from T): a tie is all bits under m's rounding
	 * bit zero.
	 */
	tie = q >= -4 && q <= 23 && z.lo == 0 && below == 0;
	/*
	 * Otherwise w * V and w * T differ by less than w < 2^64, so the
	 * top 128 bits of the exact w * V are z, or z + 1 when T was
	 * truncated (q > 55), or z - 1 when T was rounded up (q < 0). z.hi
	 * holds every bit the rounding looks at, so only a carry or borrow
	 * into it matters: z.lo all ones (q > 55), or zero (q < 0). A borrow
	 * changes nothing when the bits under m are not all zero, nor when
	 * m's rounding bit is 0 (m, and m - 1 with all ones under it, both
	 * round to m / 2); in the subnormal range, where the rounding bit
	 * lies higher, any borrow counts. What is left is a tie when 5^-q
	 * divides w (exact, as above), and undecided else: the caller falls
	 * back. That takes some 74 bits of the product to be zero or all
	 * ones by chance; test_eisel_lemire.c checks that random inputs
	 * never get there.
	 */
	if (q > 55 && z.lo == UINT64_MAX)
		return false;
	if (q < 0 && z.lo == 0 && (e2 <= 0 || (below == 0 && (m & 1))) &&
	    (q < -4 || e2 <= 0 || w % dv_pow5_small[-q] != 0))
		return false;
	*bits = dv_round(m, e2, tie);
	return true;
}

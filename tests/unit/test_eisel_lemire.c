/*
 * Unit tests of the number parser's Eisel-Lemire path
 * (src/value/eisel_lemire.c, its table pow5_128.c, and dv_parse_number
 * in src/value/types.c): every table entry against an exact big-number
 * computation, and the parser bit for bit against glibc's strtod (which
 * rounds correctly) on random doubles in their printed forms, random
 * significands of 1 to 25 digits over the whole exponent range, exact
 * ties between two doubles (from the exact decimal of the midpoint), and
 * the hard cases of the literature.
 *
 * DV_NUMPARSE_N=k multiplies the random counts by k (the default run
 * takes a few seconds; k = 50 checks about 50 million strings).
 */
#include "unit.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "value/eisel_lemire.h"
#include "value/types.h"

/* ---- a small exact big-number kit (32-bit limbs, little-endian) ---- */

#define BN_LIMBS 100 /* 3200 bits: (2^54) * 5^1075 needs about 2551 */

typedef struct bn {
	uint32_t d[BN_LIMBS];
	int n; /* limbs in use; d[n - 1] != 0 unless n == 0 */
} bn;

static void bn_trim(bn *a)
{
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
}

static void bn_set(bn *a, uint64_t v)
{
	memset(a, 0, sizeof(*a));
	a->d[0] = (uint32_t)v;
	a->d[1] = (uint32_t)(v >> 32);
	a->n = 2;
	bn_trim(a);
}

static void bn_mul_small(bn *a, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < a->n; i++) {
		carry += (uint64_t)a->d[i] * m;
		a->d[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry) {
		assert_true(a->n < BN_LIMBS);
		a->d[a->n++] = (uint32_t)carry;
	}
}

static void bn_mul(bn *r, const bn *a, const bn *b)
{
	uint64_t carry;
	int i, j;

	memset(r, 0, sizeof(*r));
	assert_true(a->n + b->n <= BN_LIMBS);
	for (i = 0; i < a->n; i++) {
		carry = 0;
		for (j = 0; j < b->n; j++) {
			carry += (uint64_t)a->d[i] * b->d[j] + r->d[i + j];
			r->d[i + j] = (uint32_t)carry;
			carry >>= 32;
		}
		r->d[i + b->n] = (uint32_t)carry;
	}
	r->n = a->n + b->n;
	bn_trim(r);
}

static void bn_pow5(bn *a, int n)
{
	bn_set(a, 1);
	while (n-- > 0)
		bn_mul_small(a, 5);
}

static int bn_bits(const bn *a)
{
	int b = 0;
	uint32_t top;

	if (a->n == 0)
		return 0;
	for (top = a->d[a->n - 1]; top; top >>= 1)
		b++;
	return (a->n - 1) * 32 + b;
}

/* a shifted by s bits: left for s > 0, right (truncating) for s < 0 */
static void bn_shift(bn *r, const bn *a, int s)
{
	int i, src, limb = (s < 0 ? -s : s) / 32, bit = (s < 0 ? -s : s) % 32;
	uint64_t v;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < BN_LIMBS; i++) {
		src = s >= 0 ? i - limb : i + limb;
		if (s >= 0) {
			v = src >= 0 && src < a->n ? (uint64_t)a->d[src] << bit : 0;
			if (bit && src - 1 >= 0 && src - 1 < a->n)
				v |= (uint64_t)a->d[src - 1] >> (32 - bit);
		} else {
			v = src >= 0 && src < a->n ? a->d[src] >> bit : 0;
			if (bit && src + 1 < a->n && src + 1 >= 0)
				v |= (uint64_t)a->d[src + 1] << (32 - bit);
		}
		r->d[i] = (uint32_t)v;
	}
	r->n = BN_LIMBS;
	bn_trim(r);
}

static int bn_cmp(const bn *a, const bn *b)
{
	int i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* The 128-bit table entry {hi, lo} as a big number. */
static void bn_set128(bn *a, const uint64_t t[2])
{
	memset(a, 0, sizeof(*a));
	a->d[0] = (uint32_t)t[1];
	a->d[1] = (uint32_t)(t[1] >> 32);
	a->d[2] = (uint32_t)t[0];
	a->d[3] = (uint32_t)(t[0] >> 32);
	a->n = 4;
	bn_trim(a);
}

static void bn_add(bn *r, const bn *a, const bn *b)
{
	uint64_t carry = 0;
	int i, n = a->n > b->n ? a->n : b->n;

	memset(r, 0, sizeof(*r));
	assert_true(n < BN_LIMBS);
	for (i = 0; i < n; i++) {
		carry += (uint64_t)(i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		r->d[i] = (uint32_t)carry;
		carry >>= 32;
	}
	r->d[n] = (uint32_t)carry;
	r->n = n + 1;
	bn_trim(r);
}

/* Decimal digits of a (destroyed) into buf; returns the length. */
static size_t bn_decimal(bn *a, char *buf, size_t cap)
{
	char tmp[1200];
	size_t n = 0, k = 0;
	uint64_t rem;
	int i, j;

	if (a->n == 0)
		tmp[n++] = '0';
	while (a->n > 0) {
		rem = 0;
		for (i = a->n - 1; i >= 0; i--) {
			rem = rem << 32 | a->d[i];
			a->d[i] = (uint32_t)(rem / 1000000000u);
			rem %= 1000000000u;
		}
		bn_trim(a);
		for (j = 0; j < 9 && (a->n > 0 || rem); j++) {
			tmp[n++] = (char)('0' + rem % 10);
			rem /= 10;
		}
		for (; a->n > 0 && j < 9; j++)
			tmp[n++] = '0';
		assert_true(n + 9 < sizeof(tmp));
	}
	assert_true(n < cap);
	while (n)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
	return k;
}

/* ---- the table ---- */

/*
 * Every entry T(q) against its definition (eisel_lemire.h): for q >= 0
 * the top 128 bits of 5^q (5^q shifted left when shorter); for q < 0
 * the ceiling of 2^b / 5^-q with b = bits(5^-q) + 127, i.e.
 * (T - 1) * 5^-q < 2^b <= T * 5^-q; and always 2^127 <= T < 2^128.
 */
static void test_table_matches_exact_powers_of_five(void **state)
{
	bn p, t, x, y, z, one;
	int q, n;

	(void)state;
	bn_set(&one, 1);
	for (q = DV_POW5_QMIN; q <= DV_POW5_QMAX; q++) {
		const uint64_t *e = dv_pow5_128[q - DV_POW5_QMIN];

		if (!(e[0] >> 63))
			fail_msg("T(%d): top bit clear", q);
		bn_set128(&t, e);
		if (q >= 0) {
			bn_pow5(&p, q);
			bn_shift(&x, &p, 128 - bn_bits(&p));
			if (bn_cmp(&x, &t) != 0)
				fail_msg("T(%d) is not the top of 5^%d", q, q);
			continue;
		}
		bn_pow5(&p, -q);
		n = bn_bits(&p) + 127;
		bn_shift(&y, &one, n); /* 2^b */
		bn_mul(&x, &t, &p);
		if (bn_cmp(&x, &y) < 0)
			fail_msg("T(%d) * 5^%d < 2^%d: not rounded up", q, -q, n);
		/* (T - 1) * 5^-q < 2^b, i.e. T * 5^-q < 2^b + 5^-q */
		bn_add(&z, &y, &p);
		if (bn_cmp(&x, &z) >= 0)
			fail_msg("T(%d) - 1 still reaches 2^%d: not the ceiling", q, n);
	}
}

/* ---- bit-exact comparison with strtod ---- */

static uint64_t dbits(double d)
{
	uint64_t b;

	memcpy(&b, &d, sizeof(b));
	return b;
}

/* dv_parse_number(s) must be strtod(s) bit for bit; beyond the double
 * range (strtod gives infinity) it must return false. */
static void same_as_strtod(const char *s)
{
	double want = strtod(s, NULL), got;

	if (isinf(want)) {
		if (dv_parse_number(s, strlen(s), &got))
			fail_msg("%s: got %.17g, want overflow", s, got);
		return;
	}
	if (!dv_parse_number(s, strlen(s), &got))
		fail_msg("%s: rejected, want %.17g", s, want);
	if (dbits(got) != dbits(want))
		fail_msg("%s: got %.17g (%016" PRIx64 ") want %.17g (%016" PRIx64 ")",
			 s, got, dbits(got), want, dbits(want));
}

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static long scale_n(long n)
{
	const char *e = getenv("DV_NUMPARSE_N");
	long k = e ? strtol(e, NULL, 10) : 1;

	return n * (k > 0 ? k : 1);
}

/* A random finite double: half uniform bit patterns (every exponent,
 * subnormals included), half ML-like values (a uniform [-1, 1) times a
 * power of ten from 1e-3 to 1e3). */
static double random_double(uint64_t *seed)
{
	uint64_t b = splitmix(seed);
	double d;

	if (b & 1) {
		b = splitmix(seed);
		if ((b >> 52 & 0x7ff) == 0x7ff)
			b &= ~(1ull << 62); /* not NaN or infinity */
		memcpy(&d, &b, sizeof(d));
		return d;
	}
	d = (double)(splitmix(seed) >> 11) / 9007199254740992.0 * 2 - 1;
	return d * pow(10, (int)(b >> 1 & 7) - 3);
}

/* The shortest %.*g form that reads back as d (Python's repr digits). */
static void shortest(double d, char *buf, size_t cap)
{
	int p;
	char tmp[40];

	snprintf(buf, cap, "%.17g", d);
	for (p = 16; p >= 1; p--) {
		snprintf(tmp, sizeof(tmp), "%.*g", p, d);
		if (strtod(tmp, NULL) != d)
			break;
		snprintf(buf, cap, "%s", tmp);
	}
}

static void test_random_doubles_printed_match_strtod(void **state)
{
	uint64_t seed = 42;
	long i, n = scale_n(250000);
	char buf[40];
	double d;

	(void)state;
	for (i = 0; i < n; i++) {
		d = random_double(&seed);
		snprintf(buf, sizeof(buf), "%.17g", d);
		same_as_strtod(buf);
		snprintf(buf, sizeof(buf), "%.16g", d);
		same_as_strtod(buf);
		snprintf(buf, sizeof(buf), "%.15g", d);
		same_as_strtod(buf);
		shortest(d, buf, sizeof(buf));
		same_as_strtod(buf);
	}
}

/* Random [-]digits[.digits]e[-]N with 1..25 digits, the decimal
 * magnitude spread over [-345, 310]: subnormals, underflow to zero,
 * the top of the range and overflow included. */
static void test_random_significands_all_exponents(void **state)
{
	uint64_t seed = 7;
	long i, n = scale_n(400000);
	char buf[64];
	int nd, k, pos, mag;
	size_t len;

	(void)state;
	for (i = 0; i < n; i++) {
		nd = 1 + (int)(splitmix(&seed) % 25);
		pos = (int)(splitmix(&seed) % (unsigned)(nd + 1));
		mag = (int)(splitmix(&seed) % 656) - 345;
		len = 0;
		if (splitmix(&seed) & 1)
			buf[len++] = '-';
		for (k = 0; k < nd; k++) {
			if (k == pos && k > 0)
				buf[len++] = '.';
			buf[len++] = (char)('0' + splitmix(&seed) % 10);
		}
		snprintf(buf + len, sizeof(buf) - len, "e%d", mag - pos);
		same_as_strtod(buf);
	}
}

/* The decimal text of m * 2^k exactly (k may be negative: then it is
 * m * 5^-k digits with exponent k), into buf. */
static void exact_decimal(uint64_t m, int k, char *buf, size_t cap)
{
	bn a, p, r;
	size_t n;

	bn_set(&a, m);
	if (k >= 0) {
		bn_shift(&r, &a, k);
		bn_decimal(&r, buf, cap);
		return;
	}
	bn_pow5(&p, -k);
	bn_mul(&r, &a, &p);
	n = bn_decimal(&r, buf, cap);
	snprintf(buf + n, cap - n, "e%d", k);
}

/* The exact midpoint between d (> 0, finite, below the maximum) and the
 * next double up, and the decimals just above and below it. */
static void check_midpoint(double d)
{
	char buf[1300], alt[1300];
	uint64_t b = dbits(d), frac = b & ((1ull << 52) - 1);
	int ex = (int)(b >> 52), e2;
	char *e;
	size_t n;

	/* d = M * 2^e2 with the 53-bit M (or the subnormal's) */
	if (ex == 0) {
		e2 = -1074;
	} else {
		frac |= 1ull << 52;
		e2 = ex - 1075;
	}
	exact_decimal(2 * frac + 1, e2 - 1, buf, sizeof(buf));
	same_as_strtod(buf);
	/* a 1 or a 9 appended far down: just above and just below */
	e = strchr(buf, 'e');
	n = e ? (size_t)(e - buf) : strlen(buf);
	snprintf(alt, sizeof(alt), "%.*s.00000000000000000000001%s", (int)n, buf,
		 e ? e : "");
	same_as_strtod(alt);
	snprintf(alt, sizeof(alt), "%.*s.99999999999999999999999%s", (int)n, buf,
		 e ? e : "");
	same_as_strtod(alt);
	/* D.999 is above D; step D down by one for "just below" */
	if (buf[n - 1] > '0') {
		memcpy(alt, buf, n);
		alt[n - 1]--;
		snprintf(alt + n, sizeof(alt) - n, ".99999999999999999999999%s",
			 e ? e : "");
		same_as_strtod(alt);
	}
}

static void test_exact_ties_every_range(void **state)
{
	uint64_t seed = 99, b;
	long i, n = scale_n(20000);
	double d;

	(void)state;
	for (i = 0; i < n; i++) {
		b = splitmix(&seed) >> 1;
		if ((b >> 52) >= 0x7fe)
			b &= ~(1ull << 62);
		memcpy(&d, &b, sizeof(d));
		check_midpoint(d);
	}
	/* subnormal midpoints and the edges of the range */
	for (i = 0; i < n / 10; i++) {
		b = splitmix(&seed) & ((1ull << 52) - 1);
		memcpy(&d, &b, sizeof(d));
		check_midpoint(d);
	}
	check_midpoint(4.9406564584124654e-324);
	check_midpoint(2.2250738585072009e-308);
	check_midpoint(2.2250738585072014e-308);
	check_midpoint(nextafter(1.7976931348623157e308, 0));
	check_midpoint(1.0);
	check_midpoint(9007199254740992.0);
}

/* Its answer for w, q against strtod on "We Q"; false when undecided. */
static bool lemire_matches(uint64_t w, int64_t q)
{
	char buf[48];
	uint64_t bits;
	double want;

	snprintf(buf, sizeof(buf), "%" PRIu64 "e%" PRId64, w, q);
	want = strtod(buf, NULL);
	if (!dv_eisel_lemire(w, q, &bits))
		return false;
	if (bits != dbits(want))
		fail_msg("dv_eisel_lemire(%s): %016" PRIx64 ", strtod %016" PRIx64,
			 buf, bits, dbits(want));
	return true;
}

/* The decimal u as "D.DDDDe+N" (one digit before the point). */
static void scientific(uint64_t u, char *buf, size_t cap)
{
	char d[24];
	int n = snprintf(d, sizeof(d), "%" PRIu64, u);

	snprintf(buf, cap, "%c.%se+%d", d[0], d + 1, n - 1);
}

/* w * 10^q and its neighbours w - 1 and w + 1, in two spellings. */
static void check_around(uint64_t w, int q)
{
	char buf[64];
	uint64_t v;

	for (v = w - 1; v != w + 2; v++) {
		snprintf(buf, sizeof(buf), "%" PRIu64 "e%d", v, q);
		same_as_strtod(buf);
	}
	if (!lemire_matches(w, q))
		fail_msg("dv_eisel_lemire(%" PRIu64 "e%d): undecided tie", w, q);
	if (q == 0) {
		scientific(w, buf, sizeof(buf));
		same_as_strtod(buf);
	}
}

/*
 * Ties that Eisel-Lemire itself sees (w < 2^64): a 54-bit odd v times a
 * power of two is halfway between two doubles. q = 0: v << k. q = -j
 * (j <= 4, the only negative exponents with ties): v * 5^j / 10^j.
 * q = j > 0 (j <= 23): v = u * 5^j, written (u << s) * 10^j.
 */
static void test_ties_with_short_significands(void **state)
{
	uint64_t seed = 5, v, w, p5, lo, hi, u;
	long i, n = scale_n(30000);
	int k, j, s;

	(void)state;
	for (i = 0; i < n; i++) {
		v = (splitmix(&seed) >> 11) | 1ull << 53 | 1;
		for (k = 0; k <= 10; k++)
			check_around(v << k, 0);
		for (j = 1, w = v; j <= 4; j++) {
			w *= 5;
			check_around(w, -j);
		}
		j = 1 + (int)(splitmix(&seed) % 23);
		for (p5 = 1, k = 0; k < j; k++)
			p5 *= 5;
		lo = ((1ull << 53) + p5 - 1) / p5;
		hi = (1ull << 54) / p5;
		u = (lo + splitmix(&seed) % (hi - lo + 1)) | 1;
		if (u * p5 >= 1ull << 54 || u * p5 < 1ull << 53)
			continue;
		for (s = 0; s < 64 && !(u >> (63 - s)); s++)
			check_around(u << s, j);
	}
}

static void test_literature_hard_cases(void **state)
{
	static const char *const cases[] = {
		"2.2250738585072011e-308", "2.2250738585072012e-308",
		"2.2250738585072014e-308", "2.2250738585072009e-308",
		"4.9406564584124654e-324", "2.4703282292062327e-324",
		"2.4703282292062328e-324", "4.9406564584124654417656879286822137236505980e-324",
		"1.7976931348623157e308", "1.7976931348623158e308",
		"1.7976931348623159e308", "1.797693134862315807e308",
		"7.2057594037927933e16", "8.98846567431158e307",
		"9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
		"9007199254740991", "9007199254740994", "9007199254740995",
		"18446744073709551615", "18446744073709551616", "18446744073709551617",
		"1e23", "8.589973e9", "0.1", "0.3", "1.1", "1e-300", "1e300",
		"3.0540412e5", "1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126",
		"5e-324", "2e-324", "3e-324", "1e-324", "2.5e-324",
		"4.4501477170144023e-308", "4.4501477170144024e-308",
		"6.9294956446009195e15", "3.3219280948873623e0",
		"9.9999999999999999e22", "1.0000000000000001e23",
		"1448997445238699", "7.038531e-26", "123456789012345678901234567890",
		"0.500000000000000166533453693773481063544750213623046875",
		"3.518437208883201171875e13", "62.5364939768271845828",
		"8.10109172351e-10", "1.50000000000000011102230246251565404236316680908203125",
		"9007199254740993e-30", "4503599627370497.5", "4503599627370496.5",
		"2.22507385850720138309e-308", "0.8998123456789012",
		"-0.012345678901234567", "1e308", "1e309", "1e-342", "1e-343",
		"9.9e-325", "1.8e308", "-0", "-0.0e999", "0e-999",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_as_strtod(cases[i]);
}

/* ---- dv_eisel_lemire on its own ---- */

/* Every q of the table (the binary exponent formula, each entry's use)
 * with the smallest and largest significands, and out of range. */
static void test_lemire_every_exponent(void **state)
{
	int64_t q;
	uint64_t bits;

	(void)state;
	for (q = DV_POW5_QMIN - 5; q <= DV_POW5_QMAX + 5; q++) {
		assert_true(lemire_matches(1, q));
		assert_true(lemire_matches(UINT64_MAX, q));
		assert_true(lemire_matches(9999999999999999999ull, q));
		assert_true(lemire_matches(1ull << 63, q));
	}
	assert_true(dv_eisel_lemire(0, 5, &bits) && bits == 0);
	assert_true(dv_eisel_lemire(7, 1000000, &bits) && bits == DV_DOUBLE_INF_BITS);
	assert_true(dv_eisel_lemire(7, -1000000, &bits) && bits == 0);
}

/* Random w (every length up to 2^64) and q: decided every time (Mushtak
 * and Lemire 2023 prove it for w < 2^64; only exact ties with negative q
 * fall back, and random w are not those) and equal to strtod. */
static void test_lemire_random_always_decides(void **state)
{
	uint64_t seed = 3, w;
	long i, n = scale_n(300000), undecided = 0;
	int64_t q;

	(void)state;
	for (i = 0; i < n; i++) {
		w = splitmix(&seed) >> (splitmix(&seed) % 64);
		q = (int64_t)(splitmix(&seed) % 660) - 346;
		if (!lemire_matches(w ? w : 1, q))
			undecided++;
	}
	assert_int_equal(undecided, 0);
}

/* Ties with negative exponents, where T is rounded up: decided (5^-q
 * divides w, so the product is exact), to even, as with q = 0. */
static void test_lemire_ties_negative_exponents_to_even(void **state)
{
	uint64_t bits;

	(void)state;
	/* 2^52 + 1/2 and 2^52 + 3/2 (the spacing is 1 there) */
	assert_true(dv_eisel_lemire(45035996273704965ull, -1, &bits));
	assert_true(bits == dbits(4503599627370496.0));
	assert_true(dv_eisel_lemire(45035996273704975ull, -1, &bits));
	assert_true(bits == dbits(4503599627370498.0));
	/* 2^53 + 1 = 9007199254740993, as 900719925474099300e-2 */
	assert_true(dv_eisel_lemire(900719925474099300ull, -2, &bits));
	assert_true(bits == dbits(9007199254740992.0));
	assert_true(dv_eisel_lemire(9007199254740993ull, 0, &bits));
	assert_true(bits == dbits(9007199254740992.0));
	assert_true(dv_eisel_lemire(9007199254740995ull, 0, &bits));
	assert_true(bits == dbits(9007199254740996.0));
	/* just off the tie, either side */
	assert_true(dv_eisel_lemire(450359962737049651ull, -2, &bits));
	assert_true(bits == dbits(4503599627370497.0));
	assert_true(dv_eisel_lemire(450359962737049649ull, -2, &bits));
	assert_true(bits == dbits(4503599627370496.0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_matches_exact_powers_of_five),
		cmocka_unit_test(test_lemire_every_exponent),
		cmocka_unit_test(test_lemire_random_always_decides),
		cmocka_unit_test(test_lemire_ties_negative_exponents_to_even),
		cmocka_unit_test(test_literature_hard_cases),
		cmocka_unit_test(test_random_doubles_printed_match_strtod),
		cmocka_unit_test(test_random_significands_all_exponents),
		cmocka_unit_test(test_exact_ties_every_range),
		cmocka_unit_test(test_ties_with_short_significands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

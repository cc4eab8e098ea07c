/*
 * HyperLogLog (src/stats/hll.c), the exact-then-HLL distinct counter
 * (src/stats/distinct.c) and their hash (src/stats/hash64.c, XXH64):
 * reference digests, accuracy against exact distinct counts, merges,
 * serialization round trips and hostile input.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats/distinct.h"
#include "stats/hash64.h"
#include "stats/hll.h"
#include "stats_data.h"
#include "stats_frame.h"
#include "util/alloc.h"

/* XXH64 reference digests (xxHash's documentation and test suites). */
static void test_hash64_reference_digests(void **state)
{
	static const char fox[] = "The quick brown fox jumps over the lazy dog";

	(void)state;
	assert_true(dv_hash64("", 0, 0) == 0xEF46DB3751D8E999ULL);
	assert_true(dv_hash64(NULL, 0, 0) == 0xEF46DB3751D8E999ULL);
	assert_true(dv_hash64("a", 1, 0) == 0xD24EC4F1A98C6E5BULL);
	assert_true(dv_hash64("abc", 3, 0) == 0x44BC2CF5AD770999ULL);
	assert_true(dv_hash64("ABC", 3, 0) == 0xE66AE7354FCFEE98ULL);
	assert_true(dv_hash64("xxhash", 6, 0) == 0x32DD38952C4BC720ULL);
	assert_true(dv_hash64("abcdefghijklmnopqrstuvwxyz12345", 31, 0) ==
		    0x467605901B01D6F6ULL);
	assert_true(dv_hash64(fox, sizeof(fox) - 1, 0) == 0x0B242D361FDA71BCULL);
	assert_true(dv_hash64("", 0, 668718853) == 0x04E830582A31A119ULL);
	assert_true(dv_hash64("a", 1, 191961062) == 0x6E05BA2887C97977ULL);
}

/*
 * Every length 0..71 (the inline short path below 32 bytes, the stripe
 * loop from 32, every tail of both), two seeds, at an odd address: the
 * digests of the system's libxxhash 0.8 (XXH64), computed once with
 * python3 ctypes over bytes (37 i + 11) mod 256.
 */
static void test_hash64_every_length(void **state)
{
	static const uint64_t want[2][72] = { {
		0xEF46DB3751D8E999ULL, 0xF592C0C7639C4CB6ULL, 0x78F1AE91E3B05E99ULL,
		0x22C08528601D4F27ULL, 0xFB1E5CF2F1AE4D95ULL, 0x9D213ECA1F68F273ULL,
		0x0F28996D1449561EULL, 0x5613AC510496C04EULL, 0x57CB2B7521F3E21AULL,
		0xC3F1D09775257B66ULL, 0x920F407F474903FFULL, 0x1BEF4539443A2D5AULL,
		0x2F53B00266039E64ULL, 0xAED0293A7BB13C7AULL, 0x393648AA0A97D46FULL,
		0x90A9714EB00E8D29ULL, 0xC6843CEF99721174ULL, 0xF72E5E622B272AD6ULL,
		0xADE42C5775A43C96ULL, 0xC3BDAB4626258CEAULL, 0xA62C18328D2D838DULL,
		0x2F04FF79D78F8827ULL, 0x1E5B0540DEFC3911ULL, 0x5E6A1FE05D7C06F8ULL,
		0xFA2D58B357E1565EULL, 0x8ADEFB8C854B47A5ULL, 0x2B085F5F9DA33210ULL,
		0x87B80516E95CBBBCULL, 0xFF5C77EF1446F7E5ULL, 0x8B15B1001A84DBDBULL,
		0x6077F1AC1F080751ULL, 0xE4A0E629E519A4AEULL, 0xCC6B8AAADA790B2DULL,
		0x35EC49850475A832ULL, 0xF56A57787FD5FE4EULL, 0x59DE01E65B64555BULL,
		0xBEBB6D8C24FB3CFAULL, 0x5F313A6790502101ULL, 0x9FFD421BA9CD1BABULL,
		0x22984E41B53C1210ULL, 0x3B21ED23EEA85C2DULL, 0x25C2B9E2F81A6A9DULL,
		0x126F6F74A01C7118ULL, 0x03C47EDF3964BB63ULL, 0xA9A8F93CE6F588D3ULL,
		0xFC003D355FA58A61ULL, 0x2AF21F2C679A3B30ULL, 0x16FDD9CA22942DDAULL,
		0xF6C2A2407A06C116ULL, 0x1951EDF80E0E88A1ULL, 0x8966CF42DC674CB9ULL,
		0xCA011706CAF89AA3ULL, 0xC97263946E120E53ULL, 0xF540A55131F40746ULL,
		0xAB9A21D36F37BCE2ULL, 0x66A3EED6214E51FFULL, 0xD44977C91550CF3BULL,
		0x52F38F5975796217ULL, 0x9996904218108A75ULL, 0xD8213A1477E2E240ULL,
		0x2BAFA54DFA33D5A4ULL, 0xCDC4536663934E01ULL, 0x57B94E18C6B9173FULL,
		0xBF9F0BA3CF95B28AULL, 0x155CCCE4BF32BEFCULL, 0xDA5EE441A595CFB8ULL,
		0x4B4FC775AB6CF0FBULL, 0x5E65106AFEA9135EULL, 0x775582F16A463143ULL,
		0x122F5C97B04ED270ULL, 0x0D74D36BAFB8D9C7ULL, 0x81E0A52B9C0E1651ULL,
	}, {
		0xC4349FC93C010000ULL, 0x3F7EBBD0A20F83CCULL, 0x144ECEE310174470ULL,
		0xB829B5FBBA7F12FBULL, 0x4D32E4C842C6371EULL, 0x5E7CC3492DB5A387ULL,
		0x52FF808617F2EDA6ULL, 0x566314BF1BDA8AABULL, 0x696E1FE0E0DF37F4ULL,
		0x0B41ADDA7E7D4818ULL, 0x01112E7AB8C63095ULL, 0x5EC5378DF48B586BULL,
		0x2D0207F88149B069ULL, 0xA0BCB83B80040474ULL, 0xF049A3CFD2EBCC2FULL,
		0x17069DD519D90D9DULL, 0x223FC12E174C04D1ULL, 0x78FE1AE00A07BF2FULL,
		0xCDB9BD1BAC80D4E6ULL, 0xBBC00F71F28159F1ULL, 0xA56C4C2353C90B46ULL,
		0xF0D742EC750FBA3AULL, 0x7BBCC12C2263DA8AULL, 0xD35CD461E8DC01E4ULL,
		0x7AC2FEEF3FF016FEULL, 0x560A1B091E7FDF06ULL, 0x665030E2640DA703ULL,
		0x87D7667F93396E4CULL, 0x32391F0495E7EC91ULL, 0x2584C41097FB46DBULL,
		0xE72573DB4E32507FULL, 0xA348B910BC65B7BDULL, 0x41C2EADA450D18F0ULL,
		0xB6F8C0B76AF8F9DAULL, 0x09FD58AE7A0B367DULL, 0x17C6DCC8D5EF86F8ULL,
		0xCB0119A2746037C9ULL, 0xF1E7DCA4CECEC23FULL, 0xC9663FA0DF314913ULL,
		0x36E20A8E62582668ULL, 0x75B2EA20C3579DFDULL, 0x92603B25CF658353ULL,
		0xC774594EB0B620B9ULL, 0x5CC77C13D608E222ULL, 0xD29E1BC86D712246ULL,
		0x21C6B4801DB17365ULL, 0xB5F3EE790DF537E3ULL, 0x5CE403357B8EF164ULL,
		0x78B640309B14F760ULL, 0xEA2C9C727006FCE6ULL, 0xF2683A905D8FCF93ULL,
		0x61575B3E85D99C6EULL, 0x0C8FEA12AB3D2D86ULL, 0xFC2CC033403B0E77ULL,
		0x72D87A091B815786ULL, 0xD844E0A4840CAEF5ULL, 0xBDE98974BF7B623EULL,
		0x4EE1D155009DB97DULL, 0x2E003FA506FD7E01ULL, 0xDDA4C0DF47AA2458ULL,
		0xFF9D64AAB86AD5ACULL, 0xC2C696FDA69DE3BFULL, 0xC1B811DC92181E8CULL,
		0xDCFE31720304F52BULL, 0x4779D2A26A5085A9ULL, 0x07952988B7909C15ULL,
		0x3CA4F5ADFD30DFD0ULL, 0xC8CDC4B3B3579CF7ULL, 0x9A031A2DB7267E7DULL,
		0xAB926F6CD4AC3485ULL, 0x23FD77E7B28E9C68ULL, 0x2EF1580CCF424B1BULL,
	} };
	static const uint64_t seeds[2] = { 0, 0x9E3779B97F4A7C15ULL };
	unsigned char raw[80];
	size_t n, s;

	(void)state;
	for (n = 0; n < 72; n++)
		raw[n + 1] = (unsigned char)((n * 37 + 11) & 255);
	for (s = 0; s < 2; s++)
		for (n = 0; n < 72; n++)
			assert_true(dv_hash64(raw + 1, n, seeds[s]) == want[s][n]);
}

/* n distinct 8-byte keys from a seed. */
static void add_distinct(dv_hll *h, dv_distinct *d, size_t n, uint64_t seed)
{
	uint64_t s = seed;
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t v = sd_next(&s); /* a bijection of the counter: distinct */

		if (h)
			dv_hll_add(h, &v, sizeof(v));
		if (d)
			assert_int_equal(dv_distinct_add(d, &v, sizeof(v)), DV_SKETCH_OK);
	}
}

static double rel_error(double est, double exact)
{
	return fabs(est - exact) / exact;
}

/* The spec's bound, 2%, for n from 1,000 to 1,000,000, several seeds. */
static void test_hll_accuracy_distinct_keys(void **state)
{
	static const size_t ns[] = { 1000, 10000, 100000, 1000000 / SD_SCALE };
	size_t i;
	uint64_t seed;

	(void)state;
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		for (seed = 1; seed <= 3; seed++) {
			dv_hll *h;
			double e;

			assert_int_equal(dv_hll_new(&h, DV_HLL_P_DEFAULT), DV_SKETCH_OK);
			add_distinct(h, NULL, ns[i], seed * 7919);
			e = rel_error(dv_hll_estimate(h), (double)ns[i]);
			if (e > 0.02)
				fprintf(stderr, "n=%zu seed=%llu: %.4f\n", ns[i],
					(unsigned long long)seed, e);
			assert_true(e <= 0.02);
			assert_int_equal(dv_hll_memory(h), sizeof(void *) * 2 + 16384);
			dv_hll_free(h);
		}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Values with repeats (Zipf, normal rounded) as text keys; the exact
 * distinct count from a sorted array of the values. */
static void test_hll_accuracy_with_repeats(void **state)
{
	size_t n = 1000000 / SD_SCALE, i, exact;
	int d;

	(void)state;
	for (d = 0; d < SD_NDIST; d++) {
		double *x = sd_make((enum sd_dist)d, n, 77);
		uint64_t *bits = malloc(n * sizeof(*bits));
		dv_hll *h;
		char key[64];

		assert_non_null(bits);
		assert_int_equal(dv_hll_new(&h, DV_HLL_P_DEFAULT), DV_SKETCH_OK);
		for (i = 0; i < n; i++) {
			/* normal values rounded to 4 digits: many repeats */
			double v = d == SD_NORMAL ? round(x[i] * 1e4) / 1e4 : x[i];
			int len = snprintf(key, sizeof(key), "%.17g", v);

			dv_hll_add(h, key, (size_t)len);
			memcpy(&bits[i], &v, sizeof(v));
		}
		qsort(bits, n, sizeof(*bits), cmp_u64);
		for (i = 0, exact = 0; i < n; i++)
			exact += !i || bits[i] != bits[i - 1];
		if (exact >= 1000)
			assert_true(rel_error(dv_hll_estimate(h), (double)exact) <= 0.02);
		else
			assert_true(fabs(dv_hll_estimate(h) - (double)exact) <= 0.02 * 1000);
		dv_hll_free(h);
		free(bits);
		free(x);
	}
}

static void test_hll_small_and_empty(void **state)
{
	dv_hll *h;

	(void)state;
	assert_int_equal(dv_hll_new(&h, 3), DV_SKETCH_EINVAL);
	assert_null(h);
	assert_int_equal(dv_hll_new(&h, 19), DV_SKETCH_EINVAL);
	assert_int_equal(dv_hll_new(&h, DV_HLL_P_DEFAULT), DV_SKETCH_OK);
	assert_true(dv_hll_estimate(h) == 0);
	dv_hll_add(h, "x", 1);
	dv_hll_add(h, "x", 1);
	assert_true(fabs(dv_hll_estimate(h) - 1) < 0.01);
	dv_hll_add(h, "y", 1);
	assert_true(fabs(dv_hll_estimate(h) - 2) < 0.01);
	dv_hll_free(h);
	dv_hll_free(NULL);
}

static char *hll_text(const dv_hll *h, size_t *len)
{
	char *t;

	assert_int_equal(dv_hll_serialize(h, &t, len), DV_SKETCH_OK);
	return t;
}

/* Merge is exact: the merged registers equal those of one pass over
 * the union (same serialized text), over random splits. */
static void test_hll_merge_equals_one_pass(void **state)
{
	uint64_t rng = 5;
	int trial;

	(void)state;
	for (trial = 0; trial < 10; trial++) {
		size_t n = 20000 + sd_next(&rng) % 50000, cut = sd_next(&rng) % n, i;
		dv_hll *a, *b, *all, *other;
		char *t1, *t2;
		size_t l1, l2;
		uint64_t s = 100 + (uint64_t)trial;

		assert_int_equal(dv_hll_new(&a, 14), DV_SKETCH_OK);
		assert_int_equal(dv_hll_new(&b, 14), DV_SKETCH_OK);
		assert_int_equal(dv_hll_new(&all, 14), DV_SKETCH_OK);
		for (i = 0; i < n; i++) {
			uint64_t v = sd_next(&s) % (n / 2); /* repeats across parts */

			dv_hll_add(i < cut ? a : b, &v, sizeof(v));
			dv_hll_add(all, &v, sizeof(v));
		}
		assert_int_equal(dv_hll_merge(a, b), DV_SKETCH_OK);
		t1 = hll_text(a, &l1);
		t2 = hll_text(all, &l2);
		assert_int_equal(l1, l2);
		assert_memory_equal(t1, t2, l1);
		assert_int_equal(dv_hll_new(&other, 12), DV_SKETCH_OK);
		assert_int_equal(dv_hll_merge(a, other), DV_SKETCH_EMISMATCH);
		dv_free(t1);
		dv_free(t2);
		dv_hll_free(a);
		dv_hll_free(b);
		dv_hll_free(all);
		dv_hll_free(other);
	}
}

static dv_sketch_status parse_hll(const char *text, size_t len)
{
	dv_hll *h;
	dv_sketch_status st = dv_hll_deserialize(&h, text, len);

	assert_true((st == DV_SKETCH_OK) == (h != NULL));
	dv_hll_free(h);
	return st;
}

static void test_hll_round_trip_and_hostile(void **state)
{
	dv_hll *h, *t;
	char *a, *b;
	size_t la, lb, n;
	unsigned char *f;

	(void)state;
	assert_int_equal(dv_hll_new(&h, 14), DV_SKETCH_OK);
	add_distinct(h, NULL, 50000, 3);
	a = hll_text(h, &la);
	assert_int_equal(dv_hll_deserialize(&t, a, la), DV_SKETCH_OK);
	b = hll_text(t, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	assert_true(dv_hll_estimate(t) == dv_hll_estimate(h));
	dv_free(a);
	dv_free(b);
	dv_hll_free(t);
	dv_hll_free(h);

	/* p = 4 (16 registers): every truncation and change fails */
	assert_int_equal(dv_hll_new(&h, 4), DV_SKETCH_OK);
	add_distinct(h, NULL, 40, 3);
	a = hll_text(h, &la);
	assert_int_equal(sf_sweep(a, la, parse_hll), 0);
	/* a register above 65 - p, with a right checksum: refused */
	f = sf_open(a, la, &n);
	f[6] |= 0x3F; /* register 0 = 63 > 61 */
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_hll(b, lb), DV_SKETCH_ECORRUPT);
	free(b);
	f[5] = 19; /* p out of range */
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_hll(b, lb), DV_SKETCH_ECORRUPT);
	free(b);
	free(f);
	dv_free(a);
	dv_hll_free(h);
}

/* --- the exact-then-HLL counter --- */

static dv_distinct *counter(uint32_t threshold)
{
	dv_distinct *d;

	assert_int_equal(dv_distinct_new(&d, threshold, DV_HLL_P_DEFAULT), DV_SKETCH_OK);
	return d;
}

static void test_distinct_exact_then_hll(void **state)
{
	dv_distinct *d = counter(1000);
	uint64_t zero = 0;
	size_t i;

	(void)state;
	assert_true(dv_distinct_estimate(d) == 0);
	for (i = 0; i < 3; i++) {
		add_distinct(NULL, d, 999, 1); /* the same 999 keys three times */
		assert_true(dv_distinct_is_exact(d));
		assert_true(dv_distinct_estimate(d) == 999);
	}
	/* the hash 0 is a value like any other */
	assert_int_equal(dv_distinct_add_hash(d, zero), DV_SKETCH_OK);
	assert_int_equal(dv_distinct_add_hash(d, zero), DV_SKETCH_OK);
	assert_true(dv_distinct_is_exact(d));
	assert_true(dv_distinct_estimate(d) == 1000);
	assert_true(dv_distinct_memory(d) <= 1000 * 16 + 64 + 8 * 1024);
	add_distinct(NULL, d, 1, 2); /* the 1,001st */
	assert_false(dv_distinct_is_exact(d));
	assert_true(rel_error(dv_distinct_estimate(d), 1001) <= 0.02);
	add_distinct(NULL, d, 100000, 3);
	assert_true(rel_error(dv_distinct_estimate(d), 101001) <= 0.02);
	dv_distinct_free(d);
	assert_int_equal(dv_distinct_new(&d, DV_DISTINCT_EXACT_MAX + 1, 14), DV_SKETCH_EINVAL);
	assert_int_equal(dv_distinct_new(&d, 10, 20), DV_SKETCH_EINVAL);
	dv_distinct_free(NULL);
}

static char *distinct_text(const dv_distinct *d, size_t *len)
{
	char *t;

	assert_int_equal(dv_distinct_serialize(d, &t, len), DV_SKETCH_OK);
	return t;
}

/* Merging both ways equals one pass over the union: exact + exact
 * (below and past the threshold), exact + HLL, HLL + exact, HLL + HLL. */
static void test_distinct_merge_both_ways(void **state)
{
	static const size_t sizes[][2] = {
		{ 100, 200 }, { 600, 600 }, { 0, 700 }, { 5000, 30 }, { 30, 5000 },
		{ 5000, 7000 }
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		dv_distinct *a = counter(1000), *b = counter(1000), *all = counter(1000);
		char *t1, *t2;
		size_t l1, l2;

		/* overlapping: the seed-1 keys are in both */
		add_distinct(NULL, a, sizes[i][0], 1);
		add_distinct(NULL, b, sizes[i][1], 1);
		add_distinct(NULL, b, 50, 9);
		add_distinct(NULL, all, sizes[i][0] > sizes[i][1] ? sizes[i][0] : sizes[i][1], 1);
		add_distinct(NULL, all, 50, 9);
		assert_int_equal(dv_distinct_merge(a, b), DV_SKETCH_OK);
		assert_int_equal(dv_distinct_is_exact(a), dv_distinct_is_exact(all));
		if (dv_distinct_is_exact(all)) {
			assert_true(dv_distinct_estimate(a) == dv_distinct_estimate(all));
		} else {
			/* same registers: the HLL form of the same hashes */
			dv_distinct *x = counter(0), *y = counter(0);

			assert_int_equal(dv_distinct_merge(x, a), DV_SKETCH_OK);
			assert_int_equal(dv_distinct_merge(y, all), DV_SKETCH_OK);
			t1 = distinct_text(x, &l1);
			t2 = distinct_text(y, &l2);
			assert_int_equal(l1, l2);
			assert_memory_equal(t1, t2, l1);
			dv_free(t1);
			dv_free(t2);
			dv_distinct_free(x);
			dv_distinct_free(y);
		}
		dv_distinct_free(a);
		dv_distinct_free(b);
		dv_distinct_free(all);
	}
	{
		dv_distinct *a = counter(10), *b;

		assert_int_equal(dv_distinct_new(&b, 10, 12), DV_SKETCH_OK);
		assert_int_equal(dv_distinct_merge(a, b), DV_SKETCH_EMISMATCH);
		dv_distinct_free(a);
		dv_distinct_free(b);
	}
}

static dv_sketch_status parse_distinct(const char *text, size_t len)
{
	dv_distinct *d;
	dv_sketch_status st = dv_distinct_deserialize(&d, text, len);

	assert_true((st == DV_SKETCH_OK) == (d != NULL));
	dv_distinct_free(d);
	return st;
}

static void test_distinct_round_trip(void **state)
{
	static const size_t ns[] = { 0, 1, 20, 1000, 1001, 30000 };
	size_t i, la, lb;

	(void)state;
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		dv_distinct *d = counter(1000), *t;
		char *a, *b;

		add_distinct(NULL, d, ns[i], 4);
		a = distinct_text(d, &la);
		assert_int_equal(dv_distinct_deserialize(&t, a, la), DV_SKETCH_OK);
		b = distinct_text(t, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		assert_true(dv_distinct_estimate(t) == dv_distinct_estimate(d));
		dv_free(a);
		dv_free(b);
		dv_distinct_free(d);
		dv_distinct_free(t);
	}
}

static void test_distinct_hostile(void **state)
{
	dv_distinct *d = counter(1000);
	size_t la, lb, n;
	unsigned char *f;
	char *a, *b;

	(void)state;
	add_distinct(NULL, d, 20, 4);
	a = distinct_text(d, &la);
	assert_int_equal(sf_sweep(a, la, parse_distinct), 0);
	/* layout: magic 4, version 1, p 1, threshold 4, mode 1, count 4 */
	f = sf_open(a, la, &n);
	assert_int_equal(n, 15 + 20 * 8);
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_distinct(b, lb), DV_SKETCH_OK);
	free(b);
	memcpy(f + 15, f + 23, 8); /* a repeated hash: not ascending */
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_distinct(b, lb), DV_SKETCH_ECORRUPT);
	free(b);
	free(f);
	f = sf_open(a, la, &n);
	f[6] = 10; /* threshold 10 < count 20 */
	f[7] = 0;
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_distinct(b, lb), DV_SKETCH_ECORRUPT);
	free(b);
	f[6] = 0xE8;
	f[7] = 3;
	f[10] = 2; /* mode 2 */
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse_distinct(b, lb), DV_SKETCH_ECORRUPT);
	free(b);
	free(f);
	dv_free(a);
	dv_distinct_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash64_reference_digests),
		cmocka_unit_test(test_hash64_every_length),
		cmocka_unit_test(test_hll_accuracy_distinct_keys),
		cmocka_unit_test(test_hll_accuracy_with_repeats),
		cmocka_unit_test(test_hll_small_and_empty),
		cmocka_unit_test(test_hll_merge_equals_one_pass),
		cmocka_unit_test(test_hll_round_trip_and_hostile),
		cmocka_unit_test(test_distinct_exact_then_hll),
		cmocka_unit_test(test_distinct_merge_both_ways),
		cmocka_unit_test(test_distinct_round_trip),
		cmocka_unit_test(test_distinct_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

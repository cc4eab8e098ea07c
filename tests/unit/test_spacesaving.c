/*
 * Space-Saving heavy hitters (src/stats/spacesaving.c): the guarantees
 * against exact frequency counts (every item above n / capacity held,
 * count - err <= true <= count, err <= n / capacity), exact counts below
 * capacity, merges over random splits, the top list's order with a
 * caller's comparison, long keys, serialization and hostile input.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats/hash64.h"
#include "stats/spacesaving.h"
#include "stats_data.h"
#include "stats_frame.h"
#include "util/alloc.h"

#define RANKS 100000 /* Zipf ranks: the keys are 0 .. RANKS */

static int key_of(int rank, char *buf)
{
	return snprintf(buf, 16, "k%d", rank);
}

/* Zipf ranks with exact counts in freq[0..RANKS] (calloc'd). */
static int *zipf_stream(size_t n, uint64_t seed, uint64_t **freq)
{
	double *t = sd_zipf_table();
	int *r = malloc(n * sizeof(*r));
	uint64_t s = seed;
	size_t i;

	*freq = calloc(RANKS + 1, sizeof(**freq));
	assert_non_null(r);
	assert_non_null(*freq);
	for (i = 0; i < n; i++) {
		r[i] = sd_zipf(&s, t);
		(*freq)[r[i]]++;
	}
	free(t);
	return r;
}

static dv_ss *summary(uint32_t cap)
{
	dv_ss *s;

	assert_int_equal(dv_ss_new(&s, cap, 16), DV_SKETCH_OK);
	return s;
}

static void add_ranks(dv_ss *s, const int *r, size_t n)
{
	char key[16];
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(dv_ss_add(s, key, (size_t)key_of(r[i], key), 1), DV_SKETCH_OK);
}

/* Check the guarantees of s (capacity cap) against the exact counts. */
static void check_bounds(const dv_ss *s, uint32_t cap, const uint64_t *freq, uint64_t n)
{
	dv_ss_item *top = malloc(cap * sizeof(*top));
	char *held = calloc(RANKS + 1, 1);
	size_t got, i;
	int rank;

	assert_non_null(top);
	assert_non_null(held);
	assert_int_equal(dv_ss_total(s), n);
	got = dv_ss_top(s, top, cap, NULL, NULL);
	assert_int_equal(got, dv_ss_size(s));
	for (i = 0; i < got; i++) {
		char key[16];

		assert_true(top[i].len < sizeof(key));
		memcpy(key, top[i].key, top[i].len);
		key[top[i].len] = '\0';
		rank = atoi(key + 1);
		held[rank] = 1;
		assert_true(top[i].count - top[i].err <= freq[rank]);
		assert_true(freq[rank] <= top[i].count);
		assert_true(top[i].err <= n / cap);
		assert_true(top[i].err <= dv_ss_absent_bound(s));
		if (i)
			assert_true(top[i - 1].count >= top[i].count);
	}
	for (rank = 1; rank <= RANKS; rank++) {
		if (freq[rank] > n / cap)
			assert_true(held[rank]);
		if (!held[rank])
			assert_true(freq[rank] <= dv_ss_absent_bound(s));
	}
	assert_true(dv_ss_absent_bound(s) <= n / cap);
	free(top);
	free(held);
}

static void test_ss_zipf_guarantees(void **state)
{
	static const size_t ns[] = { 1, 10, 1000, 100000, 1000000 / SD_SCALE };
	static const uint32_t caps[] = { 10, 100, 1000 };
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		for (j = 0; j < 3; j++) {
			uint64_t *freq;
			int *r = zipf_stream(ns[i], 3 + i, &freq);
			dv_ss *s = summary(caps[j]);

			add_ranks(s, r, ns[i]);
			check_bounds(s, caps[j], freq, ns[i]);
			dv_ss_free(s);
			free(r);
			free(freq);
		}
}

/* Sorted and reversed streams (each item once, then in runs) are the
 * adversarial orders for counter-based summaries. */
static void test_ss_sorted_runs(void **state)
{
	size_t n = 200000 / SD_SCALE, i;
	uint64_t *freq = calloc(RANKS + 1, sizeof(*freq));
	int *r = malloc(n * sizeof(*r));
	int pass;

	(void)state;
	assert_non_null(freq);
	assert_non_null(r);
	for (pass = 0; pass < 2; pass++) {
		dv_ss *s = summary(50);

		memset(freq, 0, (RANKS + 1) * sizeof(*freq));
		for (i = 0; i < n; i++) {
			/* runs: rank k repeated ~k/100 times, ascending or descending */
			int k = (int)(sqrt((double)i * 2) + 1);

			r[pass ? n - 1 - i : i] = k;
			freq[k]++;
		}
		add_ranks(s, r, n);
		check_bounds(s, 50, freq, n);
		dv_ss_free(s);
	}
	free(r);
	free(freq);
}

/* Fewer distinct items than the capacity: every count exact. */
static void test_ss_exact_below_capacity(void **state)
{
	static const char *const keys[] = { "DE", "FR", "US", "DE", "DE", "FR" };
	dv_ss *s = summary(4);
	dv_ss_item top[4];
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++)
		assert_int_equal(dv_ss_add(s, keys[i], 2, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "US", 2, 1000), DV_SKETCH_OK); /* weighted */
	assert_int_equal(dv_ss_absent_bound(s), 0);
	assert_int_equal(dv_ss_top(s, top, 4, NULL, NULL), 3);
	assert_int_equal(top[0].count, 1001);
	assert_memory_equal(top[0].key, "US", 2);
	assert_int_equal(top[1].count, 3);
	assert_int_equal(top[2].count, 2);
	for (i = 0; i < 3; i++)
		assert_int_equal(top[i].err, 0);
	assert_int_equal(dv_ss_top(s, top, 0, NULL, NULL), 0);
	assert_int_equal(dv_ss_top(s, top, 1, NULL, NULL), 1);
	assert_int_equal(top[0].count, 1001);
	assert_int_equal(dv_ss_add(s, "x", 1, 0), DV_SKETCH_EINVAL);
	assert_int_equal(dv_ss_add(s, "x", 1, UINT64_MAX), DV_SKETCH_ELIMIT);
	assert_int_equal(dv_ss_total(s), 1006);
	dv_ss_free(s);
	assert_int_equal(dv_ss_new(&s, 0, 16), DV_SKETCH_EINVAL);
	assert_int_equal(dv_ss_new(&s, 10, 0), DV_SKETCH_EINVAL);
	assert_int_equal(dv_ss_new(&s, DV_SS_CAPACITY_MAX, DV_SS_KEY_MAX), DV_SKETCH_EINVAL);
	dv_ss_free(NULL);
}

/* Numbers as decimal text: ties in numeric order, not byte order. */
static int numeric(void *ud, const unsigned char *a, size_t alen,
		   const unsigned char *b, size_t blen)
{
	char x[32], y[32];
	long u, v;

	(void)ud;
	memcpy(x, a, alen);
	x[alen] = '\0';
	memcpy(y, b, blen);
	y[blen] = '\0';
	u = strtol(x, NULL, 10);
	v = strtol(y, NULL, 10);
	return u < v ? -1 : u > v;
}

static void test_ss_ties_in_caller_order(void **state)
{
	static const char *const keys[] = { "10", "9", "100", "-1", "7", "7" };
	dv_ss *s = summary(10);
	dv_ss_item top[5];
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++)
		assert_int_equal(dv_ss_add(s, keys[i], strlen(keys[i]), 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_top(s, top, 5, numeric, NULL), 5);
	assert_memory_equal(top[0].key, "7", 1); /* count 2 first */
	assert_memory_equal(top[1].key, "-1", 2);
	assert_memory_equal(top[2].key, "9", 1);
	assert_memory_equal(top[3].key, "10", 2);
	assert_memory_equal(top[4].key, "100", 3);
	assert_int_equal(dv_ss_top(s, top, 5, NULL, NULL), 5); /* byte order */
	assert_memory_equal(top[1].key, "-1", 2);
	assert_memory_equal(top[2].key, "10", 2);
	assert_memory_equal(top[3].key, "100", 3);
	assert_memory_equal(top[4].key, "9", 1);
	dv_ss_free(s);
}

/* Keys past key_max: stored cut, still told apart by length and hash. */
static void test_ss_long_keys(void **state)
{
	char a[100], b[100];
	dv_ss *s;
	dv_ss_item top[3];

	(void)state;
	memset(a, 'x', sizeof(a));
	memcpy(b, a, sizeof(b));
	b[99] = 'y'; /* differs past the stored prefix */
	assert_int_equal(dv_ss_new(&s, 4, 8), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, a, 100, 3), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, b, 100, 2), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, a, 50, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, a, 100, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_top(s, top, 3, NULL, NULL), 3);
	assert_int_equal(top[0].count, 4);
	assert_true(top[0].truncated);
	assert_int_equal(top[0].len, 8);
	assert_int_equal(top[0].full_len, 100);
	assert_int_equal(top[1].count, 2);
	assert_int_equal(top[2].count, 1);
	assert_int_equal(top[2].full_len, 50);
	dv_ss_free(s);
}

/* Property: over random splits into 2..6 parts (merged in random
 * shapes: left fold), the merge keeps every guarantee for the whole. */
static void test_ss_merge_random_splits(void **state)
{
	size_t n = 200000 / SD_SCALE;
	uint64_t rng = 17;
	int trial;

	(void)state;
	for (trial = 0; trial < 20; trial++) {
		uint64_t *freq;
		int *r = zipf_stream(n, 40 + (uint64_t)trial, &freq);
		uint32_t cap = trial % 2 ? 20 : 200;
		size_t parts = 2 + sd_next(&rng) % 5, cut[7], p;
		dv_ss *all = summary(cap), *s;

		cut[0] = 0;
		cut[parts] = n;
		for (p = 1; p < parts; p++)
			cut[p] = sd_next(&rng) % (n + 1);
		qsort(cut + 1, parts - 1, sizeof(size_t), sd_cmp_size);
		for (p = 0; p < parts; p++) {
			s = summary(cap);
			add_ranks(s, r + cut[p], cut[p + 1] - cut[p]);
			if (trial % 3 == 0) {
				/* merge into the part: the other direction */
				assert_int_equal(dv_ss_merge(s, all), DV_SKETCH_OK);
				dv_ss_free(all);
				all = s;
			} else {
				assert_int_equal(dv_ss_merge(all, s), DV_SKETCH_OK);
				dv_ss_free(s);
			}
		}
		check_bounds(all, cap, freq, n);
		dv_ss_free(all);
		free(r);
		free(freq);
	}
}

static void test_ss_merge_exact_and_mismatch(void **state)
{
	dv_ss *a = summary(10), *b = summary(10), *c = summary(11);
	dv_ss_item top[10];

	(void)state;
	assert_int_equal(dv_ss_add(a, "x", 1, 5), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(a, "y", 1, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(b, "y", 1, 7), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(b, "z", 1, 2), DV_SKETCH_OK);
	assert_int_equal(dv_ss_merge(a, b), DV_SKETCH_OK);
	assert_int_equal(dv_ss_top(a, top, 10, NULL, NULL), 3);
	assert_int_equal(top[0].count, 8);
	assert_memory_equal(top[0].key, "y", 1);
	assert_int_equal(top[1].count, 5);
	assert_int_equal(top[2].count, 2);
	assert_int_equal(top[0].err + top[1].err + top[2].err, 0);
	assert_int_equal(dv_ss_merge(a, c), DV_SKETCH_EMISMATCH);
	assert_int_equal(dv_ss_total(a), 15);
	dv_ss_free(a);
	dv_ss_free(b);
	dv_ss_free(c);
}

static char *ss_text(const dv_ss *s, size_t *len)
{
	char *t;

	assert_int_equal(dv_ss_serialize(s, &t, len), DV_SKETCH_OK);
	return t;
}

static dv_sketch_status parse(const char *text, size_t len)
{
	dv_ss *s;
	dv_sketch_status st = dv_ss_deserialize(&s, text, len);

	assert_true((st == DV_SKETCH_OK) == (s != NULL));
	dv_ss_free(s);
	return st;
}

/* Round trip: same text, and the copy evolves exactly as the original. */
static void test_ss_round_trip(void **state)
{
	static const size_t ns[] = { 0, 3, 5000 };
	size_t i, la, lb, lc, ld;

	(void)state;
	for (i = 0; i < 3; i++) {
		uint64_t *freq;
		int *r = zipf_stream(ns[i] + 3000, 8, &freq);
		dv_ss *s = summary(30), *t;
		char *a, *b, *c, *d;

		add_ranks(s, r, ns[i]);
		a = ss_text(s, &la);
		assert_int_equal(dv_ss_deserialize(&t, a, la), DV_SKETCH_OK);
		b = ss_text(t, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		add_ranks(s, r + ns[i], 3000);
		add_ranks(t, r + ns[i], 3000);
		c = ss_text(s, &lc);
		d = ss_text(t, &ld);
		assert_int_equal(lc, ld);
		assert_memory_equal(c, d, lc);
		dv_free(a);
		dv_free(b);
		dv_free(c);
		dv_free(d);
		dv_ss_free(s);
		dv_ss_free(t);
		free(r);
		free(freq);
	}
}

static void test_ss_hostile(void **state)
{
	dv_ss *s;
	char *a, *b;
	size_t la, lb, n;
	unsigned char *f, *g;

	(void)state;
	assert_int_equal(dv_ss_new(&s, 5, 8), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "ab", 2, 3), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "abcdef", 6, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "c", 1, 2), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "abcdefghij", 10, 5), DV_SKETCH_OK); /* cut */
	a = ss_text(s, &la);
	assert_int_equal(sf_sweep(a, la, parse), 0);
	f = sf_open(a, la, &n);
	g = malloc(n);
	assert_non_null(g);
	/* layout: magic 4, version 1, cap 4 @5, key_max 4 @9, n 8 @13,
	 * size 4 @21, entries @25: count 8, err 8, hash 8, len 4, bytes */
#define MUTATE(stmt)                                              \
	do {                                                      \
		memcpy(g, f, n);                                  \
		stmt;                                             \
		b = sf_seal(g, n, &lb);                           \
		assert_int_equal(parse(b, lb), DV_SKETCH_ECORRUPT); \
		free(b);                                          \
	} while (0)
	b = sf_seal(f, n, &lb);
	assert_int_equal(parse(b, lb), DV_SKETCH_OK);
	free(b);
	MUTATE(g[5] = 3);                 /* capacity 3 < size 4 */
	MUTATE(g[9] = 0);                 /* key_max 0 */
	MUTATE(g[13] = 7);                /* n != sum of counts (not full) */
	MUTATE(g[21] = 5);                /* more entries than bytes */
	MUTATE(g[25] = 9);                /* heap order broken */
	MUTATE(g[33] = 1);                /* err > 0 though not full */
	MUTATE(g[41] ^= 1);               /* hash of a whole key wrong */
	MUTATE(g[25 + 28] ^= 1);          /* key byte: hash mismatch */
	MUTATE(g[25] = 0);                /* count 0 */
#undef MUTATE
	free(f);
	free(g);
	dv_free(a);
	dv_ss_free(s);
}

/*
 * The stream-summary against a plain Space-Saving (Metwally et al. 2005,
 * Algorithm 1) over an array: the new key replaces the entry of the
 * smallest count, the one that reached that count first. Every entry's
 * count and err agree, with weights of 1 and more, and dv_ss_add_hash
 * with dv_hash64 is dv_ss_add.
 */
struct ref_entry {
	int rank;
	uint64_t count, err, stamp;
};

static void test_ss_matches_plain_algorithm(void **state)
{
	enum { CAP = 40, N = 30000 };
	struct ref_entry ref[CAP];
	size_t size = 0, i, j, got;
	uint64_t *freq, stamp = 0;
	int *r = zipf_stream(N, 99, &freq);
	dv_ss *s = summary(CAP);
	dv_ss_item top[CAP];
	char key[16];

	(void)state;
	for (i = 0; i < N; i++) {
		uint64_t w = i % 7 == 3 ? 1 + i % 5 : 1;
		size_t len = (size_t)key_of(r[i], key);

		assert_int_equal(i % 2 ? dv_ss_add(s, key, len, w) :
			dv_ss_add_hash(s, key, len, dv_hash64(key, len, 0), w),
			DV_SKETCH_OK);
		for (j = 0; j < size && ref[j].rank != r[i]; j++)
			;
		if (j == size && size < CAP) {
			ref[size++] = (struct ref_entry){ r[i], 0, 0, 0 };
		} else if (j == size) {
			for (j = 0, got = 1; got < CAP; got++)
				if (ref[got].count < ref[j].count ||
				    (ref[got].count == ref[j].count &&
				     ref[got].stamp < ref[j].stamp))
					j = got;
			ref[j].rank = r[i];
			ref[j].err = ref[j].count;
		}
		ref[j].count += w;
		ref[j].stamp = ++stamp;
	}
	got = dv_ss_top(s, top, CAP, NULL, NULL);
	assert_int_equal(got, size);
	for (i = 0; i < got; i++) {
		for (j = 0; j < size; j++)
			if ((size_t)key_of(ref[j].rank, key) == top[i].len &&
			    !memcmp(key, top[i].key, top[i].len))
				break;
		assert_true(j < size);
		assert_int_equal(top[i].count, ref[j].count);
		assert_int_equal(top[i].err, ref[j].err);
	}
	dv_ss_free(s);
	free(r);
	free(freq);
}

/* A frame from the earlier writer, entries in heap order but not sorted
 * (1, 5, 2), loads, and is written back sorted (1, 2, 5). */
static void test_ss_heap_order_frame(void **state)
{
	dv_ss *s, *t;
	char *a, *b, *c;
	size_t la, lb, lc, n;
	unsigned char *f, *g;
	dv_ss_item top[3];

	(void)state;
	assert_int_equal(dv_ss_new(&s, 3, 8), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "a", 1, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "b", 1, 5), DV_SKETCH_OK);
	assert_int_equal(dv_ss_add(s, "c", 1, 2), DV_SKETCH_OK);
	a = ss_text(s, &la);
	f = sf_open(a, la, &n);
	g = malloc(n);
	assert_non_null(g);
	/* entries of 29 bytes at 25: a(1) c(2) b(5) -> a(1) b(5) c(2) */
	assert_int_equal(n, 25 + 3 * 29);
	assert_int_equal(f[25 + 29], 2);
	memcpy(g, f, n);
	memcpy(g + 25 + 29, f + 25 + 58, 29);
	memcpy(g + 25 + 58, f + 25 + 29, 29);
	b = sf_seal(g, n, &lb);
	assert_int_equal(dv_ss_deserialize(&t, b, lb), DV_SKETCH_OK);
	assert_int_equal(dv_ss_top(t, top, 3, NULL, NULL), 3);
	assert_memory_equal(top[0].key, "b", 1);
	assert_int_equal(top[0].count, 5);
	assert_memory_equal(top[2].key, "a", 1);
	c = ss_text(t, &lc);
	assert_int_equal(lc, la);
	assert_memory_equal(a, c, la);
	/* full: "a" (count 1) gives way */
	assert_int_equal(dv_ss_add(t, "d", 1, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ss_absent_bound(t), 2);
	free(f);
	free(g);
	free(b);
	dv_free(a);
	dv_free(c);
	dv_ss_free(s);
	dv_ss_free(t);
}

/* Keys that share their hash (the caller's: dv_ss_add_hash) are told
 * apart by their bytes: every length from 1 to 20 (the short keys are
 * compared word-wise) with one byte changed at each position, counted
 * exactly. */
static void test_ss_same_hash_keys_apart(void **state)
{
	unsigned char key[20];
	dv_ss *s;
	dv_ss_item top[256];
	size_t n, p, i, got, want = 0;

	(void)state;
	assert_int_equal(dv_ss_new(&s, 256, 32), DV_SKETCH_OK);
	for (n = 1; n <= 20; n++) {
		for (p = 0; p <= n; p++) {
			for (i = 0; i < n; i++)
				key[i] = i == p ? 'b' : 'a';
			/* p == n: all 'a'; each key n + 1 times */
			for (i = 0; i <= n; i++)
				assert_int_equal(dv_ss_add_hash(s, key, n, 42, 1),
						 DV_SKETCH_OK);
			want++;
		}
	}
	got = dv_ss_top(s, top, 256, NULL, NULL);
	assert_int_equal(got, want);
	for (i = 0; i < got; i++) {
		assert_int_equal(top[i].count, top[i].full_len + 1);
		assert_int_equal(top[i].err, 0);
	}
	dv_ss_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ss_zipf_guarantees),
		cmocka_unit_test(test_ss_sorted_runs),
		cmocka_unit_test(test_ss_exact_below_capacity),
		cmocka_unit_test(test_ss_ties_in_caller_order),
		cmocka_unit_test(test_ss_long_keys),
		cmocka_unit_test(test_ss_merge_random_splits),
		cmocka_unit_test(test_ss_merge_exact_and_mismatch),
		cmocka_unit_test(test_ss_round_trip),
		cmocka_unit_test(test_ss_hostile),
		cmocka_unit_test(test_ss_matches_plain_algorithm),
		cmocka_unit_test(test_ss_heap_order_frame),
		cmocka_unit_test(test_ss_same_hash_keys_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Allocation-failure sweep of the sketches of src/stats/, included by
 * test_alloc_fail.c (linked with the failing allocator). Each run fails
 * the Nth allocation and every later one; the operation that met the
 * failure must return DV_SKETCH_ENOMEM and leave its sketch as it was
 * (checked with the allocator healed: same count, and it serializes and
 * reads back), and everything is freed (LeakSanitizer in `make test`).
 */
#ifndef DV_TESTS_ALLOC_FAIL_STATS_H
#define DV_TESTS_ALLOC_FAIL_STATS_H

#include "stats/distinct.h"
#include "stats/hll.h"
#include "stats/kll.h"
#include "stats/moments.h"
#include "stats/spacesaving.h"
#include "util/alloc.h"

/* A failed operation: heal the allocator, check the kll is intact. */
static void kll_intact(const dv_kll *s, uint64_t n)
{
	dv_kll *t;
	char *text;
	size_t len;

	dv_alloc_fail_after(-1);
	assert_int_equal(dv_kll_count(s), n);
	assert_int_equal(dv_kll_serialize(s, &text, &len), DV_SKETCH_OK);
	assert_int_equal(dv_kll_deserialize(&t, text, len), DV_SKETCH_OK);
	dv_kll_free(t);
	dv_free(text);
}

static void distinct_intact(const dv_distinct *d, double est)
{
	dv_distinct *t;
	char *text;
	size_t len;

	dv_alloc_fail_after(-1);
	assert_true(dv_distinct_estimate(d) == est);
	assert_int_equal(dv_distinct_serialize(d, &text, &len), DV_SKETCH_OK);
	assert_int_equal(dv_distinct_deserialize(&t, text, len), DV_SKETCH_OK);
	dv_distinct_free(t);
	dv_free(text);
}

static void ss_intact(const dv_ss *s, uint64_t n)
{
	dv_ss *t;
	char *text;
	size_t len;

	dv_alloc_fail_after(-1);
	assert_int_equal(dv_ss_total(s), n);
	assert_int_equal(dv_ss_serialize(s, &text, &len), DV_SKETCH_OK);
	assert_int_equal(dv_ss_deserialize(&t, text, len), DV_SKETCH_OK);
	dv_ss_free(t);
	dv_free(text);
}

/* Build, grow, merge, serialize and read back every kind of sketch. */
static dv_sketch_status stats_scenario(void)
{
	dv_kll *k = NULL, *k2 = NULL;
	dv_distinct *d = NULL, *d2 = NULL;
	dv_ss *s = NULL, *s2 = NULL;
	dv_hll *h = NULL;
	dv_moments m;
	double q;
	char *t = NULL, key[16];
	size_t len;
	dv_sketch_status st;
	int i;

	dv_moments_init(&m);
	st = dv_kll_new(&k, 8, 1);
	if (st == DV_SKETCH_OK)
		st = dv_kll_new(&k2, 8, 2);
	for (i = 0; i < 200 && st == DV_SKETCH_OK; i++) {
		st = dv_kll_add(i % 3 ? k : k2, (double)((i * 37) % 101));
		if (st != DV_SKETCH_OK)
			kll_intact(i % 3 ? k : k2, (uint64_t)(i % 3 ? i - i / 3 - 1 : i / 3));
	}
	if (st == DV_SKETCH_OK) {
		uint64_t n = dv_kll_count(k);

		st = dv_kll_merge(k, k2);
		if (st != DV_SKETCH_OK)
			kll_intact(k, n);
	}
	if (st == DV_SKETCH_OK)
		st = dv_kll_quantile(k, 0.5, &q);
	if (st == DV_SKETCH_OK)
		st = dv_kll_ks(k, k2, &q);
	if (st == DV_SKETCH_OK)
		st = dv_kll_serialize(k, &t, &len);
	if (st == DV_SKETCH_OK) {
		dv_kll_free(k2);
		k2 = NULL;
		st = dv_kll_deserialize(&k2, t, len);
	}
	dv_free(t);
	t = NULL;

	if (st == DV_SKETCH_OK)
		st = dv_distinct_new(&d, 20, 4);
	if (st == DV_SKETCH_OK)
		st = dv_distinct_new(&d2, 20, 4);
	for (i = 0; i < 30 && st == DV_SKETCH_OK; i++) {
		dv_distinct *x = i % 2 ? d : d2;
		double before = dv_distinct_estimate(x);

		st = dv_distinct_add(x, &i, sizeof(i));
		if (st != DV_SKETCH_OK)
			distinct_intact(x, before);
	}
	if (st == DV_SKETCH_OK) {
		double before = dv_distinct_estimate(d);

		st = dv_distinct_merge(d, d2);
		if (st != DV_SKETCH_OK)
			distinct_intact(d, before);
	}
	if (st == DV_SKETCH_OK)
		st = dv_distinct_serialize(d2, &t, &len);
	if (st == DV_SKETCH_OK) {
		dv_distinct_free(d);
		d = NULL;
		st = dv_distinct_deserialize(&d, t, len);
	}
	dv_free(t);
	t = NULL;

	if (st == DV_SKETCH_OK)
		st = dv_ss_new(&s, 4, 8);
	if (st == DV_SKETCH_OK)
		st = dv_ss_new(&s2, 4, 8);
	for (i = 0; i < 20 && st == DV_SKETCH_OK; i++) {
		int l = snprintf(key, sizeof(key), "k%d", i % 7);

		st = dv_ss_add(i % 2 ? s : s2, key, (size_t)l, 1);
	}
	if (st == DV_SKETCH_OK) {
		st = dv_ss_merge(s, s2);
		if (st != DV_SKETCH_OK)
			ss_intact(s, 10);
	}
	if (st == DV_SKETCH_OK)
		st = dv_ss_serialize(s, &t, &len);
	if (st == DV_SKETCH_OK) {
		dv_ss_free(s2);
		s2 = NULL;
		st = dv_ss_deserialize(&s2, t, len);
	}
	dv_free(t);
	t = NULL;

	if (st == DV_SKETCH_OK)
		st = dv_hll_new(&h, 4);
	if (st == DV_SKETCH_OK) {
		dv_hll_add(h, "x", 1);
		st = dv_hll_serialize(h, &t, &len);
	}
	dv_free(t);
	t = NULL;
	if (st == DV_SKETCH_OK)
		st = dv_moments_add(&m, 1.5);
	if (st == DV_SKETCH_OK)
		st = dv_moments_serialize(&m, &t, &len);
	if (st == DV_SKETCH_OK)
		st = dv_moments_deserialize(&m, t, len);
	dv_free(t);
	dv_kll_free(k);
	dv_kll_free(k2);
	dv_distinct_free(d);
	dv_distinct_free(d2);
	dv_ss_free(s);
	dv_ss_free(s2);
	dv_hll_free(h);
	return st;
}

static void test_alloc_fail_stats(void **state)
{
	long n;
	dv_sketch_status st;

	(void)state;
	for (n = 0;; n++) {
		dv_alloc_fail_after(n);
		st = stats_scenario();
		dv_alloc_fail_after(-1);
		if (st == DV_SKETCH_OK)
			break;
		if (st != DV_SKETCH_ENOMEM)
			fail_msg("allocation %ld failed: status %d, not ENOMEM", n + 1, (int)st);
	}
	assert_true(n > 40);
}

#endif

/*
 * Moments (src/stats/moments.c): Welford's mean and variance against a
 * two-pass computation, with large offsets, Chan et al.'s merge over
 * random splits, serialization and hostile input.
 */
#include "unit.h"

#include <math.h>
#include <stdlib.h>

#include "stats/moments.h"
#include "stats_data.h"
#include "stats_frame.h"
#include "util/alloc.h"

#define REL 1e-12

/* Two-pass mean and population variance in long double, on the data
 * less its first value (so the reference itself loses nothing to the
 * offset). */
static void two_pass(const double *x, size_t n, double *mean, double *var)
{
	long double s = 0, ss = 0, m;
	size_t i;

	for (i = 0; i < n; i++)
		s += (long double)x[i] - x[0];
	m = s / n;
	for (i = 0; i < n; i++) {
		long double d = (long double)x[i] - x[0] - m;

		ss += d * d;
	}
	*mean = (double)(m + x[0]);
	*var = (double)(ss / n);
}

/* Mean within REL of max(|mean|, stddev) (a mean near zero has no
 * relative digits to keep), variance within REL relative. */
static void check_against_two_pass(const dv_moments *m, const double *x, size_t n)
{
	double mean, var, scale;
	size_t i;

	two_pass(x, n, &mean, &var);
	scale = fmax(fabs(mean), sqrt(var));
	assert_int_equal(m->n, n);
	assert_true(fabs(dv_moments_mean(m) - mean) <= REL * scale);
	if (var == 0)
		assert_true(dv_moments_variance(m) == 0);
	else
		assert_true(fabs(dv_moments_variance(m) - var) <= REL * var);
	assert_true(fabs(dv_moments_stddev(m) - sqrt(var)) <= REL * sqrt(var) + 1e-300);
	for (i = 0; i < n; i++) {
		assert_true(m->min <= x[i]);
		assert_true(m->max >= x[i]);
	}
}

static dv_moments moments_of(const double *x, size_t n)
{
	dv_moments m;
	size_t i;

	dv_moments_init(&m);
	for (i = 0; i < n; i++)
		assert_int_equal(dv_moments_add(&m, x[i]), DV_SKETCH_OK);
	return m;
}

static void test_moments_empty_and_one(void **state)
{
	dv_moments m;

	(void)state;
	dv_moments_init(&m);
	assert_int_equal(m.n, 0);
	assert_true(dv_moments_mean(&m) == 0);
	assert_true(dv_moments_variance(&m) == 0);
	assert_int_equal(dv_moments_add(&m, NAN), DV_SKETCH_EINVAL);
	assert_int_equal(dv_moments_add(&m, INFINITY), DV_SKETCH_EINVAL);
	assert_int_equal(m.n, 0);
	assert_int_equal(dv_moments_add(&m, -2.5), DV_SKETCH_OK);
	assert_true(dv_moments_mean(&m) == -2.5);
	assert_true(dv_moments_stddev(&m) == 0);
	assert_true(m.min == -2.5 && m.max == -2.5);
	assert_int_equal(dv_moments_add(&m, 2.5), DV_SKETCH_OK);
	assert_true(dv_moments_mean(&m) == 0);
	assert_true(dv_moments_stddev(&m) == 2.5); /* population */
}

static void test_moments_against_two_pass(void **state)
{
	static const size_t ns[] = { 1, 2, 7, 1000, 100000, 1000000 / SD_SCALE };
	static const double offsets[] = { 0, 1e9, -1e12, 1e-6 };
	size_t i, j, k;
	int d;

	(void)state;
	for (d = 0; d < SD_NDIST; d++)
		for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
			for (j = 0; j < 4; j++) {
				double *x = sd_make((enum sd_dist)d, ns[i], 9);
				dv_moments m;

				for (k = 0; k < ns[i]; k++)
					x[k] = offsets[j] + x[k] * (j == 3 ? 1e-9 : 1);
				m = moments_of(x, ns[i]);
				check_against_two_pass(&m, x, ns[i]);
				free(x);
			}
}

/* Naive sum of squares loses everything at 1e9 + noise; Welford must
 * not (a guard that the test data really is the hard case). */
static void test_moments_large_offset_is_hard(void **state)
{
	size_t n = 100000, i;
	double *x = sd_make(SD_NORMAL, n, 4), s = 0, ss = 0, mean, var;
	dv_moments m;

	(void)state;
	for (i = 0; i < n; i++) {
		x[i] += 1e9;
		s += x[i];
		ss += x[i] * x[i];
	}
	two_pass(x, n, &mean, &var);
	assert_true(fabs((ss - s * s / n) / n - var) > 0.01 * var); /* naive fails */
	m = moments_of(x, n);
	assert_true(fabs(dv_moments_variance(&m) - var) <= REL * var);
	free(x);
}

/* Property: merge of random splits (2..9 parts, empty parts too) equals
 * the one-pass figures: count, min, max exactly, mean and variance
 * within the tolerance. */
static void test_moments_merge_random_splits(void **state)
{
	size_t n = 50000;
	uint64_t rng = 3;
	int trial;

	(void)state;
	for (trial = 0; trial < 40; trial++) {
		double *x = sd_make((enum sd_dist)(trial % SD_NDIST), n, 70 + (uint64_t)trial);
		size_t parts = 2 + sd_next(&rng) % 8, cut[10], p, k;
		dv_moments all, one, s;

		if (trial % 2)
			for (k = 0; k < n; k++)
				x[k] += 1e9;
		cut[0] = 0;
		cut[parts] = n;
		for (p = 1; p < parts; p++)
			cut[p] = sd_next(&rng) % (n + 1);
		qsort(cut + 1, parts - 1, sizeof(size_t), sd_cmp_size);
		dv_moments_init(&all);
		for (p = 0; p < parts; p++) {
			s = moments_of(x + cut[p], cut[p + 1] - cut[p]);
			assert_int_equal(dv_moments_merge(&all, &s), DV_SKETCH_OK);
		}
		one = moments_of(x, n);
		assert_int_equal(all.n, one.n);
		assert_true(all.min == one.min);
		assert_true(all.max == one.max);
		check_against_two_pass(&all, x, n);
		free(x);
	}
}

static char *text_of(const dv_moments *m, size_t *len)
{
	char *t;

	assert_int_equal(dv_moments_serialize(m, &t, len), DV_SKETCH_OK);
	return t;
}

static dv_sketch_status parse(const char *text, size_t len)
{
	dv_moments m;

	return dv_moments_deserialize(&m, text, len);
}

static void test_moments_round_trip_and_hostile(void **state)
{
	static const double x[] = { 3, 1e9, -4.25, 0.1 };
	size_t n, la, lb, i;
	char *a, *b;
	unsigned char *f;
	double nan = NAN, neg = -1, lo = -5;

	(void)state;
	for (n = 0; n <= 4; n++) {
		dv_moments m = moments_of(x, n), t;

		a = text_of(&m, &la);
		memset(&t, 0xAB, sizeof(t));
		assert_int_equal(dv_moments_deserialize(&t, a, la), DV_SKETCH_OK);
		assert_memory_equal(&t, &m, sizeof(m));
		b = text_of(&t, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		if (n == 4)
			assert_int_equal(sf_sweep(a, la, parse), 0);
		dv_free(b);
		if (n != 4)
			dv_free(a);
	}
	/* layout: magic 4, version 1, n @5, shift @13, mean @21,
	 * mean_c @29, m2 @37, m2_c @45, min @53, max @61 */
	f = sf_open(a, la, &n);
	assert_int_equal(n, 69);
	for (i = 0; i < 5; i++) {
		unsigned char g[69];

		memcpy(g, f, n);
		if (i == 0)
			memcpy(g + 21, &nan, 8);
		else if (i == 1)
			memcpy(g + 37, &neg, 8); /* m2 < 0 */
		else if (i == 2)
			memcpy(g + 61, &lo, 8); /* max -5 < min -4.25 */
		else if (i == 3)
			memset(g + 5, 0, 8); /* n = 0 with figures */
		else
			memcpy(g + 45, &nan, 8);
		b = sf_seal(g, n, &lb);
		assert_int_equal(parse(b, lb), DV_SKETCH_ECORRUPT);
		free(b);
	}
	free(f);
	dv_free(a);
}

static void test_moments_merge_empty_and_overflow(void **state)
{
	dv_moments a, e, big;

	(void)state;
	a = moments_of((const double[]){ 1, 2, 3 }, 3);
	dv_moments_init(&e);
	assert_int_equal(dv_moments_merge(&a, &e), DV_SKETCH_OK);
	assert_int_equal(a.n, 3);
	assert_int_equal(dv_moments_merge(&e, &a), DV_SKETCH_OK);
	assert_memory_equal(&e, &a, sizeof(a));
	big = a;
	big.n = UINT64_MAX - 1;
	assert_int_equal(dv_moments_merge(&big, &a), DV_SKETCH_ELIMIT);
	assert_int_equal(big.n, UINT64_MAX - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moments_empty_and_one),
		cmocka_unit_test(test_moments_against_two_pass),
		cmocka_unit_test(test_moments_large_offset_is_hard),
		cmocka_unit_test(test_moments_merge_random_splits),
		cmocka_unit_test(test_moments_round_trip_and_hostile),
		cmocka_unit_test(test_moments_merge_empty_and_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Exact KS of a stream against a baseline sketch (src/stats/ksrun.c):
 * the counter method against a brute force over every point of both
 * distributions, on seeded data (uniform, normal, ties, few distinct
 * integers, sorted) against exact and compacted baselines; merges of
 * random splits give the same bits; the bound against the exact KS of
 * the baseline's own data; kll.h's steps against its ranks.
 */
#include "unit.h"

#include <math.h>
#include <stdlib.h>

#include "stats/kll.h"
#include "stats/ksrun.h"
#include "stats_data.h"
#include "util/alloc.h"

#define K DV_KLL_K_DEFAULT

enum run_kind { R_UNIFORM, R_NORMAL, R_TIES, R_INTS, R_SORTED, R_NKIND };

/* n run values of a kind, shifted by `shift` (new array). */
static double *run_data(enum run_kind kind, size_t n, uint64_t seed, double shift)
{
	double *x = malloc(n * sizeof(*x));
	uint64_t s = seed;
	size_t i;

	assert_non_null(x);
	for (i = 0; i < n; i++) {
		switch (kind) {
		case R_UNIFORM:
			x[i] = sd_unit(&s) * 4 - 2;
			break;
		case R_NORMAL:
			x[i] = sd_normal(&s);
			break;
		case R_TIES: /* a tenth's grid: many equal values */
			x[i] = round(sd_normal(&s) * 10) / 10;
			break;
		case R_INTS:
			x[i] = (double)(sd_next(&s) % 5);
			break;
		default:
			x[i] = (double)i / (double)n * 4 - 2;
			break;
		}
		x[i] += shift;
	}
	return x;
}

static dv_kll *sketch_of(const double *x, size_t n, uint64_t seed)
{
	dv_kll *s;
	size_t i;

	assert_int_equal(dv_kll_new(&s, K, seed), DV_SKETCH_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(dv_kll_add(s, x[i]), DV_SKETCH_OK);
	return s;
}

/* The steps of kll.h, checked against dv_kll_rank: each point's count
 * is the sketch's rank there, nothing lies strictly between two points
 * or below the first, and the last count is the sketch's. */
static void steps_of(const dv_kll *b, double **pts, uint64_t **cum, size_t *n)
{
	double r;
	size_t i;

	assert_int_equal(dv_kll_steps(b, pts, cum, n), DV_SKETCH_OK);
	assert_true(*n >= 1);
	assert_true((*cum)[*n - 1] == dv_kll_count(b));
	for (i = 0; i < *n; i++) {
		if (i)
			assert_true((*pts)[i - 1] < (*pts)[i]);
		assert_int_equal(dv_kll_rank(b, (*pts)[i], true, &r), DV_SKETCH_OK);
		assert_true(r == (double)(*cum)[i] / (double)dv_kll_count(b));
		assert_int_equal(dv_kll_rank(b, (*pts)[i], false, &r), DV_SKETCH_OK);
		assert_true(r == (i ? (double)(*cum)[i - 1] : 0) /
				     (double)dv_kll_count(b));
	}
}

/* Values of sorted a[0..n) <= x. */
static uint64_t count_le(const double *a, size_t n, double x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* sup |F_run - F_base| by brute force: both CDFs (right-continuous
 * steps) evaluated at every run value and every baseline point. */
static double brute_ks(const double *run, size_t n, const dv_kll *b)
{
	double *pts, *sorted = malloc(n * sizeof(*sorted)), d = 0;
	uint64_t *cum, bn = dv_kll_count(b);
	size_t np, i, j;

	assert_non_null(sorted);
	memcpy(sorted, run, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), sd_cmp_double);
	steps_of(b, &pts, &cum, &np);
	for (i = 0; i < n + np; i++) {
		double x = i < n ? sorted[i] : pts[i - n], fr, fb, e;
		size_t k = count_le(pts, np, x);
		uint64_t w = k ? cum[k - 1] : 0;

		j = count_le(sorted, n, x);
		fr = (double)j / (double)n;
		fb = (double)w / (double)bn;
		e = fabs(fr - fb);
		if (e > d)
			d = e;
	}
	dv_free(pts);
	dv_free(cum);
	free(sorted);
	return d;
}

static double counter_ks(const double *run, size_t n, const dv_kll *b)
{
	dv_ksrun k;
	double d;
	size_t i;

	assert_int_equal(dv_ksrun_init(&k, b), DV_SKETCH_OK);
	for (i = 0; i < n; i++)
		dv_ksrun_add(&k, run[i]);
	assert_true(k.n == n);
	assert_int_equal(dv_ksrun_distance(&k, &d), DV_SKETCH_OK);
	dv_ksrun_release(&k);
	return d;
}

/* The counter method equals the brute force exactly, over run kinds and
 * shifts, against a baseline that is exact (small) or compacted, of
 * normal values or of integers (run values equal to its points). */
static void test_ksrun_equals_brute_force(void **state)
{
	size_t base_n[2] = { 300, 50000 / SD_SCALE }, run_n = 20000 / SD_SCALE;
	double shifts[3] = { 0, 0.3, 2 };
	int bk, bs, kind, sh;

	(void)state;
	for (bk = 0; bk < 2; bk++)
		for (bs = 0; bs < 2; bs++) {
			double *bx = run_data(bk ? R_INTS : R_NORMAL, base_n[bs],
					      7 + (uint64_t)bs, 0);
			dv_kll *b = sketch_of(bx, base_n[bs], 3);

			assert_true(dv_kll_is_exact(b) == (bs == 0));
			for (kind = 0; kind < R_NKIND; kind++)
				for (sh = 0; sh < 3; sh++) {
					double *x = run_data((enum run_kind)kind, run_n,
							     100 + (uint64_t)kind,
							     shifts[sh]);
					double want = brute_ks(x, run_n, b);

					assert_true(counter_ks(x, run_n, b) == want);
					assert_true(counter_ks(x, 1, b) ==
						    brute_ks(x, 1, b));
					free(x);
				}
			dv_kll_free(b);
			free(bx);
		}
}

/* Counters of random splits add up to the whole's: the same bits. */
static void test_ksrun_merge_is_exact(void **state)
{
	size_t n = 30000 / SD_SCALE, i, p;
	double *bx = run_data(R_NORMAL, 40000 / SD_SCALE, 5, 0);
	dv_kll *b = sketch_of(bx, 40000 / SD_SCALE, 9);
	uint64_t rng = 77;
	int trial;

	(void)state;
	for (trial = 0; trial < 10; trial++) {
		double *x = run_data((enum run_kind)(trial % R_NKIND), n,
				     (uint64_t)trial, 0.1);
		size_t parts = 2 + sd_next(&rng) % 6;
		dv_ksrun whole, part;
		double dw, dm;

		assert_int_equal(dv_ksrun_init(&whole, b), DV_SKETCH_OK);
		for (p = 0; p < parts; p++) {
			assert_int_equal(dv_ksrun_init(&part, b), DV_SKETCH_OK);
			for (i = p; i < n; i += parts)
				dv_ksrun_add(&part, x[i]);
			for (i = 0; i < part.n_pts; i++)
				whole.eq[i] += part.eq[i];
			for (i = 0; i <= part.n_pts; i++)
				whole.gap[i] += part.gap[i];
			whole.n += part.n;
			dv_ksrun_release(&part);
		}
		assert_int_equal(dv_ksrun_distance(&whole, &dm), DV_SKETCH_OK);
		dv_ksrun_release(&whole);
		dw = counter_ks(x, n, b);
		assert_true(dm == dw);
		free(x);
	}
	dv_kll_free(b);
	free(bx);
}

/* Within the spec's 0.02 of the exact KS between the run's data and the
 * baseline's own data (the only error is the baseline sketch's). */
static void test_ksrun_within_sketch_error(void **state)
{
	size_t bn = 200000 / SD_SCALE, n = 50000 / SD_SCALE, i, j;
	double *bx = run_data(R_NORMAL, bn, 21, 0);
	dv_kll *b = sketch_of(bx, bn, 4);
	int sh;

	(void)state;
	qsort(bx, bn, sizeof(*bx), sd_cmp_double);
	for (sh = 0; sh < 3; sh++) {
		double *x = run_data(R_NORMAL, n, 22, 0.1 * sh), got, want = 0;

		qsort(x, n, sizeof(*x), sd_cmp_double);
		for (i = 0; i < n + bn; i++) {
			double v = i < n ? x[i] : bx[i - n], e;

			j = count_le(bx, bn, v);
			e = fabs((double)count_le(x, n, v) / (double)n -
				 (double)j / (double)bn);
			if (e > want)
				want = e;
		}
		got = counter_ks(x, n, b);
		assert_true(fabs(got - want) <= 0.02);
		free(x);
	}
	dv_kll_free(b);
	free(bx);
}

/* Nothing counted, an empty baseline, values it cannot order. */
static void test_ksrun_edges(void **state)
{
	double one = 1, d;
	dv_kll *b = sketch_of(&one, 1, 1), *empty;
	dv_ksrun k;

	(void)state;
	assert_int_equal(dv_ksrun_init(&k, b), DV_SKETCH_OK);
	assert_int_equal(dv_ksrun_distance(&k, &d), DV_SKETCH_EINVAL);
	dv_ksrun_add(&k, NAN);
	dv_ksrun_add(&k, INFINITY);
	dv_ksrun_add(&k, -INFINITY);
	assert_true(k.n == 0);
	dv_ksrun_add(&k, 1);
	assert_int_equal(dv_ksrun_distance(&k, &d), DV_SKETCH_OK);
	assert_true(d == 0);
	dv_ksrun_add(&k, 0);  /* half below the only point */
	dv_ksrun_add(&k, 5);
	dv_ksrun_add(&k, 5);  /* F_run(1) = 2/4 against 1 */
	assert_int_equal(dv_ksrun_distance(&k, &d), DV_SKETCH_OK);
	assert_true(d == 0.5);
	assert_true(k.gap[0] == 1 && k.eq[0] == 1 && k.gap[1] == 2);
	dv_ksrun_release(&k);
	dv_kll_free(b);

	assert_int_equal(dv_kll_new(&empty, K, 1), DV_SKETCH_OK);
	assert_int_equal(dv_ksrun_init(&k, empty), DV_SKETCH_OK);
	dv_ksrun_add(&k, 3);
	assert_true(k.n == 1);
	assert_int_equal(dv_ksrun_distance(&k, &d), DV_SKETCH_EINVAL);
	dv_ksrun_release(&k);
	dv_kll_free(empty);
}

/* The counters against a linear count of the points below each value,
 * for baselines the bucket index (ksrun.c) finds hard: a skewed one
 * (most points in few buckets), one point, a range past the doubles;
 * the values are the points, their neighbours, values outside and far
 * outside the range. */
static void check_counters(const double *base, size_t nb)
{
	dv_kll *b = NULL;
	dv_ksrun k;
	uint64_t *eq, *gap, seed = 3;
	size_t i, j, lo;
	double probe[6];

	assert_int_equal(dv_kll_new(&b, K, 9), DV_SKETCH_OK);
	for (i = 0; i < nb; i++)
		assert_int_equal(dv_kll_add(b, base[i]), DV_SKETCH_OK);
	assert_int_equal(dv_ksrun_init(&k, b), DV_SKETCH_OK);
	eq = calloc(k.n_pts + 1, sizeof(*eq));
	gap = calloc(k.n_pts + 2, sizeof(*gap));
	assert_true(eq && gap);
	for (i = 0; i < k.n_pts + 40; i++) {
		double p = i < k.n_pts ? k.pts[i] : (sd_unit(&seed) - 0.5) * 1e6;

		probe[0] = p;
		probe[1] = nextafter(p, -INFINITY);
		probe[2] = nextafter(p, INFINITY);
		probe[3] = -1e308;
		probe[4] = 1e308;
		probe[5] = p * 0.5;
		for (j = 0; j < 6; j++) {
			dv_ksrun_add(&k, probe[j]);
			for (lo = 0; lo < k.n_pts && k.pts[lo] < probe[j]; lo++)
				;
			if (lo < k.n_pts && k.pts[lo] == probe[j])
				eq[lo]++;
			else
				gap[lo]++;
		}
	}
	for (i = 0; i < k.n_pts; i++)
		assert_int_equal(k.eq[i], eq[i]);
	for (i = 0; i <= k.n_pts; i++)
		assert_int_equal(k.gap[i], gap[i]);
	free(eq);
	free(gap);
	dv_ksrun_release(&k);
	dv_kll_free(b);
}

static void test_ksrun_bucket_index(void **state)
{
	double x[3000];
	uint64_t s = 11;
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++) /* skewed: exp of a wide normal */
		x[i] = exp(sd_normal(&s) * 6);
	check_counters(x, 3000);
	x[0] = 42;
	check_counters(x, 1);
	x[0] = -1.5e308;
	x[1] = 1.5e308;
	x[2] = 0;
	check_counters(x, 3);
	for (i = 0; i < 3000; i++) /* a grid with ties and negative values */
		x[i] = (double)((int)(i % 97) - 48) / 8;
	check_counters(x, 3000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ksrun_equals_brute_force),
		cmocka_unit_test(test_ksrun_merge_is_exact),
		cmocka_unit_test(test_ksrun_within_sketch_error),
		cmocka_unit_test(test_ksrun_edges),
		cmocka_unit_test(test_ksrun_bucket_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

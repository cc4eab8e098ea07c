/*
 * KLL quantile sketch (src/stats/kll.c): accuracy against exact sorted
 * data over seeded distributions, KS distances, merges over random
 * splits, determinism, serialization round trips and hostile input.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats/kll.h"
#include "stats/wire.h"
#include "stats_data.h"
#include "stats_frame.h"
#include "util/alloc.h"

#define K DV_KLL_K_DEFAULT
#define RANK_EPS 0.01

static dv_kll *sketch_of(const double *x, size_t n, uint32_t k, uint64_t seed)
{
	dv_kll *s;
	size_t i;

	assert_int_equal(dv_kll_new(&s, k, seed), DV_SKETCH_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(dv_kll_add(s, x[i]), DV_SKETCH_OK);
	return s;
}

/* Worst rank error of the 15 spec quantiles and of the CDF at 200
 * points of the data, against sorted[0..n). */
static double worst_error(const dv_kll *s, const double *sorted, size_t n)
{
	double q[15], worst = 0, e, r;
	size_t i;

	assert_int_equal(dv_kll_quantiles(s, sd_quantiles, 15, q), DV_SKETCH_OK);
	for (i = 0; i < 15; i++) {
		e = sd_rank_error(sorted, n, q[i], sd_quantiles[i]);
		worst = e > worst ? e : worst;
	}
	for (i = 0; i < 200; i++) {
		double v = sorted[i * (n - 1) / 199];

		assert_int_equal(dv_kll_rank(s, v, true, &r), DV_SKETCH_OK);
		e = fabs(r - sd_cdf(sorted, n, v));
		worst = e > worst ? e : worst;
	}
	return worst;
}

static void check_exact_fields(const dv_kll *s, const double *sorted, size_t n)
{
	double v;

	assert_int_equal(dv_kll_count(s), n);
	assert_true(dv_kll_min(s, &v));
	assert_true(v == sorted[0]);
	assert_true(dv_kll_max(s, &v));
	assert_true(v == sorted[n - 1]);
}

static void test_kll_empty(void **state)
{
	dv_kll *s, *t;
	double v = 7;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(dv_kll_new(&s, K, 1), DV_SKETCH_OK);
	assert_int_equal(dv_kll_count(s), 0);
	assert_false(dv_kll_min(s, &v));
	assert_false(dv_kll_max(s, &v));
	assert_true(v == 7);
	assert_int_equal(dv_kll_quantile(s, 0.5, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_rank(s, 0.5, true, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_ks(s, s, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_serialize(s, &text, &len), DV_SKETCH_OK);
	assert_int_equal(dv_kll_deserialize(&t, text, len), DV_SKETCH_OK);
	assert_int_equal(dv_kll_count(t), 0);
	dv_free(text);
	dv_kll_free(t);
	dv_kll_free(s);
	dv_kll_free(NULL);
}

static void test_kll_bad_arguments(void **state)
{
	dv_kll *s;
	double v;

	(void)state;
	assert_int_equal(dv_kll_new(&s, DV_KLL_K_MIN - 1, 1), DV_SKETCH_EINVAL);
	assert_null(s);
	assert_int_equal(dv_kll_new(&s, DV_KLL_K_MAX + 1, 1), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_new(&s, K, 1), DV_SKETCH_OK);
	assert_int_equal(dv_kll_add(s, NAN), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_add(s, INFINITY), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_add(s, -INFINITY), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_count(s), 0);
	assert_int_equal(dv_kll_add(s, 1), DV_SKETCH_OK);
	assert_int_equal(dv_kll_quantile(s, -0.1, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_quantile(s, 1.1, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_quantile(s, NAN, &v), DV_SKETCH_EINVAL);
	assert_int_equal(dv_kll_rank(s, NAN, true, &v), DV_SKETCH_EINVAL);
	dv_kll_free(s);
}

/* n = 1 and a few values: nothing compacted, answers exact:
 * sorted[ceil(q n) - 1], q = 0 the minimum. */
static void test_kll_small_is_exact(void **state)
{
	static const double x[] = { 5, 3, 9, 1, 7, 3, 10, 2, 8, 4 };
	double sorted[10], v, r;
	size_t n, i;

	(void)state;
	for (n = 1; n <= 10; n++) {
		dv_kll *s = sketch_of(x, n, K, 1);

		memcpy(sorted, x, n * sizeof(double));
		qsort(sorted, n, sizeof(double), sd_cmp_double);
		assert_true(dv_kll_is_exact(s));
		check_exact_fields(s, sorted, n);
		for (i = 0; i < 15; i++) {
			size_t idx = (size_t)ceil(sd_quantiles[i] * (double)n - 1e-9) - 1;

			assert_int_equal(dv_kll_quantile(s, sd_quantiles[i], &v), DV_SKETCH_OK);
			assert_true(v == sorted[idx]);
		}
		assert_int_equal(dv_kll_quantile(s, 0, &v), DV_SKETCH_OK);
		assert_true(v == sorted[0]);
		assert_int_equal(dv_kll_quantile(s, 1, &v), DV_SKETCH_OK);
		assert_true(v == sorted[n - 1]);
		assert_int_equal(dv_kll_rank(s, 3, true, &r), DV_SKETCH_OK);
		assert_true(r == sd_cdf(sorted, n, 3));
		dv_kll_free(s);
	}
	/* ten values: the 0.3 quantile is the third, not the fourth */
	{
		static const double t[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		dv_kll *s = sketch_of(t, 10, K, 1);

		assert_int_equal(dv_kll_quantile(s, 0.3, &v), DV_SKETCH_OK);
		assert_true(v == 3);
		assert_int_equal(dv_kll_rank(s, 3, false, &r), DV_SKETCH_OK);
		assert_true(r == 0.2);
		dv_kll_free(s);
	}
}

static void accuracy(enum sd_dist d, size_t n)
{
	double *x = sd_make(d, n, 1000 + (uint64_t)d);
	dv_kll *s = sketch_of(x, n, K, 7);
	double worst;

	qsort(x, n, sizeof(double), sd_cmp_double);
	check_exact_fields(s, x, n);
	worst = worst_error(s, x, n);
	if (worst > RANK_EPS)
		fprintf(stderr, "%s n=%zu: rank error %.4f\n", sd_dist_name[d], n, worst);
	assert_true(worst <= RANK_EPS);
	assert_true(dv_kll_memory(s) < 12 * 1024);
	dv_kll_free(s);
	free(x);
}

static void test_kll_accuracy(void **state)
{
	static const size_t ns[] = { 2, 3, 50, 1000, 10000, 100000, 1000000 / SD_SCALE };
	int d;
	size_t i;

	(void)state;
	for (d = 0; d < SD_NDIST; d++)
		for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
			accuracy((enum sd_dist)d, ns[i]);
}

/* Exact KS distance of two sorted samples. */
static double exact_ks(const double *a, size_t na, const double *b, size_t nb)
{
	size_t i = 0, j = 0;
	double d = 0;

	while (i < na || j < nb) {
		double x = j == nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];

		while (i < na && a[i] <= x)
			i++;
		while (j < nb && b[j] <= x)
			j++;
		if (fabs((double)i / na - (double)j / nb) > d)
			d = fabs((double)i / na - (double)j / nb);
	}
	return d;
}

static void test_kll_ks(void **state)
{
	size_t n = 200000 / SD_SCALE, i;
	int pair;

	(void)state;
	for (pair = 0; pair < 4; pair++) {
		double *a = sd_make(pair == 3 ? SD_ZIPF : SD_NORMAL, n, 11);
		double *b = sd_make(pair == 3 ? SD_ZIPF : SD_NORMAL, n / 2, 12);
		dv_kll *sa, *sb;
		double got, want;

		for (i = 0; i < n / 2; i++)
			b[i] += pair == 1 ? 0.1 : pair == 2 ? 1.0 : pair == 3 ? 1 : 0;
		sa = sketch_of(a, n, K, 1);
		sb = sketch_of(b, n / 2, K, 2);
		qsort(a, n, sizeof(double), sd_cmp_double);
		qsort(b, n / 2, sizeof(double), sd_cmp_double);
		want = exact_ks(a, n, b, n / 2);
		assert_int_equal(dv_kll_ks(sa, sb, &got), DV_SKETCH_OK);
		assert_true(fabs(got - want) <= 0.02);
		assert_int_equal(dv_kll_ks(sa, sa, &got), DV_SKETCH_OK);
		assert_true(got == 0);
		dv_kll_free(sa);
		dv_kll_free(sb);
		free(a);
		free(b);
	}
}

/* Property: over random splits into 2..8 parts, the merge of the parts'
 * sketches has the exact count, min and max of the whole and its rank
 * error within the bound. */
static void test_kll_merge_random_splits(void **state)
{
	size_t n = 100000 / SD_SCALE;
	uint64_t rng = 99;
	int trial;

	(void)state;
	for (trial = 0; trial < 25; trial++) {
		enum sd_dist d = (enum sd_dist)(trial % SD_NDIST);
		double *x = sd_make(d, n, 500 + (uint64_t)trial);
		size_t parts = 2 + sd_next(&rng) % 7, cut[9], p;
		dv_kll *all, *s;

		cut[0] = 0;
		cut[parts] = n;
		for (p = 1; p < parts; p++)
			cut[p] = sd_next(&rng) % (n + 1);
		qsort(cut + 1, parts - 1, sizeof(size_t), sd_cmp_size);
		assert_int_equal(dv_kll_new(&all, K, 1), DV_SKETCH_OK);
		for (p = 0; p < parts; p++) {
			s = sketch_of(x + cut[p], cut[p + 1] - cut[p], K, 10 + p);
			assert_int_equal(dv_kll_merge(all, s), DV_SKETCH_OK);
			dv_kll_free(s);
		}
		qsort(x, n, sizeof(double), sd_cmp_double);
		check_exact_fields(all, x, n);
		assert_true(worst_error(all, x, n) <= RANK_EPS);
		dv_kll_free(all);
		free(x);
	}
}

static void test_kll_merge_edge_cases(void **state)
{
	static const double x[] = { 4, 1, 3 };
	dv_kll *a, *b, *e, *other;
	double v;

	(void)state;
	a = sketch_of(x, 3, K, 1);
	assert_int_equal(dv_kll_new(&e, K, 2), DV_SKETCH_OK);
	assert_int_equal(dv_kll_merge(a, e), DV_SKETCH_OK); /* empty into full */
	assert_int_equal(dv_kll_count(a), 3);
	assert_int_equal(dv_kll_merge(e, a), DV_SKETCH_OK); /* full into empty */
	assert_int_equal(dv_kll_count(e), 3);
	assert_true(dv_kll_min(e, &v) && v == 1);
	assert_true(dv_kll_max(e, &v) && v == 4);
	assert_int_equal(dv_kll_merge(a, a), DV_SKETCH_OK); /* itself */
	assert_int_equal(dv_kll_count(a), 6);
	assert_int_equal(dv_kll_new(&other, K + 1, 1), DV_SKETCH_OK);
	assert_int_equal(dv_kll_merge(a, other), DV_SKETCH_EMISMATCH); /* even empty */
	assert_int_equal(dv_kll_add(other, 1), DV_SKETCH_OK);
	assert_int_equal(dv_kll_merge(a, other), DV_SKETCH_EMISMATCH);
	assert_int_equal(dv_kll_count(a), 6);
	b = sketch_of(x, 3, K, 1);
	dv_kll_free(a);
	dv_kll_free(b);
	dv_kll_free(e);
	dv_kll_free(other);
}

static char *text_of(const dv_kll *s, size_t *len)
{
	char *t;

	assert_int_equal(dv_kll_serialize(s, &t, len), DV_SKETCH_OK);
	assert_int_equal(strlen(t), *len);
	return t;
}

/* The same values and seed give the same bits; another seed may not. */
static void test_kll_deterministic(void **state)
{
	double *x = sd_make(SD_NORMAL, 50000, 3);
	dv_kll *a = sketch_of(x, 50000, K, 5), *b = sketch_of(x, 50000, K, 5);
	char *ta, *tb;
	size_t la, lb;

	(void)state;
	ta = text_of(a, &la);
	tb = text_of(b, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(ta, tb, la);
	dv_free(ta);
	dv_free(tb);
	dv_kll_free(a);
	dv_kll_free(b);
	free(x);
}

/* serialize(deserialize(x)) == x, and the copy answers and evolves the
 * same way as the original. */
static void test_kll_round_trip(void **state)
{
	static const size_t ns[] = { 0, 1, 5, 399, 400, 401, 30000 };
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		double *x = sd_make(SD_UNIFORM, ns[i] + 1000, 8);
		dv_kll *s = sketch_of(x, ns[i], K, 3), *t;
		char *a, *b, *c, *d;
		size_t la, lb, lc, ld;

		a = text_of(s, &la);
		assert_int_equal(dv_kll_deserialize(&t, a, la), DV_SKETCH_OK);
		b = text_of(t, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		for (j = ns[i]; j < ns[i] + 1000; j++) {
			assert_int_equal(dv_kll_add(s, x[j]), DV_SKETCH_OK);
			assert_int_equal(dv_kll_add(t, x[j]), DV_SKETCH_OK);
		}
		c = text_of(s, &lc);
		d = text_of(t, &ld);
		assert_int_equal(lc, ld);
		assert_memory_equal(c, d, lc);
		dv_free(a);
		dv_free(b);
		dv_free(c);
		dv_free(d);
		dv_kll_free(s);
		dv_kll_free(t);
		free(x);
	}
}

static dv_sketch_status parse(const char *text, size_t len)
{
	dv_kll *s;
	dv_sketch_status st = dv_kll_deserialize(&s, text, len);

	if (st == DV_SKETCH_OK)
		assert_non_null(s);
	else
		assert_null(s);
	dv_kll_free(s);
	return st;
}

static void test_kll_truncated_or_garbled_fails(void **state)
{
	static const double x[] = { 1, 2, 3, 2.5, -7, 1e300 };
	dv_kll *s;
	char *t;
	size_t len, i;

	(void)state;
	/* 30 values with k = 8: several levels */
	assert_int_equal(dv_kll_new(&s, 8, 1), DV_SKETCH_OK);
	for (i = 0; i < 30; i++)
		assert_int_equal(dv_kll_add(s, x[i % 6] + (double)i), DV_SKETCH_OK);
	assert_false(dv_kll_is_exact(s));
	t = text_of(s, &len);
	assert_int_equal(sf_sweep(t, len, parse), 0);
	assert_int_equal(parse("", 0), DV_SKETCH_EFOREIGN);
	assert_int_equal(parse("{\"a\": 1}", 8), DV_SKETCH_EFOREIGN);
	assert_int_equal(parse("DVQK", 4), DV_SKETCH_EFOREIGN); /* base64 of other bytes */
	dv_free(t);
	dv_kll_free(s);
}

/* Frame rewriting with a right checksum: each field's check. */
static dv_sketch_status reparse(const unsigned char *f, size_t n)
{
	size_t len;
	char *t = sf_seal(f, n, &len);
	dv_sketch_status st = parse(t, len);

	free(t);
	return st;
}

static void test_kll_inconsistent_fields_fail(void **state)
{
	static const double x[] = { 1, 2, 3 };
	dv_kll *s = sketch_of(x, 3, K, 1);
	unsigned char *f, *g;
	size_t len, n;
	char *t = text_of(s, &len);
	double nan = NAN, big = 5;

	(void)state;
	f = sf_open(t, len, &n);
	g = malloc(n);
	assert_non_null(g);
	/* layout: magic 0..3, version 4, k 5..8, levels 9, n 10..17,
	 * min 18..25, max 26..33, rng 34..41, size 42..45, items 46.. */
	assert_int_equal(n, 46 + 3 * 8);
	assert_int_equal(reparse(f, n), DV_SKETCH_OK);
#define MUTATE(stmt, want)                              \
	do {                                            \
		memcpy(g, f, n);                        \
		stmt;                                   \
		assert_int_equal(reparse(g, n), want);  \
	} while (0)
	MUTATE(g[4] = 2, DV_SKETCH_EVERSION);
	MUTATE(g[0] = 'X', DV_SKETCH_EFOREIGN);
	MUTATE((g[5] = 7, g[6] = 0), DV_SKETCH_ECORRUPT); /* k = 7 */
	MUTATE(g[9] = 0, DV_SKETCH_ECORRUPT);           /* no level */
	MUTATE(g[9] = 65, DV_SKETCH_ECORRUPT);          /* too many */
	MUTATE(g[10] = 4, DV_SKETCH_ECORRUPT);          /* n != weights */
	MUTATE(g[42] = 2, DV_SKETCH_ECORRUPT);          /* size != items */
	MUTATE(memcpy(g + 46, &nan, 8), DV_SKETCH_ECORRUPT);
	MUTATE(memcpy(g + 46, &big, 8), DV_SKETCH_ECORRUPT); /* above max */
	MUTATE(memcpy(g + 18, &big, 8), DV_SKETCH_ECORRUPT); /* min > max */
	assert_int_equal(reparse(f, n - 1), DV_SKETCH_ECORRUPT);
	{
		unsigned char *h = malloc(n + 1);

		assert_non_null(h);
		memcpy(h, f, n);
		h[n] = 0;
		assert_int_equal(reparse(h, n + 1), DV_SKETCH_ECORRUPT);
		free(h);
	}
#undef MUTATE
	free(f);
	free(g);
	dv_free(t);
	dv_kll_free(s);
}

/* Another kind's text is refused as foreign, not as corrupt. */
static void test_kll_foreign_kind(void **state)
{
	dv_wire_w w;
	char *t;
	size_t len;

	(void)state;
	dv_wire_begin(&w, "DVHL");
	dv_wire_u8(&w, 4);
	assert_int_equal(dv_wire_end(&w, &t, &len), DV_SKETCH_OK);
	assert_int_equal(parse(t, len), DV_SKETCH_EFOREIGN);
	dv_free(t);
}

/* base64 (wire.c): round trips of every length and remainder, and the
 * text that is not canonical base64 refused wherever it stands. */
static void test_base64_round_trip_and_refusals(void **state)
{
	unsigned char in[64], out[64];
	char text[96];
	size_t n, m, i, pos;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)(i * 37 + 11);
	for (n = 0; n <= sizeof(in) - 1; n++) {
		m = dv_base64_encoded_len(n);
		dv_base64_encode(in, n, text);
		assert_true(dv_base64_decode(text, m, out, &m));
		assert_int_equal(m, n);
		assert_memory_equal(out, in, n);
	}
	/* 48 bytes: 64 digits, no padding; a bad digit in any quad fails */
	dv_base64_encode(in, 48, text);
	for (pos = 0; pos < 64; pos++) {
		char keep = text[pos];

		text[pos] = '*';
		assert_false(dv_base64_decode(text, 64, out, &m));
		text[pos] = '=';
		assert_false(dv_base64_decode(text, 64, out, &m));
		text[pos] = keep;
	}
	assert_true(dv_base64_decode(text, 64, out, &m));
	assert_int_equal(m, 48);
	/* a failure reports the bytes of the quads before it */
	text[10] = '!';
	assert_false(dv_base64_decode(text, 64, out, &m));
	assert_int_equal(m, 6);
	assert_false(dv_base64_decode("QUJD", 3, out, &m));   /* not quads */
	assert_false(dv_base64_decode("QR==", 4, out, &m));   /* pad bits set */
	assert_false(dv_base64_decode("QUI=QUJD", 8, out, &m)); /* '=' inside */
	assert_false(dv_base64_decode("Q===", 4, out, &m));
	assert_true(dv_base64_decode("QQ==", 4, out, &m));
	assert_int_equal(m, 1);
	assert_int_equal(out[0], 'A');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kll_empty),
		cmocka_unit_test(test_kll_bad_arguments),
		cmocka_unit_test(test_kll_small_is_exact),
		cmocka_unit_test(test_kll_accuracy),
		cmocka_unit_test(test_kll_ks),
		cmocka_unit_test(test_kll_merge_random_splits),
		cmocka_unit_test(test_kll_merge_edge_cases),
		cmocka_unit_test(test_kll_deterministic),
		cmocka_unit_test(test_kll_round_trip),
		cmocka_unit_test(test_kll_truncated_or_garbled_fails),
		cmocka_unit_test(test_kll_inconsistent_fields_fail),
		cmocka_unit_test(test_kll_foreign_kind),
		cmocka_unit_test(test_base64_round_trip_and_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

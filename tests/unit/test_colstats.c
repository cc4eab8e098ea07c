/*
 * Column statistics (src/stats/colstats*.c), the profile document written
 * and read back (src/profile/write.c, src/stats/profdoc.c) and merge
 * (src/profile/merge.c). The property test: for many random splits of
 * seeded data, merge(profile(A), profile(B)) equals profile(A + B) on
 * every exact field and keeps the sketch bounds (quantile rank error
 * <= 0.01, distinct within 2%).
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"
#include "stats/colstats.h"
#include "stats/profdoc.h"
#include "stats_data.h"
#include "util/alloc.h"
#include "value/decimal.h"

static dv_colstats *new_stats(dv_type t)
{
	dv_colstats *s;

	assert_int_equal(dv_colstats_new(&s, t, false, 20), DV_SKETCH_OK);
	return s;
}

static void add_int(dv_colstats *s, int64_t v)
{
	dv_typed t;
	char text[32];

	memset(&t, 0, sizeof(t));
	t.i = v;
	snprintf(text, sizeof(text), "%lld", (long long)v);
	assert_int_equal(dv_colstats_add(s, &t, text, strlen(text), 0), DV_SKETCH_OK);
}

static void add_str(dv_colstats *s, const char *v)
{
	dv_typed t;

	memset(&t, 0, sizeof(t));
	assert_int_equal(dv_colstats_add(s, &t, v, strlen(v), 0), DV_SKETCH_OK);
}

static void test_exact_fields(void **state)
{
	dv_colstats *s = new_stats(DV_T_INTEGER);
	dv_ss_item it[8];
	dv_typed t;
	bool exact;
	size_t n;

	(void)state;
	add_int(s, 5);
	add_int(s, -3);
	add_int(s, 5);
	add_int(s, 2);
	add_int(s, 2);
	dv_colstats_null(s);
	dv_colstats_invalid(s);
	assert_int_equal(s->count, 7);
	assert_int_equal(s->nulls, 1);
	assert_int_equal(s->invalid, 1);
	assert_int_equal(s->min.i, -3);
	assert_int_equal(s->max.i, 5);
	assert_true(fabs(dv_moments_mean(&s->mom) - 2.2) < 1e-12);
	assert_true(dv_colstats_distinct(s, &exact) == 3 && exact);
	assert_true(dv_colstats_top_complete(s));
	/* count descending, then value ascending (numerically: 2 before 5) */
	n = dv_colstats_top(s, it, 8);
	assert_int_equal(n, 3);
	dv_colstats_unkey(DV_T_INTEGER, it[0].key, &t);
	assert_int_equal(t.i, 2);
	dv_colstats_unkey(DV_T_INTEGER, it[1].key, &t);
	assert_int_equal(t.i, 5);
	dv_colstats_unkey(DV_T_INTEGER, it[2].key, &t);
	assert_int_equal(t.i, -3);
	dv_colstats_free(s);
}

static void test_render(void **state)
{
	char buf[DV_COLSTATS_TEXT_MAX];
	dv_typed t;

	(void)state;
	memset(&t, 0, sizeof(t));
	assert_true(dv_parse_datetime("2024-03-01T01:30:00.120+02:00", 29, &t.i, &t.ns));
	dv_colstats_render(DV_T_DATETIME, &t, buf);
	assert_string_equal(buf, "\"2024-02-29T23:30:00.12Z\"");
	assert_true(dv_parse_time("00:15:00+01:00", 14, &t.i, &t.ns));
	dv_colstats_render(DV_T_TIME, &t, buf);
	assert_string_equal(buf, "\"23:15:00\"");
	t.i = -1;
	dv_colstats_render(DV_T_DATE, &t, buf);
	assert_string_equal(buf, "\"1969-12-31\"");
	t.d = 0.1;
	dv_colstats_render(DV_T_NUMBER, &t, buf);
	assert_string_equal(buf, "0.1");
	dv_colstats_render_num(DV_T_DATETIME, 1700000000.25, buf);
	assert_string_equal(buf, "\"2023-11-14T22:13:20.25Z\"");
}

/* Past 1,000 distinct values the distinct count is the HLL's (p = 14):
 * within 2% on every test distribution (worst case printed). */
static void test_distinct_bound(void **state)
{
	static const size_t ns[] = { 1001, 1500, 5000, 20000, 200000 };
	double worst = 0;
	size_t d, k, i;

	(void)state;
	for (d = 0; d < SD_NDIST; d++) {
		for (k = 0; k < sizeof(ns) / sizeof(ns[0]); k++) {
			size_t n = ns[k] / (k == 4 ? SD_SCALE : 1);
			dv_colstats *s = new_stats(DV_T_NUMBER);
			uint64_t seed = 17 + d * 100 + k;
			double est, e;
			bool exact;
			char text[40];

			/* distinct values: i scaled through the distribution's
			 * monotone map, so n distinct numbers */
			for (i = 0; i < n; i++) {
				dv_typed t;
				double x = (double)i + (d == SD_REVERSED ? 0.5 : 0.25) +
					   (d == SD_NORMAL ? 1e6 : 0) +
					   (d == SD_ZIPF ? sd_unit(&seed) * 0.1 : 0);

				memset(&t, 0, sizeof(t));
				t.d = d == SD_REVERSED ? -x : x;
				snprintf(text, sizeof(text), "%.17g", t.d);
				assert_int_equal(dv_colstats_add(s, &t, text, strlen(text), 0),
						 DV_SKETCH_OK);
			}
			est = dv_colstats_distinct(s, &exact);
			assert_false(exact);
			e = fabs(est - (double)n) / (double)n;
			if (e > worst)
				worst = e;
			assert_true(e <= 0.02);
			dv_colstats_free(s);
		}
	}
	printf("# distinct past 1,000: worst relative error %.4f\n", worst);
}

/* ---- profile documents, merge ---- */

static char *write_doc(dv_colstats **cols, size_t ncols, uint64_t records,
		       const char *path, size_t *len)
{
	static const char *const names[] = { "n", "s", "d" };
	static const char *const types[] = { "integer", "string", "date" };
	dv_profile_col pc[3];
	dv_profinput in;
	dv_profile_head h;
	char *buf = NULL;
	size_t sz = 0, i;
	FILE *f = open_memstream(&buf, &sz);

	assert_non_null(f);
	memset(&in, 0, sizeof(in));
	in.path = (char *)path;
	in.format = (char *)"csv";
	in.records = records;
	memset(&h, 0, sizeof(h));
	h.inputs = &in;
	h.n_inputs = 1;
	h.records = records;
	for (i = 0; i < ncols; i++) {
		pc[i].name = names[i];
		pc[i].type_name = types[i];
		pc[i].s = cols[i];
	}
	assert_int_equal(dv_profile_write(f, &h, pc, ncols), DCVAL_OK);
	fclose(f);
	*len = sz;
	return buf;
}

/* The document text without its "sketch" lines' base64 and the inputs. */
static void strip(char *doc)
{
	char *p;

	while ((p = strstr(doc, "\"sketch\": {")) != NULL) {
		char *end = strchr(p, '}');

		memmove(p, end + 1, strlen(end + 1) + 1);
	}
}

/* A field "key": value of the i-th column's text, as a string. */
static const char *field(const char *doc, int col, const char *key, char *out,
			 size_t n)
{
	const char *p = doc;
	char pat[64];
	size_t k;
	int c;

	for (c = -1; c < col; c++) {
		p = strstr(p + 1, "\"name\": ");
		assert_non_null(p);
	}
	snprintf(pat, sizeof(pat), "\"%s\": ", key);
	p = strstr(p, pat);
	assert_non_null(p);
	p += strlen(pat);
	for (k = 0; k + 1 < n && p[k] && p[k] != '\n'; k++)
		out[k] = p[k];
	out[k] = '\0';
	if (k && out[k - 1] == ',')
		out[k - 1] = '\0';
	return out;
}

static void fill(dv_colstats **cols, const int64_t *iv, const char *const *sv,
		 const int64_t *dv, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		dv_typed t;

		if (iv[i] == INT64_MIN)
			dv_colstats_null(cols[0]);
		else
			add_int(cols[0], iv[i]);
		if (!sv[i])
			dv_colstats_invalid(cols[1]);
		else
			add_str(cols[1], sv[i]);
		memset(&t, 0, sizeof(t));
		t.i = dv[i];
		assert_int_equal(dv_colstats_add(cols[2], &t, NULL, 0, 0), DV_SKETCH_OK);
	}
}

static void free_cols(dv_colstats **cols)
{
	size_t i;

	for (i = 0; i < 3; i++)
		dv_colstats_free(cols[i]);
}

/* Rank of x among sorted[0..n): fraction of values <= x. */
static double rank_of(const double *sorted, size_t n, double x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sorted[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (double)lo / (double)n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void one_split(size_t n, size_t distinct, uint64_t seed)
{
	int64_t *iv = dv_calloc(n, sizeof(*iv)), *dv = dv_calloc(n, sizeof(*dv));
	const char **sv = dv_calloc(n, sizeof(*sv));
	char (*words)[16] = dv_calloc(distinct, 16);
	double *sorted = dv_calloc(n, sizeof(*sorted));
	dv_colstats *all[3], *a[3], *b[3];
	dv_profdoc docs[2];
	char why[256], *ta, *tb, *tall, *tm = NULL, f1[4096], f2[4096];
	size_t la, lb, lall, lm = 0, cut, i, k, nn = 0;
	const char *names[2] = { "a.json", "b.json" };
	static const char *const exact_keys[] = {
		"count", "nulls", "null_fraction", "invalid", "min", "max", "mean",
		"stddev", "length", "top_complete"
	};
	FILE *f;

	assert_true(iv && dv && sv && words && sorted);
	for (i = 0; i < distinct; i++)
		snprintf(words[i], 16, "w%zu", i);
	for (i = 0; i < n; i++) {
		uint64_t r = sd_next(&seed);

		iv[i] = r % 17 == 0 ? INT64_MIN : (int64_t)(r % distinct) - 50;
		sv[i] = r % 23 == 0 ? NULL : words[(r >> 20) % distinct];
		dv[i] = (int64_t)((r >> 33) % 3000) + 19000;
		if (iv[i] != INT64_MIN)
			sorted[nn++] = (double)iv[i];
	}
	qsort(sorted, nn, sizeof(*sorted), cmp_double);
	cut = (size_t)(sd_next(&seed) % (n + 1));
	for (k = 0; k < 3; k++) {
		static const dv_type types[] = { DV_T_INTEGER, DV_T_STRING, DV_T_DATE };

		all[k] = new_stats(types[k]);
		a[k] = new_stats(types[k]);
		b[k] = new_stats(types[k]);
	}
	fill(all, iv, sv, dv, 0, n);
	fill(a, iv, sv, dv, 0, cut);
	fill(b, iv, sv, dv, cut, n);
	tall = write_doc(all, 3, n, "all.csv", &lall);
	ta = write_doc(a, 3, cut, "a.csv", &la);
	tb = write_doc(b, 3, n - cut, "b.csv", &lb);
	assert_int_equal(dv_profdoc_parse(ta, la, &docs[0], why, sizeof(why)), DCVAL_OK);
	assert_int_equal(dv_profdoc_parse(tb, lb, &docs[1], why, sizeof(why)), DCVAL_OK);
	f = open_memstream(&tm, &lm);
	assert_int_equal(dv_profile_merge(f, docs, names, 2, why, sizeof(why)), DCVAL_OK);
	fclose(f);
	strip(tm);
	strip(tall);
	for (k = 0; k < 3; k++) {
		bool exact_all = strstr(field(tall, (int)k, "distinct_exact", f1, sizeof(f1)),
					"true") != NULL;

		for (i = 0; i < sizeof(exact_keys) / sizeof(exact_keys[0]); i++)
			assert_string_equal(field(tm, (int)k, exact_keys[i], f1, sizeof(f1)),
					    field(tall, (int)k, exact_keys[i], f2, sizeof(f2)));
		if (exact_all) {
			assert_string_equal(field(tm, (int)k, "distinct", f1, sizeof(f1)),
					    field(tall, (int)k, "distinct", f2, sizeof(f2)));
		} else {
			double dm = atof(field(tm, (int)k, "distinct", f1, sizeof(f1)));
			double da = atof(field(tall, (int)k, "distinct", f2, sizeof(f2)));

			assert_true(fabs(dm - da) <= 0.02 * da + 1);
		}
		if (strstr(field(tall, (int)k, "top_complete", f1, sizeof(f1)), "true"))
			assert_string_equal(field(tm, (int)k, "top", f1, sizeof(f1)),
					    field(tall, (int)k, "top", f2, sizeof(f2)));
	}
	/* quantiles of the integer column: within 0.01 in rank of the truth */
	if (nn) {
		double q[DV_COLSTATS_NQ];

		assert_true(dv_colstats_quantiles(docs[0].columns[0].stats, q));
		for (i = 0; i < DV_COLSTATS_NQ; i++) {
			double lo = rank_of(sorted, nn, q[i] - 0.5);
			double hi = rank_of(sorted, nn, q[i]);

			/* the true rank of q[i] spans [lo, hi]: the target is near */
			assert_true(dv_colstats_ranks[i] >= lo - 0.01 &&
				    dv_colstats_ranks[i] <= hi + 0.01);
		}
	}
	/* the top-level records: the sum */
	assert_non_null(strstr(tm, "\n  \"records\": "));
	assert_int_equal(strtoull(strstr(tm, "\n  \"records\": ") + 14, NULL, 10), n);
	dv_profdoc_release(&docs[0]);
	dv_profdoc_release(&docs[1]);
	free(ta);
	free(tb);
	free(tall);
	free(tm);
	free_cols(all);
	free_cols(a);
	free_cols(b);
	dv_free(iv);
	dv_free(dv);
	dv_free(sv);
	dv_free(words);
	dv_free(sorted);
}

static void test_merge_property(void **state)
{
	uint64_t seed = 42;
	int round;

	(void)state;
	for (round = 0; round < 60; round++) {
		size_t n = 1 + (size_t)(sd_next(&seed) % (round < 40 ? 3000 : 20000 / SD_SCALE));
		size_t distinct = round % 3 == 0 ? 1500 : round % 3 == 1 ? 400 : 5;

		one_split(n, distinct, seed + (uint64_t)round);
	}
}

static void test_merge_mismatch(void **state)
{
	dv_colstats *c1[3], *c2[3];
	dv_profdoc docs[2];
	char why[256], *t1, *t2, *out = NULL;
	size_t l1, l2, lo = 0, k;
	const char *names[2] = { "one.json", "two.json" };
	FILE *f;

	(void)state;
	for (k = 0; k < 3; k++) {
		c1[k] = new_stats(k == 1 ? DV_T_STRING : k == 2 ? DV_T_DATE : DV_T_INTEGER);
		c2[k] = new_stats(k == 1 ? DV_T_STRING : k == 2 ? DV_T_DATE : DV_T_INTEGER);
	}
	t1 = write_doc(c1, 3, 0, "x", &l1);
	t2 = write_doc(c2, 2, 0, "y", &l2);
	assert_int_equal(dv_profdoc_parse(t1, l1, &docs[0], why, sizeof(why)), DCVAL_OK);
	assert_int_equal(dv_profdoc_parse(t2, l2, &docs[1], why, sizeof(why)), DCVAL_OK);
	f = open_memstream(&out, &lo);
	assert_int_equal(dv_profile_merge(f, docs, names, 2, why, sizeof(why)), DCVAL_EUSAGE);
	fclose(f);
	assert_string_equal(why, "two.json: column \"d\" is in one.json only");
	dv_profdoc_release(&docs[0]);
	dv_profdoc_release(&docs[1]);
	free(t1);
	free(t2);
	free(out);
	free_cols(c1);
	free_cols(c2);
}

static void test_profdoc_rejects(void **state)
{
	dv_profdoc d;
	char why[256];

	(void)state;
	assert_int_equal(dv_profdoc_parse("{", 1, &d, why, sizeof(why)), DCVAL_EUSAGE);
	assert_non_null(strstr(why, "not JSON"));
	dv_profdoc_release(&d);
	assert_int_equal(dv_profdoc_parse("{\"a\": 1}", 8, &d, why, sizeof(why)),
			 DCVAL_EUSAGE);
	assert_string_equal(why, "no \"profile_version\"");
	dv_profdoc_release(&d);
	assert_int_equal(dv_profdoc_parse("{\"profile_version\": 2}", 22, &d, why,
					  sizeof(why)), DCVAL_EUSAGE);
	assert_string_equal(why, "profile_version 2, this dcval reads 1");
	dv_profdoc_release(&d);
}

/*
 * dv_colstats_numkey() (the number key's fast path) writes exactly what
 * dv_dec_key() writes for plain decimals, and declines everything else:
 * random texts over digits, '-', '.', 'e', '+', with zeros favoured.
 */
static void test_numkey_is_dec_key(void **state)
{
	static const char *const fixed[] = {
		"0", "-0", "0.000", "-0.0", "007", "100", "2648.636", "0.8998",
		"0.05", "-12.500", "1.", ".5", "-", "1e5", "+1", "1..2", "-.5",
		"99999999999999999999999999999", "0.0000000000000000000000001",
	};
	unsigned char out[DV_COLSTATS_KEYBUF];
	const char alpha[] = "0000123456789-.e+";
	uint64_t seed = 42;
	char text[48];
	size_t i, n, len, fast = 0;
	dv_buf b;

	(void)state;
	dv_buf_init(&b, 1 << 20);
	for (i = 0; i < 200000 + sizeof(fixed) / sizeof(*fixed); i++) {
		if (i < sizeof(fixed) / sizeof(*fixed)) {
			len = strlen(fixed[i]);
			memcpy(text, fixed[i], len);
		} else {
			len = 1 + sd_next(&seed) % 12;
			for (n = 0; n < len; n++)
				text[n] = alpha[sd_next(&seed) % (sizeof(alpha) - 1)];
		}
		n = dv_colstats_numkey(text, len, out);
		dv_buf_reset(&b);
		if (!dv_dec_lex(text, len, &(dv_dec){ 0 })) {
			assert_int_equal(n, 0);
			continue;
		}
		assert_int_equal(dv_dec_key(text, len, &b), DCVAL_OK);
		if (n == 0)
			continue;
		fast++;
		assert_int_equal(n, b.len);
		assert_memory_equal(out, b.data, n);
	}
	assert_true(fast > 10000);
	dv_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_fields),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_distinct_bound),
		cmocka_unit_test(test_merge_property),
		cmocka_unit_test(test_merge_mismatch),
		cmocka_unit_test(test_profdoc_rejects),
		cmocka_unit_test(test_numkey_is_dec_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

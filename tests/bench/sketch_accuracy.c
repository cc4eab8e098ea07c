/*
 * The measured accuracy and memory of the sketches of src/stats/, as the
 * Markdown tables of README "Statistics sketches": `make sketch-accuracy`
 * (a minute or two; never part of check). Data from tests/unit/stats_data.h
 * (seeded: the same tables on every run and platform).
 *
 *  - KLL (k = DV_KLL_K_DEFAULT): worst rank error of the 15 spec
 *    quantiles and of the CDF at 200 points, over 5 seeds and n = 1e3 ..
 *    1e6, one pass and merged from 8 random shards; KS error of two
 *    sketches against the exact two-sample distance.
 *  - HyperLogLog (p = 14): worst and mean relative error over 20 seeds.
 *  - Space-Saving on Zipf data: worst overestimate / (n / capacity) and
 *    the share of items above n / capacity it holds.
 *  - Moments: worst relative variance error against two-pass.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/distinct.h"
#include "stats/hll.h"
#include "stats/kll.h"
#include "stats/moments.h"
#include "stats/spacesaving.h"
#include "stats_data.h"

#define SEEDS 5

static void must(dv_sketch_status st)
{
	if (st != DV_SKETCH_OK) {
		fprintf(stderr, "sketch_accuracy: %s\n", dv_sketch_status_str(st));
		exit(1);
	}
}

static double kll_error(const dv_kll *s, const double *sorted, size_t n)
{
	double q[15], worst = 0, e, r;
	size_t i;

	must(dv_kll_quantiles(s, sd_quantiles, 15, q));
	for (i = 0; i < 15; i++) {
		e = sd_rank_error(sorted, n, q[i], sd_quantiles[i]);
		worst = e > worst ? e : worst;
	}
	for (i = 0; i < 200; i++) {
		double v = sorted[i * (n - 1) / 199];

		must(dv_kll_rank(s, v, true, &r));
		e = fabs(r - sd_cdf(sorted, n, v));
		worst = e > worst ? e : worst;
	}
	return worst;
}

static dv_kll *kll_of(const double *x, size_t n, uint64_t seed)
{
	dv_kll *s;
	size_t i;

	must(dv_kll_new(&s, DV_KLL_K_DEFAULT, seed));
	for (i = 0; i < n; i++)
		must(dv_kll_add(s, x[i]));
	return s;
}

/* Merge of 8 shards at random cut points. */
static dv_kll *kll_sharded(const double *x, size_t n, uint64_t seed)
{
	size_t cut[9], p;
	uint64_t rng = seed;
	dv_kll *all, *s;

	must(dv_kll_new(&all, DV_KLL_K_DEFAULT, seed));
	cut[0] = 0;
	cut[8] = n;
	for (p = 1; p < 8; p++)
		cut[p] = sd_next(&rng) % (n + 1);
	qsort(cut + 1, 7, sizeof(size_t), sd_cmp_size);
	for (p = 0; p < 8; p++) {
		s = kll_of(x + cut[p], cut[p + 1] - cut[p], seed + p);
		must(dv_kll_merge(all, s));
		dv_kll_free(s);
	}
	return all;
}

static void kll_table(void)
{
	static const size_t ns[] = { 1000, 10000, 100000, 1000000 };
	size_t mem = 0;
	int d;

	printf("KLL, k = %d: worst rank error (15 quantiles and the CDF at 200 points; "
	       "%d seeds; n = 1e3, 1e4, 1e5, 1e6)\n\n", DV_KLL_K_DEFAULT, SEEDS);
	printf("| distribution | one pass | merged from 8 shards |\n|---|---|---|\n");
	for (d = 0; d < SD_NDIST; d++) {
		double w1 = 0, w8 = 0, e;
		size_t i;
		uint64_t seed;

		for (i = 0; i < 4; i++)
			for (seed = 1; seed <= SEEDS; seed++) {
				double *x = sd_make((enum sd_dist)d, ns[i], seed * 101);
				dv_kll *a = kll_of(x, ns[i], seed), *b = kll_sharded(x, ns[i], seed);

				qsort(x, ns[i], sizeof(double), sd_cmp_double);
				e = kll_error(a, x, ns[i]);
				w1 = e > w1 ? e : w1;
				e = kll_error(b, x, ns[i]);
				w8 = e > w8 ? e : w8;
				if (dv_kll_memory(a) > mem)
					mem = dv_kll_memory(a);
				if (dv_kll_memory(b) > mem)
					mem = dv_kll_memory(b);
				dv_kll_free(a);
				dv_kll_free(b);
				free(x);
			}
		printf("| %s | %.4f | %.4f |\n", sd_dist_name[d], w1, w8);
	}
	printf("\nMemory: at most %zu bytes per sketch.\n\n", mem);
}

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

static void ks_table(void)
{
	static const double shift[] = { 0, 0.05, 0.2, 1 };
	size_t n = 1000000, i, j;
	uint64_t seed;
	double worst = 0;

	for (j = 0; j < 4; j++)
		for (seed = 1; seed <= SEEDS; seed++) {
			double *a = sd_make(SD_NORMAL, n, seed), *b = sd_make(SD_NORMAL, n / 3, seed + 50);
			dv_kll *sa, *sb;
			double got;

			for (i = 0; i < n / 3; i++)
				b[i] += shift[j];
			sa = kll_of(a, n, seed);
			sb = kll_of(b, n / 3, seed + 1);
			qsort(a, n, sizeof(double), sd_cmp_double);
			qsort(b, n / 3, sizeof(double), sd_cmp_double);
			must(dv_kll_ks(sa, sb, &got));
			got = fabs(got - exact_ks(a, n, b, n / 3));
			worst = got > worst ? got : worst;
			dv_kll_free(sa);
			dv_kll_free(sb);
			free(a);
			free(b);
		}
	printf("KS distance from two sketches (normal, 1e6 vs 3.3e5 values, shifted by 0, "
	       "0.05, 0.2, 1; %d seeds): worst absolute error %.4f (spec: 0.02).\n\n",
	       SEEDS, worst);
}

static void hll_table(void)
{
	static const size_t ns[] = { 1000, 10000, 100000, 1000000 };
	size_t i;
	dv_hll *h;

	printf("HyperLogLog, p = %d: relative error of the estimate (20 seeds of "
	       "distinct 8-byte keys)\n\n", DV_HLL_P_DEFAULT);
	printf("| n | worst | mean | seeds past 2%% |\n|---|---|---|---|\n");
	for (i = 0; i < 4; i++) {
		double worst = 0, sum = 0;
		int past = 0;
		uint64_t seed;

		for (seed = 1; seed <= 20; seed++) {
			uint64_t s = seed * 7919;
			size_t j;
			double e;

			must(dv_hll_new(&h, DV_HLL_P_DEFAULT));
			for (j = 0; j < ns[i]; j++) {
				uint64_t v = sd_next(&s);

				dv_hll_add(h, &v, sizeof(v));
			}
			e = fabs(dv_hll_estimate(h) - (double)ns[i]) / (double)ns[i];
			worst = e > worst ? e : worst;
			sum += e;
			past += e > 0.02;
			dv_hll_free(h);
		}
		printf("| %zu | %.4f | %.4f | %d of 20 |\n", ns[i], worst, sum / 20, past);
	}
	must(dv_hll_new(&h, DV_HLL_P_DEFAULT));
	printf("\nMemory: %zu bytes.\n\n", dv_hll_memory(h));
	dv_hll_free(h);
}

static void ss_table(void)
{
	static const uint32_t caps[] = { 20, 100, 1000 };
	size_t n = 1000000, i, k;
	double *zt = sd_zipf_table();

	printf("Space-Saving on Zipf (s = 1.1) data, n = 1e6, keys up to 16 bytes\n\n");
	printf("| capacity | worst overcount / (n / capacity) | items above n / capacity held | "
	       "memory (bytes) |\n|---|---|---|---|\n");
	for (i = 0; i < 3; i++) {
		uint64_t *freq = calloc(SD_ZIPF_RANKS + 1, sizeof(*freq)), s = 5;
		dv_ss_item *top = malloc(caps[i] * sizeof(*top));
		dv_ss *ss;
		size_t got, above = 0, held = 0;
		double worst = 0;
		char key[16];

		if (!freq || !top)
			exit(1);
		must(dv_ss_new(&ss, caps[i], 16));
		for (k = 0; k < n; k++) {
			int r = sd_zipf(&s, zt), l = snprintf(key, sizeof(key), "%d", r);

			freq[r]++;
			must(dv_ss_add(ss, key, (size_t)l, 1));
		}
		got = dv_ss_top(ss, top, caps[i], NULL, NULL);
		for (k = 0; k < got; k++) {
			int r;

			memcpy(key, top[k].key, top[k].len);
			key[top[k].len] = '\0';
			r = atoi(key);
			if ((double)(top[k].count - freq[r]) / ((double)n / caps[i]) > worst)
				worst = (double)(top[k].count - freq[r]) / ((double)n / caps[i]);
			held += freq[r] > n / caps[i];
		}
		for (k = 1; k <= SD_ZIPF_RANKS; k++)
			above += freq[k] > n / caps[i];
		printf("| %u | %.3f | %zu of %zu | %zu |\n", caps[i], worst, held, above,
		       dv_ss_memory(ss));
		dv_ss_free(ss);
		free(freq);
		free(top);
	}
	free(zt);
	printf("\n");
}

static void moments_table(void)
{
	static const double offsets[] = { 0, 1e9 };
	size_t n = 1000000, i, j;
	int d;

	printf("Moments: worst relative error of the variance against a two-pass "
	       "long double computation, n = 1e6, all five distributions\n\n");
	printf("| offset | worst |\n|---|---|\n");
	for (j = 0; j < 2; j++) {
		double worst = 0;

		for (d = 0; d < SD_NDIST; d++) {
			double *x = sd_make((enum sd_dist)d, n, 3);
			long double s = 0, ss = 0, mean;
			dv_moments m;

			dv_moments_init(&m);
			for (i = 0; i < n; i++) {
				x[i] += offsets[j];
				must(dv_moments_add(&m, x[i]));
				s += (long double)x[i] - x[0];
			}
			mean = s / n;
			for (i = 0; i < n; i++)
				ss += ((long double)x[i] - x[0] - mean) * ((long double)x[i] - x[0] - mean);
			ss /= n;
			if (fabs((double)((dv_moments_variance(&m) - ss) / ss)) > worst)
				worst = fabs((double)((dv_moments_variance(&m) - ss) / ss));
			free(x);
		}
		printf("| %g | %.1e |\n", offsets[j], worst);
	}
	printf("\nMemory: %zu bytes (a plain struct).\n", sizeof(dv_moments));
}

int main(void)
{
	kll_table();
	ks_table();
	hll_table();
	ss_table();
	moments_table();
	return 0;
}

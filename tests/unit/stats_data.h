/*
 * Seeded data for the sketch tests (test_kll.c, test_hll.c,
 * test_spacesaving.c, test_moments.c) and the accuracy table
 * (tests/stats/sketch_accuracy.c): the same seed gives the same data on
 * every platform. Static functions in a header: one copy per program.
 *
 * Distributions: uniform [0, 1), normal (0, 1) by Box-Muller, Zipf
 * (s = 1.1 over 100,000 ranks, by inversion of the cumulative table:
 * heavy duplicates), sorted (0, 1, 2, ...), reversed (n-1, ..., 0).
 */
#ifndef DV_TESTS_STATS_DATA_H
#define DV_TESTS_STATS_DATA_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Under AddressSanitizer the largest n shrinks 10x to keep `make check
 * SANITIZE=...` quick; the plain build runs the full sizes. */
#if defined(__SANITIZE_ADDRESS__)
#define SD_SCALE 10
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SD_SCALE 10
#endif
#endif
#ifndef SD_SCALE
#define SD_SCALE 1
#endif

enum sd_dist { SD_UNIFORM, SD_NORMAL, SD_ZIPF, SD_SORTED, SD_REVERSED, SD_NDIST };

static const char *const sd_dist_name[SD_NDIST] = {
	"uniform", "normal", "zipf", "sorted", "reversed"
};

/* The spec's 15 profile quantiles (cli.md, profile). */
static const double sd_quantiles[15] = {
	0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99
};

/* splitmix64 */
static inline uint64_t sd_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double sd_unit(uint64_t *s)
{
	return (double)(sd_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static inline double sd_normal(uint64_t *s)
{
	double u = sd_unit(s), v = sd_unit(s);

	return sqrt(-2.0 * log(1.0 - u)) * cos(6.283185307179586 * v);
}

#define SD_ZIPF_RANKS 100000

/* Cumulative Zipf(s = 1.1) table over SD_ZIPF_RANKS ranks: malloc'd. */
static inline double *sd_zipf_table(void)
{
	double *c = malloc(SD_ZIPF_RANKS * sizeof(*c)), sum = 0;
	int i;

	if (!c)
		abort();
	for (i = 0; i < SD_ZIPF_RANKS; i++) {
		sum += 1.0 / pow(i + 1, 1.1);
		c[i] = sum;
	}
	for (i = 0; i < SD_ZIPF_RANKS; i++)
		c[i] /= sum;
	return c;
}

/* A Zipf rank in [1, SD_ZIPF_RANKS] from the table. */
static inline int sd_zipf(uint64_t *s, const double *table)
{
	double u = sd_unit(s);
	int lo = 0, hi = SD_ZIPF_RANKS - 1;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (table[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo + 1;
}

/* n values of distribution d with seed: malloc'd array. */
static inline double *sd_make(enum sd_dist d, size_t n, uint64_t seed)
{
	double *x = malloc((n ? n : 1) * sizeof(*x));
	double *zt = d == SD_ZIPF ? sd_zipf_table() : NULL;
	uint64_t s = seed;
	size_t i;

	if (!x)
		abort();
	for (i = 0; i < n; i++) {
		switch (d) {
		case SD_UNIFORM:
			x[i] = sd_unit(&s);
			break;
		case SD_NORMAL:
			x[i] = sd_normal(&s);
			break;
		case SD_ZIPF:
			x[i] = sd_zipf(&s, zt);
			break;
		case SD_SORTED:
			x[i] = (double)i;
			break;
		default:
			x[i] = (double)(n - 1 - i);
			break;
		}
	}
	free(zt);
	return x;
}

static inline int sd_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static inline int sd_cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Rank error of answer v for rank q against sorted data x[0..n): the
 * distance from q to the interval [F(v-), F(v)] of true ranks v has.
 */
static inline double sd_rank_error(const double *sorted, size_t n, double v, double q)
{
	size_t lo = 0, hi = n, lt, le;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	lt = lo;
	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	le = lo;
	if (q < (double)lt / (double)n)
		return (double)lt / (double)n - q;
	if (q > (double)le / (double)n)
		return q - (double)le / (double)n;
	return 0;
}

/* Exact fraction of sorted[0..n) that is <= v. */
static inline double sd_cdf(const double *sorted, size_t n, double v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (double)lo / (double)n;
}

#endif

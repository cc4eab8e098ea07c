/*
 * Exact KS distance of a stream against a baseline's step CDF; see
 * ksrun.h. The Kolmogorov-Smirnov statistic D = sup_x |F_1(x) - F_2(x)|
 * (A. N. Kolmogorov, "Sulla determinazione empirica di una legge di
 * distribuzione", 1933; N. Smirnov, "Table for estimating the goodness
 * of fit of empirical distributions", 1948).
 */
#include <math.h>
#include <string.h>

#include "stats/ksrun.h"
#include "util/alloc.h"

/*
 * The points are found in two steps. A value's bucket, (x - lo) * scale
 * cut to [0, n_buckets), splits the points' range into equal parts
 * (about one point each; the first step of interpolation search,
 * W. W. Peterson, "Addressing for random-access storage", IBM J. Res.
 * Dev. 1957); bucket[b] counts the points whose bucket is below b. The
 * bucket is a monotone function of x (a subtraction and a product by a
 * positive number round monotonically), so every point of a lower
 * bucket is < x and none of a higher one is: the points < x are
 * bucket[b] plus those of x's own bucket, found by a binary search of
 * that bucket alone. The result is the plain binary search's; the
 * search over all points was a chain of about 11 dependent loads a
 * value, and the largest cost of drift's ks.
 */
static uint32_t bucket_of(const dv_ksrun *k, double x)
{
	double t = (x - k->lo) * k->scale;

	if (!(t > 0))
		return 0; /* below lo, or NaN: a range too wide for doubles */
	if (t >= (double)(k->n_buckets - 1))
		return k->n_buckets - 1;
	return (uint32_t)t;
}

static dv_sketch_status buckets_init(dv_ksrun *k)
{
	double range;
	size_t i = 0;
	uint32_t b;

	k->n_buckets = 1;
	while (k->n_buckets < k->n_pts && k->n_buckets < (1u << 20))
		k->n_buckets *= 2;
	k->bucket = dv_mallocarray((size_t)k->n_buckets + 1, sizeof(*k->bucket));
	if (!k->bucket)
		return DV_SKETCH_ENOMEM;
	k->lo = k->n_pts ? k->pts[0] : 0;
	range = k->n_pts ? k->pts[k->n_pts - 1] - k->lo : 0;
	/* one bucket for one point, or a range past the doubles */
	k->scale = range > 0 && isfinite(range) ? (double)k->n_buckets / range : 0;
	for (b = 0; b <= k->n_buckets; b++) {
		while (i < k->n_pts && bucket_of(k, k->pts[i]) < b)
			i++;
		k->bucket[b] = (uint32_t)i;
	}
	return DV_SKETCH_OK;
}

dv_sketch_status dv_ksrun_init(dv_ksrun *k, const dv_kll *base)
{
	dv_sketch_status st;

	memset(k, 0, sizeof(*k));
	if (dv_kll_count(base) > 0) {
		st = dv_kll_steps(base, &k->pts, &k->base, &k->n_pts);
		if (st != DV_SKETCH_OK)
			return st;
	}
	if (k->n_pts > UINT32_MAX)
		return DV_SKETCH_ELIMIT;
	k->eq = dv_calloc(k->n_pts ? k->n_pts : 1, sizeof(*k->eq));
	k->gap = dv_calloc(k->n_pts + 1, sizeof(*k->gap));
	if (!k->eq || !k->gap)
		return DV_SKETCH_ENOMEM;
	return buckets_init(k);
}

void dv_ksrun_release(dv_ksrun *k)
{
	dv_free(k->pts);
	dv_free(k->base);
	dv_free(k->eq);
	dv_free(k->gap);
	dv_free(k->bucket);
	memset(k, 0, sizeof(*k));
}

/*
 * The number of points < x (n >= 1). A binary search without a
 * data-dependent branch (a conditional move halves the range: Khuong and
 * Morin, "Array Layouts for Comparison-Based Searching", 2017): a branch
 * would mispredict about every other step.
 */
static size_t below(const double *pts, size_t n, double x)
{
	const double *b = pts;

	while (n > 1) {
		size_t half = n / 2;

		b = b[half] < x ? b + half : b;
		n -= half;
	}
	return (size_t)(b - pts) + (*b < x);
}

void dv_ksrun_add(dv_ksrun *k, double x)
{
	size_t lo;

	if (!isfinite(x))
		return;
	if (k->n_pts) {
		uint32_t b = bucket_of(k, x), first = k->bucket[b];
		uint32_t n = k->bucket[b + 1] - first;

		lo = first + (n ? below(k->pts + first, n, x) : 0);
	} else {
		lo = 0;
	}
	if (lo < k->n_pts && k->pts[lo] == x)
		k->eq[lo]++;
	else
		k->gap[lo]++;
	k->n++;
}

static double gap_of(uint64_t run, uint64_t n, uint64_t base, uint64_t bn)
{
	return fabs((double)run / (double)n - (double)base / (double)bn);
}

/*
 * F_base is 0 below b_0, base[i] / bn on [b_i, b_{i+1}) and 1 from b_m.
 * F_run is monotone, so on each of these intervals |F_run - c| is
 * largest at one of its ends: F_run just below b_0 (the values below
 * it), F_run(b_i) and F_run just below b_{i+1}; from b_m on, F_run(b_m).
 */
dv_sketch_status dv_ksrun_distance(const dv_ksrun *k, double *out)
{
	uint64_t bn, run;
	double d, x;
	size_t i;

	if (k->n == 0 || k->n_pts == 0)
		return DV_SKETCH_EINVAL;
	bn = k->base[k->n_pts - 1];
	run = k->gap[0];
	d = gap_of(run, k->n, 0, bn);
	for (i = 0; i < k->n_pts; i++) {
		run += k->eq[i];               /* F_run(b_i) */
		x = gap_of(run, k->n, k->base[i], bn);
		if (x > d)
			d = x;
		run += k->gap[i + 1];          /* F_run just below b_{i+1} */
		x = gap_of(run, k->n, k->base[i], bn);
		if (x > d)
			d = x;
	}
	*out = d;
	return DV_SKETCH_OK;
}

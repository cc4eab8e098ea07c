/*
 * dv_moments: count, mean and the sum of squared deviations (M2) of a
 * stream of doubles, with exact min and max. Updates use Welford's
 * recurrence (B. P. Welford 1962, "Note on a method for calculating
 * corrected sums of squares and products"); a merge uses the pairwise
 * formula of Chan, Golub, LeVeque 1979 ("Updating formulae and a
 * pairwise algorithm for computing sample variances"):
 *
 *   d = mean_b - mean_a,  n = n_a + n_b,
 *   mean = mean_a + d n_b / n,  M2 = M2_a + M2_b + d^2 n_a n_b / n.
 *
 * The recurrence runs on x - shift, the shift being the first value
 * (Chan, Golub, LeVeque 1983, "Algorithms for computing the sample
 * variance: analysis and recommendations", section 4: shifting by a
 * rough mean), and the running mean and M2 are summed with Neumaier's
 * compensation (1974): data far from zero (1e9 plus noise of 1) and
 * long trending streams (sorted input) keep about 1e-14 relative, where
 * plain Welford keeps 1e-7 and 1e-11 and the textbook sum-of-squares
 * formula nothing.
 *
 * Plain struct in caller storage, no allocation but the serialized text.
 * Serialized payload (wire.h frame, magic "DVMO"): u64 n, f64 shift,
 * f64 mean (of x - shift), f64 mean_c, f64 m2, f64 m2_c, f64 min,
 * f64 max; all zero when n = 0.
 */
#ifndef DV_STATS_MOMENTS_H
#define DV_STATS_MOMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <math.h>

#include "stats/sketch.h"

typedef struct dv_moments {
	uint64_t n;  /* values added */
	double shift; /* the first value */
	double mean; /* running mean of x - shift: see dv_moments_mean() */
	double mean_c; /* its compensation: the mean is mean + mean_c */
	double m2;   /* sum of squared deviations from the mean */
	double m2_c; /* its compensation */
	double min;  /* exact, when n > 0 */
	double max;
} dv_moments;

/* Empty: n = 0. */
void dv_moments_init(dv_moments *m);

/* Add one value; NaN and infinities are refused (EINVAL), ELIMIT at 2^64 - 1. */
dv_sketch_status dv_moments_add(dv_moments *m, double x);

/* sum += v with Neumaier's compensation: the exact sum is sum + c. */
static inline void dv_moments_add_comp(double *sum, double *c, double v)
{
	double t = *sum + v;

	if (fabs(*sum) >= fabs(v))
		*c += (*sum - t) + v;
	else
		*c += (v - t) + *sum;
	*sum = t;
}

/* dv_moments_add() inline, for the profile's per-value path (one call a
 * value cost about a fifth of the update). */
static inline dv_sketch_status dv_moments_add_inline(dv_moments *m, double x)
{
	double d;

	if (!isfinite(x))
		return DV_SKETCH_EINVAL;
	if (m->n == UINT64_MAX)
		return DV_SKETCH_ELIMIT;
	if (m->n == 0 || x < m->min)
		m->min = x;
	if (m->n == 0 || x > m->max)
		m->max = x;
	if (m->n == 0)
		m->shift = x;
	m->n++;
	x -= m->shift;
	d = (x - m->mean) - m->mean_c;
	dv_moments_add_comp(&m->mean, &m->mean_c, d / (double)m->n);
	dv_moments_add_comp(&m->m2, &m->m2_c, d * ((x - m->mean) - m->mean_c));
	return DV_SKETCH_OK;
}

/* Merge src into dst (Chan et al.). ELIMIT when n would overflow. */
dv_sketch_status dv_moments_merge(dv_moments *dst, const dv_moments *src);

/* The mean: shift + (mean + mean_c); 0 when n = 0. */
double dv_moments_mean(const dv_moments *m);

/* Population variance M2 / n and its square root; 0 when n = 0. */
double dv_moments_variance(const dv_moments *m);
double dv_moments_stddev(const dv_moments *m);

dv_sketch_status dv_moments_serialize(const dv_moments *m, char **out,
				      size_t *out_len);
/* Fill *m from text; on failure *m is untouched. */
dv_sketch_status dv_moments_deserialize(dv_moments *m, const char *text,
					size_t len);

#endif

/*
 * dv_ksrun: the exact Kolmogorov-Smirnov distance between a stream of
 * values and a fixed step CDF (a baseline's KLL sketch, kll.h), in
 * counters that merge by addition.
 *
 * Against the baseline's distinct points b_0 < ... < b_m it counts the
 * stream's values equal to each point (eq[i]) and strictly between two
 * neighbours (gap[i]: in (b_{i-1}, b_i); gap[0] below b_0, gap[m + 1]
 * above b_m). The stream's CDF is exact at every point and just below
 * it, and the baseline's is constant between points, so the distance is
 * exact for the stream's side: the only error is the baseline sketch's.
 * Two runs' counters over the same baseline add up to the counters of
 * one run over both (sharded runs: engine/part_state.c).
 */
#ifndef DV_STATS_KSRUN_H
#define DV_STATS_KSRUN_H

#include <stddef.h>
#include <stdint.h>

#include "stats/kll.h"
#include "stats/sketch.h"

typedef struct dv_ksrun {
	double *pts;     /* the baseline's distinct points, ascending */
	uint64_t *base;  /* the baseline's count of values <= pts[i] */
	size_t n_pts;    /* m + 1; 0 for an empty baseline */
	uint64_t *eq;    /* n_pts: stream values equal to pts[i] */
	uint64_t *gap;   /* n_pts + 1: values strictly between neighbours */
	uint64_t n;      /* stream values counted */
	uint32_t *bucket; /* n_buckets + 1: points in buckets below b (ksrun.c) */
	uint32_t n_buckets;
	double lo, scale; /* a value's bucket: (x - lo) * scale, clamped */
} dv_ksrun;

/* Points of the sketch base (borrowed during the call), every counter
 * zero. ENOMEM; release either way. An empty base has no points: the
 * values are counted, the distance is not measured. */
dv_sketch_status dv_ksrun_init(dv_ksrun *k, const dv_kll *base);
void dv_ksrun_release(dv_ksrun *k);

/* Count one value: a bucket lookup and a binary search within the
 * bucket, no allocation. NaN and infinities
 * are not counted (the baseline's sketch refuses them too). */
void dv_ksrun_add(dv_ksrun *k, double x);

/*
 * sup over x of |F_run(x) - F_base(x)| into *out. EINVAL when nothing
 * was counted or the baseline is empty.
 */
dv_sketch_status dv_ksrun_distance(const dv_ksrun *k, double *out);

#endif

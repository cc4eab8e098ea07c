/*
 * dv_kll: a KLL quantile sketch of a stream of doubles (Karnin, Lang,
 * Liberty 2016, "Optimal Quantile Approximation in Streams", FOCS; the
 * lazy compaction schedule of Ivkin, Liberty, Lang, Karnin, Braverman
 * 2019, "Streaming Quantiles Algorithms with Small Space and Update
 * Time").
 *
 * Why KLL and not t-digest: the spec promises `quantiles` within 0.01 in
 * rank and KS distances from two sketches within 0.02. KLL's rank error
 * is proven, the same at every rank and independent of the data's
 * distribution and order, and a merge is exact (the merged sketch is
 * distributed as if built over the concatenated stream), so sharded
 * profiles keep the bound. t-digest is very accurate in the tails but
 * has no worst-case rank bound: adversarial orders (sorted input,
 * clustered values) can push its mid-range error past any fixed limit,
 * and its merges change the result with the merge order.
 *
 * Accuracy: the rank error of a quantile or CDF query is at most about
 * 2.3 / k^0.97 with probability 99% (for k = 400: 0.0068; measured
 * figures in README "Statistics sketches"). For n <= the sketch's
 * capacity (about 3k values) nothing is compacted: the answers are exact.
 * min, max and count are always exact.
 *
 * Determinism: the random choices come from a splitmix64 generator kept
 * in the sketch (seeded at creation, serialized with it): the same
 * values in the same order give the same sketch, bit for bit.
 *
 * Memory: at most about 3k + 8 * levels doubles (levels <= 64) plus a
 * fixed 300-byte header: k = 400 holds at most about 1,250 doubles
 * (10 KiB) for any n < 2^64. A merge holds both sketches' items for a
 * moment.
 *
 * Serialized payload (wire.h frame, magic "DVQK"): u32 k, u8 levels,
 * u64 n, f64 min, f64 max, u64 rng state, u32 size of each level (level 0
 * first), then each level's items as f64, level 0 first. An empty sketch
 * writes min = max = 0 and one empty level.
 */
#ifndef DV_STATS_KLL_H
#define DV_STATS_KLL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"

#define DV_KLL_K_MIN 8
#define DV_KLL_K_MAX 4096
/* k = 400: worst measured rank error well inside 0.01 (README). */
#define DV_KLL_K_DEFAULT 400
#define DV_KLL_MAX_LEVELS 64

typedef struct dv_kll dv_kll;

/*
 * New empty sketch in *out (free with dv_kll_free()). k in
 * [DV_KLL_K_MIN, DV_KLL_K_MAX] (else EINVAL), seed for the generator.
 */
dv_sketch_status dv_kll_new(dv_kll **out, uint32_t k, uint64_t seed);
void dv_kll_free(dv_kll *s);

/*
 * Add one value. NaN and infinities are refused (EINVAL). On ENOMEM or
 * ELIMIT (n would pass 2^64 - 1) the value is not added and the sketch
 * still summarizes the same values (a compaction may have run).
 */
dv_sketch_status dv_kll_add(dv_kll *s, double x);

/*
 * Merge src into dst (src unchanged). Both must have the same k
 * (EMISMATCH). On failure dst is unchanged.
 */
dv_sketch_status dv_kll_merge(dv_kll *dst, const dv_kll *src);

uint32_t dv_kll_k(const dv_kll *s);
uint64_t dv_kll_count(const dv_kll *s);
/* Exact minimum and maximum; false (and *out untouched) when empty. */
bool dv_kll_min(const dv_kll *s, double *out);
bool dv_kll_max(const dv_kll *s, double *out);
/* Items held now; bytes of memory held now (header included). */
size_t dv_kll_retained(const dv_kll *s);
size_t dv_kll_memory(const dv_kll *s);
/* True while no value was compacted: queries are exact. */
bool dv_kll_is_exact(const dv_kll *s);

/*
 * Value at rank q in [0, 1]: the smallest retained value v whose
 * estimated count of values <= v is at least q * n; q = 0 gives the
 * minimum, q = 1 the maximum. EINVAL when empty or q is outside [0, 1]
 * or NaN. ENOMEM: the query sorts a copy of the items.
 */
dv_sketch_status dv_kll_quantile(const dv_kll *s, double q, double *out);
/* The same for qs[0..nq) into out[0..nq), sorting once. */
dv_sketch_status dv_kll_quantiles(const dv_kll *s, const double *qs, size_t nq,
				  double *out);

/*
 * Estimated fraction of the values that are <= x (inclusive) or < x
 * (not inclusive), in [0, 1]. EINVAL when empty or x is NaN.
 */
dv_sketch_status dv_kll_rank(const dv_kll *s, double x, bool inclusive,
			     double *out);

/*
 * The sketch's estimated CDF as steps: its distinct retained values in
 * ascending order in (*pts)[0..*n), and in (*cum)[i] the estimated count
 * of values <= (*pts)[i] ((*cum)[*n - 1] is the count). New arrays: free
 * both with dv_free(). EINVAL when empty; ENOMEM (nothing to free then).
 */
dv_sketch_status dv_kll_steps(const dv_kll *s, double **pts, uint64_t **cum,
			      size_t *n);

/*
 * Kolmogorov-Smirnov distance sup |Fa(x) - Fb(x)| between the two
 * sketches' estimated distributions (k may differ). Each CDF is within
 * the sketch's rank error, so the result is within the sum of both.
 * EINVAL when either is empty.
 */
dv_sketch_status dv_kll_ks(const dv_kll *a, const dv_kll *b, double *out);

/*
 * Serialize into *out (new base64 text: free with dv_free(); *out_len
 * its length). See the payload above.
 */
dv_sketch_status dv_kll_serialize(const dv_kll *s, char **out, size_t *out_len);

/*
 * New sketch from serialized text[0..len) into *out. EFOREIGN,
 * EVERSION, ECORRUPT (see wire.h) or ENOMEM; *out NULL then.
 */
dv_sketch_status dv_kll_deserialize(dv_kll **out, const char *text, size_t len);

#endif

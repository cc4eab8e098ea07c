/*
 * dv_hll: HyperLogLog distinct-count sketch (Flajolet, Fusy, Gandouet,
 * Meunier 2007, "HyperLogLog: the analysis of a near-optimal cardinality
 * estimation algorithm") with the practical changes of Heule, Nunkesser,
 * Hall 2013, "HyperLogLog in Practice" (HLL++):
 *
 *  - a 64-bit hash (dv_hash64, XXH64), so no large-range correction;
 *  - linear counting m ln(m / V) while its estimate is at most HLL++'s
 *    threshold for the precision (11,500 for p = 14), where it is the
 *    more accurate one;
 *  - above it, instead of HLL++'s empirical bias tables (measured data we
 *    would have to copy), Ertl's improved raw estimator (Otmar Ertl 2017,
 *    "New cardinality estimation algorithms for HyperLogLog sketches",
 *    section 3), which corrects the same small-range bias analytically
 *    and is unbiased over the whole range.
 *
 * Precision p in [4, 18]: m = 2^p one-byte registers, standard error
 * about 1.04 / sqrt(m). The default p = 14 holds 16 KiB and errs by 0.8%
 * (one sigma); README "Statistics sketches" has the measured errors.
 * Merge = register-wise maximum: exact, order-free.
 *
 * Serialized payload (wire.h frame, magic "DVHL"): u8 p, then the m
 * registers packed 6 bits each, 4 registers in 3 bytes, little-endian
 * bit order (register i at bits 6i .. 6i+5 of the byte string). A
 * register is at most 65 - p.
 */
#ifndef DV_STATS_HLL_H
#define DV_STATS_HLL_H

#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"
#include "stats/wire.h"

#define DV_HLL_P_MIN 4
#define DV_HLL_P_MAX 18
#define DV_HLL_P_DEFAULT 14

typedef struct dv_hll dv_hll;

/* New empty sketch in *out (free with dv_hll_free()); p out of range: EINVAL. */
dv_sketch_status dv_hll_new(dv_hll **out, unsigned p);
void dv_hll_free(dv_hll *h);

/* Add a value by its canonical key bytes (hashed with dv_hash64, seed 0). */
void dv_hll_add(dv_hll *h, const void *key, size_t len);
/* Add a value by its 64-bit hash. */
void dv_hll_add_hash(dv_hll *h, uint64_t hash);
/* Ask for the register dv_hll_add_hash(h, hash) will update (a cache
 * hint: with 2^p registers per column, a profile's registers do not fit
 * in the first-level cache). */
void dv_hll_prefetch(const dv_hll *h, uint64_t hash);

/* Merge src into dst: the same p (else EMISMATCH). */
dv_sketch_status dv_hll_merge(dv_hll *dst, const dv_hll *src);

/* Estimated number of distinct values added. */
double dv_hll_estimate(const dv_hll *h);

unsigned dv_hll_p(const dv_hll *h);
/* Bytes held (header and registers). */
size_t dv_hll_memory(const dv_hll *h);

/* Serialize / deserialize as in kll.h (text: free with dv_free()). */
dv_sketch_status dv_hll_serialize(const dv_hll *h, char **out, size_t *out_len);
dv_sketch_status dv_hll_deserialize(dv_hll **out, const char *text, size_t len);

/* The payload alone, for sketches that embed one (distinct.h). */
void dv_hll_put(const dv_hll *h, dv_wire_w *w);
dv_sketch_status dv_hll_get(dv_hll **out, dv_wire_r *r);

#endif

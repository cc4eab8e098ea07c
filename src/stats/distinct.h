/*
 * dv_distinct: a distinct counter that is exact while it has seen at
 * most `threshold` distinct values and a HyperLogLog (hll.h) after. It
 * keeps the values' 64-bit hashes (dv_hash64 of the caller's canonical
 * key bytes) in an open-addressing set; one more distinct hash than the
 * threshold moves them all into the registers and frees the set. "Exact"
 * means exact up to a 64-bit hash collision (probability about
 * t^2 / 2^65: below 1e-13 for t = 4,096).
 *
 * Mergeable both ways: exact + exact is the union (becoming a HyperLogLog
 * when it passes the threshold), exact + HLL adds the hashes to the
 * registers, HLL + HLL takes the register-wise maximum. The result equals
 * the sketch of the concatenated stream, whatever the order.
 *
 * Memory: exact, at most 16 bytes per threshold value (the set stays at
 * most half full; threshold <= DV_DISTINCT_EXACT_MAX = 4,096, so at most
 * 64 KiB); approximate, the HLL's 2^p bytes (16 KiB for p = 14).
 *
 * Serialized payload (wire.h frame, magic "DVDC"): u8 p, u32 threshold,
 * u8 mode (0 exact, 1 hll); exact: u32 count, then the hashes as u64 in
 * strictly ascending order (count <= threshold); hll: the HLL payload
 * (hll.h).
 */
#ifndef DV_STATS_DISTINCT_H
#define DV_STATS_DISTINCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"

#define DV_DISTINCT_EXACT_MAX 4096
#define DV_DISTINCT_EXACT_DEFAULT 1024

typedef struct dv_distinct dv_distinct;

/*
 * New empty counter in *out (free with dv_distinct_free()): exact up to
 * `threshold` (<= DV_DISTINCT_EXACT_MAX) distinct values, then an HLL of
 * precision p (hll.h). EINVAL for parameters out of range.
 */
dv_sketch_status dv_distinct_new(dv_distinct **out, uint32_t threshold, unsigned p);
void dv_distinct_free(dv_distinct *d);

/* Add a value by its key bytes / by its dv_hash64 (seed 0) hash.
 * ENOMEM leaves the counter as it was. */
dv_sketch_status dv_distinct_add(dv_distinct *d, const void *key, size_t len);
dv_sketch_status dv_distinct_add_hash(dv_distinct *d, uint64_t hash);
/* Ask for the cache line dv_distinct_add_hash(d, hash) will touch in
 * HyperLogLog mode (a hint: nothing changes). */
void dv_distinct_prefetch(const dv_distinct *d, uint64_t hash);

/*
 * Merge src into dst. The same p (else EMISMATCH); dst keeps its own
 * threshold. ENOMEM leaves dst as it was.
 */
dv_sketch_status dv_distinct_merge(dv_distinct *dst, const dv_distinct *src);

/* The count: exact while dv_distinct_is_exact(), else the HLL estimate. */
double dv_distinct_estimate(const dv_distinct *d);
bool dv_distinct_is_exact(const dv_distinct *d);
size_t dv_distinct_memory(const dv_distinct *d);

dv_sketch_status dv_distinct_serialize(const dv_distinct *d, char **out,
				       size_t *out_len);
dv_sketch_status dv_distinct_deserialize(dv_distinct **out, const char *text,
					 size_t len);

#endif

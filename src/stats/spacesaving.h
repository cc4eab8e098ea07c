/*
 * dv_ss: Space-Saving heavy hitters (Metwally, Agrawal, El Abbadi 2005,
 * "Efficient Computation of Frequent and Top-k Elements in Data
 * Streams"), weighted, with a merge that keeps the same guarantee
 * (the mergeable-summaries framework of Agarwal, Cormode, Huang,
 * Phillips, Wei, Yi 2012, "Mergeable Summaries"; the proof is in
 * spacesaving.c).
 *
 * With capacity c after a stream of total weight n:
 *  - every item whose true count f exceeds n / c is in the summary;
 *  - each entry's count overestimates: count - err <= f <= count, and
 *    err <= the smallest count <= n / c;
 *  - while fewer than c distinct items were seen, every count is exact
 *    (err = 0).
 *
 * Keys are the caller's canonical bytes of a typed value. At most
 * key_max bytes of each are stored; a longer key is identified by its
 * length, its XXH64 hash and its first key_max bytes, and is reported
 * with `truncated` set (two long keys that agree on all three are
 * counted as one: probability about 2^-64).
 *
 * Updates are O(1) for a weight of 1: the counts are kept in
 * Metwally et al.'s stream-summary (buckets of equal counts), not a heap.
 *
 * Memory, fixed at creation: capacity * (key_max + 64) bytes plus an
 * index of 16 to 32 bytes per entry (dv_ss_memory()); capacity <=
 * DV_SS_CAPACITY_MAX, key_max <= DV_SS_KEY_MAX and capacity * key_max <=
 * DV_SS_KEY_BYTES_MAX (4 MiB). A merge holds both summaries' entries
 * once more for a moment.
 *
 * Serialized payload (wire.h frame, magic "DVSS"): u32 capacity,
 * u32 key_max, u64 n, u32 size, then `size` entries in min-heap order
 * (a parent's count <= its children's; this writer sorts them by
 * ascending count, which is such an order): u64 count, u64 err, u64 hash
 * (XXH64, seed 0, of the whole key), u32 key length, then the first
 * min(length, key_max) key bytes.
 */
#ifndef DV_STATS_SPACESAVING_H
#define DV_STATS_SPACESAVING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"

#define DV_SS_CAPACITY_MAX 65536
#define DV_SS_KEY_MAX 1024
#define DV_SS_KEY_BYTES_MAX (4u * 1024 * 1024)

typedef struct dv_ss dv_ss;

/* One summary entry, as dv_ss_top() reports it. */
typedef struct dv_ss_item {
	const unsigned char *key; /* borrowed: valid until the summary changes */
	size_t len;               /* bytes at key: min(full_len, key_max) */
	size_t full_len;          /* the key's length as added */
	bool truncated;           /* full_len > key_max */
	uint64_t count;           /* estimate: count - err <= true count <= count */
	uint64_t err;             /* most the count may overestimate */
	uint64_t hash;            /* dv_hash64 (seed 0) of the whole key */
} dv_ss_item;

/*
 * Order of two keys of equal count, for ties in the caller's type order
 * (numbers numerically, dates chronologically, ...): negative, zero or
 * positive as a sorts before, with or after b. NULL: byte-wise, a
 * shorter prefix first.
 */
typedef int (*dv_ss_cmp_fn)(void *ud, const unsigned char *a, size_t alen,
			    const unsigned char *b, size_t blen);

/* New empty summary (free with dv_ss_free()); EINVAL for parameters out of range. */
dv_sketch_status dv_ss_new(dv_ss **out, uint32_t capacity, uint32_t key_max);
void dv_ss_free(dv_ss *s);

/*
 * Count key[0..len) `weight` (>= 1, else EINVAL) more times. ELIMIT when
 * the total would pass 2^64 - 1 (nothing counted).
 */
dv_sketch_status dv_ss_add(dv_ss *s, const void *key, size_t len, uint64_t weight);
/* The same with the key's hash already computed by the caller: it must be
 * dv_hash64(key, len, 0) (the serialized form carries it and its reader
 * checks it). */
dv_sketch_status dv_ss_add_hash(dv_ss *s, const void *key, size_t len,
				uint64_t hash, uint64_t weight);
/* Ask for the index line dv_ss_add_hash(s, ..., hash, ...) reads first
 * (a cache hint: nothing changes). */
void dv_ss_prefetch(const dv_ss *s, uint64_t hash);

/*
 * Merge src into dst: the same capacity and key_max (else EMISMATCH).
 * The guarantees above hold for the concatenated stream. On failure dst
 * is unchanged.
 */
dv_sketch_status dv_ss_merge(dv_ss *dst, const dv_ss *src);

/*
 * The (at most) `max` entries with the highest counts into out[], sorted
 * by count descending, then by `cmp` ascending (then by length and hash,
 * so the order is total). Returns how many were written.
 */
size_t dv_ss_top(const dv_ss *s, dv_ss_item *out, size_t max, dv_ss_cmp_fn cmp,
		 void *ud);

/* Total weight added. */
uint64_t dv_ss_total(const dv_ss *s);
/* Entries held. */
size_t dv_ss_size(const dv_ss *s);
/*
 * Most an absent item may have been seen: the smallest count when the
 * summary is full, else 0 (every item seen is held, exactly).
 */
uint64_t dv_ss_absent_bound(const dv_ss *s);
size_t dv_ss_memory(const dv_ss *s);

dv_sketch_status dv_ss_serialize(const dv_ss *s, char **out, size_t *out_len);
dv_sketch_status dv_ss_deserialize(dv_ss **out, const char *text, size_t len);

#endif

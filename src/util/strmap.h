/*
 * dv_strmap: an index of byte strings by content, for finding a name
 * among many in constant time (a column by its name, a repeated name in a
 * csv header). The map keeps no strings: each entry is a number (an index
 * into the caller's array), and the caller's `key` function gives the
 * bytes of entry v. Open addressing with linear probing; the size is
 * fixed at init for at most `n` entries (load at most 3/4). Eight bytes
 * a slot: 32 bits of hash and the entry.
 */
#ifndef DV_UTIL_STRMAP_H
#define DV_UTIL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"

/* Bytes of entry v: returns the bytes, *len their length. */
typedef const char *(*dv_strmap_key_fn)(const void *ctx, uint32_t v,
					size_t *len);

typedef struct dv_strmap {
	uint64_t *slots;      /* (hash32 << 32) | (entry + 1); 0 = empty */
	size_t mask;          /* slots - 1 */
	size_t count;         /* entries */
	size_t max;           /* entries allowed (the init's n) */
	dv_strmap_key_fn key; /* bytes of an entry */
	const void *ctx;      /* for key; borrowed */
} dv_strmap;

/* An empty map for up to n entries (n < 2^32 - 1). DCVAL_ENOMEM, or
 * DCVAL_ELIMIT when n is too large. Release with dv_strmap_release(). */
dcval_status dv_strmap_init(dv_strmap *m, size_t n, dv_strmap_key_fn key,
			    const void *ctx);
void dv_strmap_release(dv_strmap *m);

/* Hash of s[0..len) as the map uses it. */
uint64_t dv_strmap_hash(const char *s, size_t len);

/*
 * Add entry v unless an entry with the same bytes is in the map. Returns
 * true when v was added; false when it was not, *first (may be NULL) then
 * the entry that holds those bytes. More than n entries is a caller bug:
 * the entry is then not added and *first is v.
 */
bool dv_strmap_add(dv_strmap *m, uint32_t v, uint32_t *first);

/* The entry whose bytes are s[0..len): true and *v, or false. */
bool dv_strmap_find(const dv_strmap *m, const char *s, size_t len,
		    uint32_t *v);

#endif

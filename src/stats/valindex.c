/*
 * Hash index over a value list; see valindex.h.
 */
#include <string.h>

#include "stats/hash64.h"
#include "stats/shortkey.h"
#include "stats/valindex.h"
#include "util/alloc.h"

/* splitmix64's finalizer (Steele, Lea, Flood 2014): integers spread
 * over every bit. */
static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Short strings (most value lists: codes, categories) are their own
 * words (stats/shortkey.h), mixed with their length; longer ones XXH64. */
static uint32_t home(const dv_vindex *x, const char *s, size_t len, int64_t i)
{
	uint64_t h, w[2];

	if (!x->str) {
		h = mix((uint64_t)i);
	} else if (len <= DV_SHORTKEY_MAX) {
		dv_shortkey_words(s, len, w);
		h = mix(w[0] ^ w[1] * 0xC2B2AE3D27D4EB4FULL ^
		      (uint64_t)len * 0x9E3779B97F4A7C15ULL);
	} else {
		h = dv_hash64(s, len, 0);
	}
	return (uint32_t)h & x->mask;
}

static int same(const dv_vindex *x, uint32_t k, const char *s, size_t len,
		int64_t i)
{
	if (!x->str)
		return x->ival[k] == i;
	return x->len[k] == len && dv_shortkey_equal(x->str[k], s, len);
}

dv_sketch_status dv_vindex_init(dv_vindex *x, const char *const *str,
				const size_t *len, const int64_t *ival, size_t n)
{
	size_t slots = 8, k;
	uint32_t p;

	memset(x, 0, sizeof(*x));
	if (n > DV_VINDEX_MAX)
		return DV_SKETCH_EINVAL;
	while (slots < 2 * n)
		slots *= 2;
	x->slot = dv_calloc(slots, sizeof(*x->slot));
	if (!x->slot)
		return DV_SKETCH_ENOMEM;
	x->mask = (uint32_t)(slots - 1);
	x->str = str;
	x->len = len;
	x->ival = ival;
	for (k = 0; k < n; k++) {
		const char *s = str ? str[k] : NULL;
		size_t l = str ? len[k] : 0;
		int64_t i = str ? 0 : ival[k];

		for (p = home(x, s, l, i); x->slot[p]; p = (p + 1) & x->mask)
			if (same(x, x->slot[p] - 1, s, l, i))
				break;
		if (!x->slot[p])
			x->slot[p] = (uint32_t)k + 1;
	}
	return DV_SKETCH_OK;
}

void dv_vindex_release(dv_vindex *x)
{
	dv_free(x->slot);
	x->slot = NULL;
}

long dv_vindex_find(const dv_vindex *x, const char *s, size_t len, int64_t i)
{
	uint32_t p;

	for (p = home(x, s, len, i); x->slot[p]; p = (p + 1) & x->mask)
		if (same(x, x->slot[p] - 1, s, len, i))
			return (long)x->slot[p] - 1;
	return -1;
}

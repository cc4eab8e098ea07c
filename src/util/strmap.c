/*
 * Index of byte strings by content; see strmap.h. Hashes: util/hash.h,
 * as the key sets use.
 */
#include <string.h>

#include "util/alloc.h"
#include "util/hash.h"
#include "util/strmap.h"

uint64_t dv_strmap_hash(const char *s, size_t len)
{
	return dv_hash_bytes(s, len);
}

dcval_status dv_strmap_init(dv_strmap *m, size_t n, dv_strmap_key_fn key,
			    const void *ctx)
{
	size_t size = 16;

	memset(m, 0, sizeof(*m));
	if (n >= UINT32_MAX)
		return DCVAL_ELIMIT;
	while (size / 4 * 3 < n + 1)
		size *= 2;
	m->slots = dv_calloc(size, sizeof(*m->slots));
	if (!m->slots)
		return DCVAL_ENOMEM;
	m->mask = size - 1;
	m->max = n;
	m->key = key;
	m->ctx = ctx;
	return DCVAL_OK;
}

void dv_strmap_release(dv_strmap *m)
{
	dv_free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* The slot holding bytes s[0..len) (hash h), or the empty slot where they
 * would go. */
static size_t sm_probe(const dv_strmap *m, const char *s, size_t len,
		       uint64_t h)
{
	uint32_t tag = (uint32_t)(h >> 32);
	size_t i, klen;

	for (i = (size_t)h & m->mask; m->slots[i]; i = (i + 1) & m->mask) {
		uint64_t slot = m->slots[i];
		const char *k;

		if ((uint32_t)(slot >> 32) != tag)
			continue;
		k = m->key(m->ctx, (uint32_t)slot - 1, &klen);
		if (klen == len && (len == 0 || memcmp(k, s, len) == 0))
			return i;
	}
	return i;
}

bool dv_strmap_add(dv_strmap *m, uint32_t v, uint32_t *first)
{
	size_t len, i;
	const char *s = m->key(m->ctx, v, &len);
	uint64_t h = dv_strmap_hash(s, len);

	i = sm_probe(m, s, len, h);
	if (m->slots[i]) {
		if (first)
			*first = (uint32_t)m->slots[i] - 1;
		return false;
	}
	if (m->count == m->max) {
		if (first)
			*first = v;
		return false;
	}
	m->slots[i] = (h >> 32 << 32) | ((uint64_t)v + 1);
	m->count++;
	return true;
}

bool dv_strmap_find(const dv_strmap *m, const char *s, size_t len,
		    uint32_t *v)
{
	size_t i;

	if (!m->slots)
		return false;
	i = sm_probe(m, s, len, dv_strmap_hash(s, len));
	if (!m->slots[i])
		return false;
	*v = (uint32_t)m->slots[i] - 1;
	return true;
}

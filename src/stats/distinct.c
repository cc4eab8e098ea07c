/*
 * Exact-then-HyperLogLog distinct counter; see distinct.h.
 *
 * The exact set is linear probing over uint64_t slots; 0 marks an empty
 * slot, so the hash 0 itself is a flag (has_zero). The table doubles
 * when it would pass half full and never exceeds 2 * threshold slots.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/distinct.h"
#include "stats/hash64.h"
#include "stats/hll.h"
#include "stats/wire.h"
#include "util/alloc.h"

struct dv_distinct {
	uint32_t threshold; /* most distinct hashes kept exactly */
	unsigned p;         /* HLL precision */
	uint32_t count;     /* distinct hashes in the set (has_zero included) */
	uint32_t slots;     /* table size, a power of two; 0 before the first add */
	uint64_t *set;      /* exact mode: the table; NULL in HLL mode */
	bool has_zero;      /* the hash 0 was added */
	dv_hll *hll;        /* HLL mode: the registers */
};

dv_sketch_status dv_distinct_new(dv_distinct **out, uint32_t threshold, unsigned p)
{
	dv_distinct *d;

	*out = NULL;
	if (threshold > DV_DISTINCT_EXACT_MAX || p < DV_HLL_P_MIN || p > DV_HLL_P_MAX)
		return DV_SKETCH_EINVAL;
	d = dv_calloc(1, sizeof(*d));
	if (!d)
		return DV_SKETCH_ENOMEM;
	d->threshold = threshold;
	d->p = p;
	*out = d;
	return DV_SKETCH_OK;
}

void dv_distinct_free(dv_distinct *d)
{
	if (!d)
		return;
	dv_free(d->set);
	dv_hll_free(d->hll);
	dv_free(d);
}

/* Linear probe for h (nonzero) in t[0..slots): its slot or the empty one. */
static uint64_t *probe(uint64_t *t, uint32_t slots, uint64_t h)
{
	uint32_t i = (uint32_t)(h >> 32) & (slots - 1);

	while (t[i] && t[i] != h)
		i = (i + 1) & (slots - 1);
	return &t[i];
}

static bool set_has(const dv_distinct *d, uint64_t h)
{
	if (h == 0)
		return d->has_zero;
	return d->slots && *probe(d->set, d->slots, h) == h;
}

/* Room for one more hash: double the table past half full. */
static dv_sketch_status grow(dv_distinct *d)
{
	uint32_t n = d->slots ? d->slots * 2 : 16, i;
	uint64_t *t;

	if ((uint64_t)(d->count + 1) * 2 <= d->slots)
		return DV_SKETCH_OK;
	t = dv_calloc(n, sizeof(*t));
	if (!t)
		return DV_SKETCH_ENOMEM;
	for (i = 0; i < d->slots; i++)
		if (d->set[i])
			*probe(t, n, d->set[i]) = d->set[i];
	dv_free(d->set);
	d->set = t;
	d->slots = n;
	return DV_SKETCH_OK;
}

/* Move every hash into a new HLL; the set is freed. */
static dv_sketch_status to_hll(dv_distinct *d)
{
	dv_hll *h;
	dv_sketch_status st = dv_hll_new(&h, d->p);
	uint32_t i;

	if (st != DV_SKETCH_OK)
		return st;
	if (d->has_zero)
		dv_hll_add_hash(h, 0);
	for (i = 0; i < d->slots; i++)
		if (d->set[i])
			dv_hll_add_hash(h, d->set[i]);
	dv_free(d->set);
	d->set = NULL;
	d->slots = 0;
	d->count = 0;
	d->has_zero = false;
	d->hll = h;
	return DV_SKETCH_OK;
}

dv_sketch_status dv_distinct_add_hash(dv_distinct *d, uint64_t hash)
{
	dv_sketch_status st;

	if (d->hll) {
		dv_hll_add_hash(d->hll, hash);
		return DV_SKETCH_OK;
	}
	if (set_has(d, hash))
		return DV_SKETCH_OK;
	if (d->count == d->threshold) {
		st = to_hll(d);
		if (st == DV_SKETCH_OK)
			dv_hll_add_hash(d->hll, hash);
		return st;
	}
	if (hash == 0) {
		d->has_zero = true;
	} else {
		st = grow(d);
		if (st != DV_SKETCH_OK)
			return st;
		*probe(d->set, d->slots, hash) = hash;
	}
	d->count++;
	return DV_SKETCH_OK;
}

void dv_distinct_prefetch(const dv_distinct *d, uint64_t hash)
{
	if (d->hll)
		dv_hll_prefetch(d->hll, hash);
}

dv_sketch_status dv_distinct_add(dv_distinct *d, const void *key, size_t len)
{
	return dv_distinct_add_hash(d, dv_hash64(key, len, 0));
}

/* The hashes of an exact counter: new array (dv_free), sorted ascending. */
static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t *hashes(const dv_distinct *d)
{
	uint64_t *v = dv_mallocarray(d->count ? d->count : 1, sizeof(*v));
	uint32_t i, j = 0;

	if (!v)
		return NULL;
	if (d->has_zero)
		v[j++] = 0;
	for (i = 0; i < d->slots; i++)
		if (d->set[i])
			v[j++] = d->set[i];
	qsort(v, j, sizeof(*v), cmp_u64);
	return v;
}

/*
 * Exact src into any dst: add its hashes one by one, on a copy of dst so
 * that a failure half way leaves dst as it was. HLL src: registers.
 */
static dv_sketch_status copy_of(const dv_distinct *d, dv_distinct **out);

dv_sketch_status dv_distinct_merge(dv_distinct *dst, const dv_distinct *src)
{
	dv_distinct *t, swap;
	uint64_t *v = NULL;
	uint32_t i;
	dv_sketch_status st;

	if (dst->p != src->p)
		return DV_SKETCH_EMISMATCH;
	st = copy_of(dst, &t);
	if (st != DV_SKETCH_OK)
		return st;
	if (src->hll) {
		if (!t->hll)
			st = to_hll(t);
		if (st == DV_SKETCH_OK)
			st = dv_hll_merge(t->hll, src->hll);
	} else if (src->count) {
		v = hashes(src);
		if (!v)
			st = DV_SKETCH_ENOMEM;
		for (i = 0; v && i < src->count && st == DV_SKETCH_OK; i++)
			st = dv_distinct_add_hash(t, v[i]);
		dv_free(v);
	}
	if (st == DV_SKETCH_OK) {
		swap = *dst;
		*dst = *t;
		*t = swap;
	}
	dv_distinct_free(t);
	return st;
}

static dv_sketch_status copy_of(const dv_distinct *d, dv_distinct **out)
{
	dv_distinct *t;
	dv_sketch_status st = dv_distinct_new(&t, d->threshold, d->p);

	*out = NULL;
	if (st != DV_SKETCH_OK)
		return st;
	*t = *d;
	t->set = NULL;
	t->hll = NULL;
	if (d->hll) {
		st = dv_hll_new(&t->hll, d->p);
		if (st == DV_SKETCH_OK)
			st = dv_hll_merge(t->hll, d->hll);
	} else if (d->slots) {
		t->set = dv_mallocarray(d->slots, sizeof(uint64_t));
		if (t->set)
			memcpy(t->set, d->set, d->slots * sizeof(uint64_t));
		else
			st = DV_SKETCH_ENOMEM;
	}
	if (st != DV_SKETCH_OK) {
		dv_distinct_free(t);
		return st;
	}
	*out = t;
	return DV_SKETCH_OK;
}

double dv_distinct_estimate(const dv_distinct *d)
{
	return d->hll ? dv_hll_estimate(d->hll) : (double)d->count;
}

bool dv_distinct_is_exact(const dv_distinct *d)
{
	return d->hll == NULL;
}

size_t dv_distinct_memory(const dv_distinct *d)
{
	return sizeof(*d) + (size_t)d->slots * sizeof(uint64_t) +
	       (d->hll ? dv_hll_memory(d->hll) : 0);
}

dv_sketch_status dv_distinct_serialize(const dv_distinct *d, char **out,
				       size_t *out_len)
{
	dv_wire_w w;
	uint64_t *v;
	uint32_t i;

	*out = NULL;
	*out_len = 0;
	dv_wire_begin(&w, "DVDC");
	dv_wire_u8(&w, (uint8_t)d->p);
	dv_wire_u32(&w, d->threshold);
	dv_wire_u8(&w, d->hll ? 1 : 0);
	if (d->hll) {
		dv_hll_put(d->hll, &w);
	} else {
		v = hashes(d);
		if (!v) {
			dv_buf_release(&w.b);
			return DV_SKETCH_ENOMEM;
		}
		dv_wire_u32(&w, d->count);
		for (i = 0; i < d->count; i++)
			dv_wire_u64(&w, v[i]);
		dv_free(v);
	}
	return dv_wire_end(&w, out, out_len);
}

/* The exact form: count <= threshold hashes, strictly ascending. */
static dv_sketch_status read_exact(dv_distinct *d, dv_wire_r *r)
{
	uint32_t n = dv_wire_get_u32(r), i;
	uint64_t prev = 0, h;
	dv_sketch_status st;

	if (r->bad || n > d->threshold || dv_wire_left(r) != (size_t)n * 8)
		return DV_SKETCH_ECORRUPT;
	for (i = 0; i < n; i++) {
		h = dv_wire_get_u64(r);
		if (i && h <= prev)
			return DV_SKETCH_ECORRUPT;
		prev = h;
		st = dv_distinct_add_hash(d, h);
		if (st != DV_SKETCH_OK)
			return st;
	}
	return DV_SKETCH_OK;
}

dv_sketch_status dv_distinct_deserialize(dv_distinct **out, const char *text,
					 size_t len)
{
	dv_wire_r r;
	dv_distinct *d = NULL;
	unsigned p, mode;
	uint32_t threshold;
	dv_sketch_status st;

	*out = NULL;
	st = dv_wire_open(&r, text, len, "DVDC");
	if (st != DV_SKETCH_OK)
		return st;
	p = dv_wire_get_u8(&r);
	threshold = dv_wire_get_u32(&r);
	mode = dv_wire_get_u8(&r);
	st = DV_SKETCH_ECORRUPT;
	if (!r.bad && mode <= 1)
		st = dv_distinct_new(&d, threshold, p);
	if (st == DV_SKETCH_EINVAL)
		st = DV_SKETCH_ECORRUPT;
	if (st == DV_SKETCH_OK)
		st = mode ? dv_hll_get(&d->hll, &r) : read_exact(d, &r);
	if (st == DV_SKETCH_OK && d->hll && dv_hll_p(d->hll) != p)
		st = DV_SKETCH_ECORRUPT;
	if (st == DV_SKETCH_OK)
		st = dv_wire_done(&r);
	dv_wire_close(&r);
	if (st != DV_SKETCH_OK) {
		dv_distinct_free(d);
		return st;
	}
	*out = d;
	return DV_SKETCH_OK;
}

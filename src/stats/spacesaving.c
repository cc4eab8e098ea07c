/*
 * Space-Saving heavy hitters; see spacesaving.h for the guarantees and
 * the format.
 *
 * Structures, all sized at creation: `slot` holds the entries (count,
 * err, hash, length; the key bytes at keys + i * key_max), `heap` is a
 * binary min-heap of slot numbers by count (the entry to evict is
 * heap[0]), `table` an open-addressing index (linear probing, slot + 1,
 * 0 empty, at most half full) from a key to its slot.
 *
 * Merge (after Agarwal et al. 2012, section 2, which merges Misra-Gries
 * summaries, isomorphic to Space-Saving ones). Let m_i be summary i's
 * smallest count when it is full, else 0: an item absent from it was
 * seen at most m_i times there. For every item x held by either summary
 * take count = c1(x) + c2(x) and err = e1(x) + e2(x), an absent item
 * contributing c_i = e_i = m_i; keep the `capacity` largest counts.
 *  - Bounds per item: each part keeps c_i - e_i <= f_i <= c_i, so the
 *    sums do.
 *  - Sum of the kept counts <= n1 + n2: the kept set's c1 parts are at
 *    most summary 1's `capacity` largest counts (its own entries, the
 *    others m1 each, no more than its smallest) whose sum is <= n1;
 *    the same for summary 2. Hence the smallest kept count is
 *    <= n / capacity.
 *  - An item not kept was seen at most min kept count times: a dropped
 *    candidate had a count no larger, and an item in neither summary
 *    was seen at most m1 + m2 times, no more than any candidate's count.
 *  - err <= the smallest count (m1 + m2 at most) remains, and a summary
 *    that is not full after the merge came from two that were not full:
 *    its counts are exact.
 * Single updates keep the same invariants (Metwally et al., Lemma 3.3),
 * so the bounds hold after any mix of adds and merges.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/hash64.h"
#include "stats/spacesaving.h"
#include "stats/wire.h"
#include "util/alloc.h"

struct slot {
	uint64_t count;  /* overestimate of the item's count */
	uint64_t err;    /* count - err <= true count */
	uint64_t hash;   /* XXH64 of the whole key */
	uint32_t len;    /* the key's full length */
	uint32_t heap;   /* position in heap[] */
};

struct dv_ss {
	uint32_t cap;          /* most entries */
	uint32_t key_max;      /* key bytes kept per entry */
	uint32_t size;         /* entries held */
	uint32_t tsize;        /* table slots: a power of two >= 2 cap */
	uint64_t n;            /* total weight */
	struct slot *slot;     /* [cap] */
	unsigned char *keys;   /* [cap * key_max] */
	uint32_t *heap;        /* [cap] slot numbers, min-heap by count */
	uint32_t *table;       /* [tsize] slot + 1, 0 empty */
};

/* A merge candidate. */
struct cand {
	uint64_t count;
	uint64_t err;
	uint64_t hash;
	uint32_t len;
	uint32_t max;             /* key_max */
	const unsigned char *key; /* min(len, key_max) bytes */
};

static size_t stored(const dv_ss *s, size_t len)
{
	return len < s->key_max ? len : s->key_max;
}

static unsigned char *key_of(const dv_ss *s, uint32_t i)
{
	return s->keys + (size_t)i * s->key_max;
}

/* The arrays of a summary with s->cap and s->key_max set. */
static dv_sketch_status alloc_arrays(dv_ss *s)
{
	s->tsize = 2;
	while (s->tsize < 2 * s->cap)
		s->tsize *= 2;
	s->slot = dv_mallocarray(s->cap, sizeof(*s->slot));
	s->keys = dv_mallocarray(s->cap, s->key_max);
	s->heap = dv_mallocarray(s->cap, sizeof(*s->heap));
	s->table = dv_calloc(s->tsize, sizeof(*s->table));
	if (!s->slot || !s->keys || !s->heap || !s->table)
		return DV_SKETCH_ENOMEM;
	return DV_SKETCH_OK;
}

static void free_arrays(dv_ss *s)
{
	dv_free(s->slot);
	dv_free(s->keys);
	dv_free(s->heap);
	dv_free(s->table);
}

dv_sketch_status dv_ss_new(dv_ss **out, uint32_t capacity, uint32_t key_max)
{
	dv_ss *s;

	*out = NULL;
	if (capacity < 1 || capacity > DV_SS_CAPACITY_MAX || key_max < 1 ||
	    key_max > DV_SS_KEY_MAX ||
	    (uint64_t)capacity * key_max > DV_SS_KEY_BYTES_MAX)
		return DV_SKETCH_EINVAL;
	s = dv_calloc(1, sizeof(*s));
	if (!s)
		return DV_SKETCH_ENOMEM;
	s->cap = capacity;
	s->key_max = key_max;
	if (alloc_arrays(s) != DV_SKETCH_OK) {
		dv_ss_free(s);
		return DV_SKETCH_ENOMEM;
	}
	*out = s;
	return DV_SKETCH_OK;
}

void dv_ss_free(dv_ss *s)
{
	if (!s)
		return;
	free_arrays(s);
	dv_free(s);
}

/* Table position of the key, or of the empty slot where it would go. */
static uint32_t lookup(const dv_ss *s, const void *key, size_t len, uint64_t hash)
{
	uint32_t mask = s->tsize - 1, i = (uint32_t)hash & mask;

	while (s->table[i]) {
		const struct slot *e = &s->slot[s->table[i] - 1];

		if (e->hash == hash && e->len == len &&
		    !memcmp(key_of(s, s->table[i] - 1), key, stored(s, len)))
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Delete table position i, shifting later entries of its probe run back
 * (Knuth vol. 3, 6.4, Algorithm R). */
static void table_delete(dv_ss *s, uint32_t i)
{
	uint32_t mask = s->tsize - 1, j = i, home;

	s->table[i] = 0;
	for (;;) {
		j = (j + 1) & mask;
		if (!s->table[j])
			return;
		home = (uint32_t)s->slot[s->table[j] - 1].hash & mask;
		/* stays when home lies cyclically in (i, j] */
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		s->table[i] = s->table[j];
		s->table[j] = 0;
		i = j;
	}
}

static void heap_set(dv_ss *s, uint32_t pos, uint32_t slot)
{
	s->heap[pos] = slot;
	s->slot[slot].heap = pos;
}

static void sift_up(dv_ss *s, uint32_t pos)
{
	uint32_t x = s->heap[pos];

	while (pos > 0) {
		uint32_t parent = (pos - 1) / 2;

		if (s->slot[s->heap[parent]].count <= s->slot[x].count)
			break;
		heap_set(s, pos, s->heap[parent]);
		pos = parent;
	}
	heap_set(s, pos, x);
}

static void sift_down(dv_ss *s, uint32_t pos)
{
	uint32_t x = s->heap[pos];

	for (;;) {
		uint32_t c = 2 * pos + 1;

		if (c >= s->size)
			break;
		if (c + 1 < s->size &&
		    s->slot[s->heap[c + 1]].count < s->slot[s->heap[c]].count)
			c++;
		if (s->slot[s->heap[c]].count >= s->slot[x].count)
			break;
		heap_set(s, pos, s->heap[c]);
		pos = c;
	}
	heap_set(s, pos, x);
}

/* Fill slot i with a key. */
static void set_key(dv_ss *s, uint32_t i, const void *key, size_t len, uint64_t hash)
{
	s->slot[i].hash = hash;
	s->slot[i].len = (uint32_t)len;
	memcpy(key_of(s, i), key, stored(s, len));
}

dv_sketch_status dv_ss_add(dv_ss *s, const void *key, size_t len, uint64_t weight)
{
	uint64_t hash;
	uint32_t pos, i;

	if (weight == 0 || len > UINT32_MAX)
		return DV_SKETCH_EINVAL;
	if (s->n > UINT64_MAX - weight)
		return DV_SKETCH_ELIMIT;
	hash = dv_hash64(key, len, 0);
	pos = lookup(s, key, len, hash);
	s->n += weight;
	if (s->table[pos]) {
		i = s->table[pos] - 1;
		s->slot[i].count += weight;
		sift_down(s, s->slot[i].heap);
		return DV_SKETCH_OK;
	}
	if (s->size < s->cap) {
		i = s->size++;
		set_key(s, i, key, len, hash);
		s->slot[i].count = weight;
		s->slot[i].err = 0;
		s->heap[i] = i;
		s->slot[i].heap = i;
		sift_up(s, i);
		s->table[pos] = i + 1;
		return DV_SKETCH_OK;
	}
	/* full: the entry with the smallest count gives way */
	i = s->heap[0];
	table_delete(s, lookup(s, key_of(s, i), s->slot[i].len, s->slot[i].hash));
	set_key(s, i, key, len, hash);
	s->slot[i].err = s->slot[i].count;
	s->slot[i].count += weight;
	sift_down(s, 0);
	s->table[lookup(s, key, len, hash)] = i + 1;
	return DV_SKETCH_OK;
}

uint64_t dv_ss_total(const dv_ss *s)
{
	return s->n;
}

size_t dv_ss_size(const dv_ss *s)
{
	return s->size;
}

uint64_t dv_ss_absent_bound(const dv_ss *s)
{
	return s->size == s->cap ? s->slot[s->heap[0]].count : 0;
}

size_t dv_ss_memory(const dv_ss *s)
{
	return sizeof(*s) + (size_t)s->cap * (sizeof(struct slot) + s->key_max +
					      sizeof(uint32_t)) +
	       (size_t)s->tsize * sizeof(uint32_t);
}

static int bytes_cmp(const unsigned char *a, size_t alen, const unsigned char *b,
		     size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

/* Total order of the top list: count desc, cmp, length, hash. */
static int item_order(const dv_ss_item *a, const dv_ss_item *b, dv_ss_cmp_fn cmp,
		      void *ud)
{
	int c;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	c = cmp ? cmp(ud, a->key, a->len, b->key, b->len) :
		  bytes_cmp(a->key, a->len, b->key, b->len);
	if (c)
		return c;
	if (a->full_len != b->full_len)
		return a->full_len < b->full_len ? -1 : 1;
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Insertion into the sorted out[0..max): cheap for the short lists a
 * profile asks for, and it needs no allocation. */
size_t dv_ss_top(const dv_ss *s, dv_ss_item *out, size_t max, dv_ss_cmp_fn cmp,
		 void *ud)
{
	size_t filled = 0, j;
	uint32_t k;

	for (k = 0; k < s->size && max > 0; k++) {
		const struct slot *e = &s->slot[k];
		dv_ss_item it = { key_of(s, k), stored(s, e->len), e->len,
				  e->len > s->key_max, e->count, e->err, e->hash };

		if (filled == max && item_order(&it, &out[max - 1], cmp, ud) >= 0)
			continue;
		j = filled < max ? filled++ : max - 1;
		for (; j > 0 && item_order(&it, &out[j - 1], cmp, ud) < 0; j--)
			out[j] = out[j - 1];
		out[j] = it;
	}
	return filled;
}

/* Candidates by count desc, then hash, length, bytes: a total order, so
 * the kept set does not depend on qsort. */
static int cmp_cand(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	/* a crafted hash collision: still a total order */
	return memcmp(a->key, b->key, a->len < a->max ? a->len : a->max);
}

/* Candidate list of the merge (see the top of this file): new array. */
static struct cand *candidates(const dv_ss *a, const dv_ss *b, size_t *n_out)
{
	struct cand *c = dv_mallocarray((size_t)a->size + b->size + 1, sizeof(*c));
	uint64_t ma = dv_ss_absent_bound(a), mb = dv_ss_absent_bound(b);
	size_t n = 0;
	uint32_t i, pos;

	if (!c)
		return NULL;
	for (i = 0; i < a->size; i++) {
		const struct slot *e = &a->slot[i];

		pos = lookup(b, key_of(a, i), e->len, e->hash);
		c[n].count = e->count + (b->table[pos] ? b->slot[b->table[pos] - 1].count : mb);
		c[n].err = e->err + (b->table[pos] ? b->slot[b->table[pos] - 1].err : mb);
		c[n].hash = e->hash;
		c[n].len = e->len;
		c[n].max = a->key_max;
		c[n++].key = key_of(a, i);
	}
	for (i = 0; i < b->size; i++) {
		const struct slot *e = &b->slot[i];

		if (a->table[lookup(a, key_of(b, i), e->len, e->hash)])
			continue;
		c[n].count = e->count + ma;
		c[n].err = e->err + ma;
		c[n].hash = e->hash;
		c[n].len = e->len;
		c[n].max = b->key_max;
		c[n++].key = key_of(b, i);
	}
	*n_out = n;
	return c;
}

/* Fill t (arrays allocated, empty) with c[0..n), n <= t->cap. */
static void fill(dv_ss *t, const struct cand *c, size_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		memcpy(key_of(t, i), c[i].key, stored(t, c[i].len));
		t->slot[i].hash = c[i].hash;
		t->slot[i].len = c[i].len;
		t->slot[i].count = c[i].count;
		t->slot[i].err = c[i].err;
		t->table[lookup(t, c[i].key, c[i].len, c[i].hash)] = i + 1;
	}
	t->size = (uint32_t)n;
	for (i = 0; i < t->size; i++)
		heap_set(t, i, i);
	for (i = t->size / 2; i-- > 0;)
		sift_down(t, i);
}

dv_sketch_status dv_ss_merge(dv_ss *dst, const dv_ss *src)
{
	dv_ss t;
	struct cand *c;
	size_t n;

	if (dst->cap != src->cap || dst->key_max != src->key_max)
		return DV_SKETCH_EMISMATCH;
	if (dst->n > UINT64_MAX - src->n)
		return DV_SKETCH_ELIMIT;
	if (src->n == 0)
		return DV_SKETCH_OK;
	c = candidates(dst, src, &n);
	if (!c)
		return DV_SKETCH_ENOMEM;
	memset(&t, 0, sizeof(t));
	t.cap = dst->cap;
	t.key_max = dst->key_max;
	if (alloc_arrays(&t) != DV_SKETCH_OK) {
		free_arrays(&t);
		dv_free(c);
		return DV_SKETCH_ENOMEM;
	}
	qsort(c, n, sizeof(*c), cmp_cand);
	fill(&t, c, n < t.cap ? n : t.cap);
	t.n = dst->n + src->n;
	dv_free(c);
	free_arrays(dst);
	*dst = t;
	return DV_SKETCH_OK;
}

dv_sketch_status dv_ss_serialize(const dv_ss *s, char **out, size_t *out_len)
{
	dv_wire_w w;
	uint32_t i;

	dv_wire_begin(&w, "DVSS");
	dv_wire_u32(&w, s->cap);
	dv_wire_u32(&w, s->key_max);
	dv_wire_u64(&w, s->n);
	dv_wire_u32(&w, s->size);
	for (i = 0; i < s->size; i++) {
		const struct slot *e = &s->slot[s->heap[i]];

		dv_wire_u64(&w, e->count);
		dv_wire_u64(&w, e->err);
		dv_wire_u64(&w, e->hash);
		dv_wire_u32(&w, e->len);
		dv_wire_bytes(&w, key_of(s, s->heap[i]), stored(s, e->len));
	}
	return dv_wire_end(&w, out, out_len);
}

/*
 * One entry into slot i (= heap position i): err < count, a whole key's
 * hash checked, no duplicate, the heap order with its parent.
 */
static dv_sketch_status read_entry(dv_ss *s, dv_wire_r *r, uint32_t i)
{
	struct slot *e = &s->slot[i];
	const unsigned char *key;
	uint32_t pos;

	e->count = dv_wire_get_u64(r);
	e->err = dv_wire_get_u64(r);
	e->hash = dv_wire_get_u64(r);
	e->len = dv_wire_get_u32(r);
	key = dv_wire_get_bytes(r, stored(s, e->len));
	if (!key || e->count == 0 || e->err >= e->count)
		return DV_SKETCH_ECORRUPT;
	if (e->len <= s->key_max && dv_hash64(key, e->len, 0) != e->hash)
		return DV_SKETCH_ECORRUPT;
	if (i > 0 && s->slot[(i - 1) / 2].count > e->count)
		return DV_SKETCH_ECORRUPT;
	pos = lookup(s, key, e->len, e->hash);
	if (s->table[pos])
		return DV_SKETCH_ECORRUPT;
	memcpy(key_of(s, i), key, stored(s, e->len));
	s->table[pos] = i + 1;
	heap_set(s, i, i);
	s->size = i + 1;
	return DV_SKETCH_OK;
}

/* Entries, then the totals: sum of counts <= n, and == n with every
 * err 0 when the summary is not full. */
static dv_sketch_status read_entries(dv_ss *s, dv_wire_r *r, uint32_t size)
{
	uint64_t sum = 0;
	bool exact = true;
	uint32_t i;
	dv_sketch_status st;

	for (i = 0; i < size; i++) {
		st = read_entry(s, r, i);
		if (st != DV_SKETCH_OK)
			return st;
		if (sum > UINT64_MAX - s->slot[i].count)
			return DV_SKETCH_ECORRUPT;
		sum += s->slot[i].count;
		exact = exact && s->slot[i].err == 0;
	}
	if (sum > s->n || (size < s->cap && (!exact || sum != s->n)))
		return DV_SKETCH_ECORRUPT;
	return dv_wire_done(r);
}

dv_sketch_status dv_ss_deserialize(dv_ss **out, const char *text, size_t len)
{
	dv_wire_r r;
	dv_ss *s = NULL;
	uint32_t cap, key_max, size;
	uint64_t n;
	dv_sketch_status st;

	*out = NULL;
	st = dv_wire_open(&r, text, len, "DVSS");
	if (st != DV_SKETCH_OK)
		return st;
	cap = dv_wire_get_u32(&r);
	key_max = dv_wire_get_u32(&r);
	n = dv_wire_get_u64(&r);
	size = dv_wire_get_u32(&r);
	st = DV_SKETCH_ECORRUPT;
	/* each entry takes at least 28 bytes: a short frame cannot claim many */
	if (!r.bad && size <= cap && size <= dv_wire_left(&r) / 28)
		st = dv_ss_new(&s, cap, key_max);
	if (st == DV_SKETCH_EINVAL)
		st = DV_SKETCH_ECORRUPT;
	if (st == DV_SKETCH_OK) {
		s->n = n;
		st = read_entries(s, &r, size);
	}
	dv_wire_close(&r);
	if (st != DV_SKETCH_OK) {
		dv_ss_free(s);
		return st;
	}
	*out = s;
	return DV_SKETCH_OK;
}

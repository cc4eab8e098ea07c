/*
 * Space-Saving heavy hitters; see spacesaving.h for the guarantees and
 * the format.
 *
 * Structures, all sized at creation: `slot` holds the entries (count,
 * err, hash, length; the key bytes at keys + i * key_max), `table` an
 * open-addressing index (linear probing, at most half full) from a key
 * to its slot: each cell holds slot + 1 (0 empty) in its low half and
 * the low 32 bits of the key's hash in its high half, so that probing
 * (and moving cells on a delete) reads the table alone, and the counts are kept in the
 * stream-summary of Metwally, Agrawal, El Abbadi 2005 (section 3.2):
 * a list of buckets in ascending count order, one per distinct count
 * held, each with a circular list of the entries of that count. An
 * increment moves an entry to the next bucket (or makes one), the entry
 * to evict is the first of the first bucket: every update is O(1) for a
 * weight of 1 (a larger weight walks the buckets it passes).
 *
 * Among entries of the smallest count the one that reached it first is
 * evicted (each bucket's list is in arrival order). The guarantees do
 * not depend on which one goes.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/hash64.h"
#include "stats/shortkey.h"
#include "stats/spacesaving.h"
#include "stats/wire.h"
#include "util/alloc.h"

#define NIL UINT32_MAX

struct slot {
	uint64_t count;  /* overestimate of the item's count */
	uint64_t err;    /* count - err <= true count */
	uint64_t hash;   /* XXH64 of the whole key */
	uint32_t len;    /* the key's full length */
	uint32_t bucket; /* its bucket */
	uint32_t prev;   /* neighbours in the bucket's circular list */
	uint32_t next;
};

struct bucket {
	uint64_t count;  /* the count of every entry in it */
	uint32_t head;   /* first entry (the next to evict, for the first bucket) */
	uint32_t prev;   /* neighbours in ascending count order, NIL at the ends */
	uint32_t next;   /* (free buckets: next free) */
};

struct dv_ss {
	uint32_t cap;          /* most entries */
	uint32_t key_max;      /* key bytes kept per entry */
	uint32_t size;         /* entries held */
	uint32_t tsize;        /* table slots: a power of two >= 2 cap */
	uint64_t n;            /* total weight */
	uint32_t first;        /* bucket of the smallest count, NIL when empty */
	uint32_t free_b;       /* free bucket list */
	struct slot *slot;     /* [cap] */
	unsigned char *keys;   /* [cap * key_max] */
	struct bucket *bkt;    /* [cap]: at most one bucket per entry */
	uint64_t *table;       /* [tsize] hash low 32 bits << 32 | slot + 1, 0 empty */
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

/* Every bucket free, no entry. */
static void buckets_reset(dv_ss *s)
{
	uint32_t b;

	for (b = 0; b < s->cap; b++)
		s->bkt[b].next = b + 1 < s->cap ? b + 1 : NIL;
	s->free_b = 0;
	s->first = NIL;
}

/* The arrays of a summary with s->cap and s->key_max set. */
static dv_sketch_status alloc_arrays(dv_ss *s)
{
	s->tsize = 2;
	while (s->tsize < 2 * s->cap)
		s->tsize *= 2;
	s->slot = dv_mallocarray(s->cap, sizeof(*s->slot));
	s->keys = dv_mallocarray(s->cap, s->key_max);
	s->bkt = dv_mallocarray(s->cap, sizeof(*s->bkt));
	s->table = dv_calloc(s->tsize, sizeof(*s->table));
	if (!s->slot || !s->keys || !s->bkt || !s->table)
		return DV_SKETCH_ENOMEM;
	buckets_reset(s);
	return DV_SKETCH_OK;
}

static void free_arrays(dv_ss *s)
{
	dv_free(s->slot);
	dv_free(s->keys);
	dv_free(s->bkt);
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

	uint64_t c, frag = hash << 32;

	while ((c = s->table[i]) != 0) {
		if ((c & ~(uint64_t)UINT32_MAX) == frag) {
			uint32_t k = (uint32_t)c - 1;
			const struct slot *e = &s->slot[k];

			if (e->hash == hash && e->len == len &&
			    dv_shortkey_equal(key_of(s, k), key, stored(s, len)))
				break;
		}
		i = (i + 1) & mask;
	}
	return i;
}

/* Table position where a key known to be absent goes: the first empty
 * cell of its probe run (what lookup() returns for it, without reading
 * a slot or a key). */
static uint32_t vacancy(const dv_ss *s, uint64_t hash)
{
	uint32_t mask = s->tsize - 1, i = (uint32_t)hash & mask;

	while (s->table[i])
		i = (i + 1) & mask;
	return i;
}

/* The entry at a used table position; entry i (hash set) into one. */
static uint32_t held(const dv_ss *s, uint32_t pos)
{
	return (uint32_t)s->table[pos] - 1;
}

static void put(dv_ss *s, uint32_t pos, uint32_t i)
{
	s->table[pos] = s->slot[i].hash << 32 | (uint64_t)(i + 1);
}

/* Table position of entry i (held): found by its number, no key read. */
static uint32_t position(const dv_ss *s, uint32_t i)
{
	uint32_t mask = s->tsize - 1, p = (uint32_t)s->slot[i].hash & mask;

	while ((uint32_t)s->table[p] != i + 1)
		p = (p + 1) & mask;
	return p;
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
		home = (uint32_t)(s->table[j] >> 32) & mask;
		/* stays when home lies cyclically in (i, j] */
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		s->table[i] = s->table[j];
		s->table[j] = 0;
		i = j;
	}
}

/* A new bucket of count c after bucket `after` (NIL: at the front). */
static uint32_t bucket_new(dv_ss *s, uint64_t c, uint32_t after)
{
	uint32_t b = s->free_b;
	struct bucket *x = &s->bkt[b];

	s->free_b = x->next;
	x->count = c;
	x->head = NIL;
	x->prev = after;
	x->next = after == NIL ? s->first : s->bkt[after].next;
	if (x->next != NIL)
		s->bkt[x->next].prev = b;
	if (after == NIL)
		s->first = b;
	else
		s->bkt[after].next = b;
	return b;
}

static void bucket_drop(dv_ss *s, uint32_t b)
{
	struct bucket *x = &s->bkt[b];

	if (x->prev == NIL)
		s->first = x->next;
	else
		s->bkt[x->prev].next = x->next;
	if (x->next != NIL)
		s->bkt[x->next].prev = x->prev;
	x->next = s->free_b;
	s->free_b = b;
}

/* Entry i at the end of bucket b's list. */
static void attach(dv_ss *s, uint32_t i, uint32_t b)
{
	struct bucket *x = &s->bkt[b];
	struct slot *e = &s->slot[i];

	e->bucket = b;
	if (x->head == NIL) {
		x->head = i;
		e->prev = e->next = i;
		return;
	}
	e->next = x->head;
	e->prev = s->slot[x->head].prev;
	s->slot[e->prev].next = i;
	s->slot[x->head].prev = i;
}

/* Entry i out of its bucket's list; the bucket stays, maybe empty. */
static void detach(dv_ss *s, uint32_t i)
{
	struct slot *e = &s->slot[i];
	struct bucket *x = &s->bkt[e->bucket];

	if (e->next == i) {
		x->head = NIL;
		return;
	}
	s->slot[e->prev].next = e->next;
	s->slot[e->next].prev = e->prev;
	if (x->head == i)
		x->head = e->next;
}

/*
 * Entry i's count became s->slot[i].count (larger than its bucket's, or
 * a new entry with bucket NIL): move it to the bucket of that count,
 * searching upwards from its old bucket (from the front for a new one).
 */
static void place(dv_ss *s, uint32_t i, uint32_t from)
{
	uint64_t c = s->slot[i].count;
	uint32_t p = from, b = from == NIL ? s->first : s->bkt[from].next;

	while (b != NIL && s->bkt[b].count < c) {
		p = b;
		b = s->bkt[b].next;
	}
	if (from != NIL && p == from && s->slot[i].next == i &&
	    (b == NIL || s->bkt[b].count != c)) {
		/* alone in its bucket, no bucket of the new count: relabel */
		s->bkt[from].count = c;
		return;
	}
	if (b == NIL || s->bkt[b].count != c)
		b = bucket_new(s, c, p);
	if (from != NIL) {
		detach(s, i);
		if (s->bkt[from].head == NIL)
			bucket_drop(s, from);
	}
	attach(s, i, b);
}

/* Fill slot i with a key. */
static void set_key(dv_ss *s, uint32_t i, const void *key, size_t len, uint64_t hash)
{
	s->slot[i].hash = hash;
	s->slot[i].len = (uint32_t)len;
	memcpy(key_of(s, i), key, stored(s, len));
}

void dv_ss_prefetch(const dv_ss *s, uint64_t hash)
{
#if defined(__GNUC__)
	__builtin_prefetch(&s->table[(uint32_t)hash & (s->tsize - 1)]);
#else
	(void)s;
	(void)hash;
#endif
}

dv_sketch_status dv_ss_add(dv_ss *s, const void *key, size_t len, uint64_t weight)
{
	return dv_ss_add_hash(s, key, len, dv_hash64(key, len, 0), weight);
}

dv_sketch_status dv_ss_add_hash(dv_ss *s, const void *key, size_t len,
				uint64_t hash, uint64_t weight)
{
	uint32_t pos, i;

	if (weight == 0 || len > UINT32_MAX)
		return DV_SKETCH_EINVAL;
	if (s->n > UINT64_MAX - weight)
		return DV_SKETCH_ELIMIT;
	pos = lookup(s, key, len, hash);
	s->n += weight;
	if (s->table[pos]) {
		i = held(s, pos);
		s->slot[i].count += weight;
		place(s, i, s->slot[i].bucket);
		return DV_SKETCH_OK;
	}
	if (s->size < s->cap) {
		i = s->size++;
		set_key(s, i, key, len, hash);
		s->slot[i].count = weight;
		s->slot[i].err = 0;
		put(s, pos, i);
		place(s, i, NIL);
		return DV_SKETCH_OK;
	}
	/* full: the first entry of the smallest count gives way */
	i = s->bkt[s->first].head;
	table_delete(s, position(s, i));
	set_key(s, i, key, len, hash);
	s->slot[i].err = s->slot[i].count;
	s->slot[i].count += weight;
	place(s, i, s->slot[i].bucket);
	/* the key was not found above; the delete may have emptied a cell
	 * earlier in its probe run, so probe again, for a vacancy only */
	put(s, vacancy(s, hash), i);
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
	return s->size == s->cap ? s->bkt[s->first].count : 0;
}

size_t dv_ss_memory(const dv_ss *s)
{
	return sizeof(*s) + (size_t)s->cap * (sizeof(struct slot) + s->key_max +
					      sizeof(struct bucket)) +
	       (size_t)s->tsize * sizeof(*s->table);
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
		c[n].count = e->count + (b->table[pos] ? b->slot[held(b, pos)].count : mb);
		c[n].err = e->err + (b->table[pos] ? b->slot[held(b, pos)].err : mb);
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

/*
 * The buckets of entries 0..size-1 (in no bucket yet), taken in the
 * order order[] (NULL: 0, 1, ...), which is by ascending count: equal
 * counts keep that order in their bucket.
 */
static void build(dv_ss *s, const uint32_t *order)
{
	uint32_t k, i, last = NIL;

	buckets_reset(s);
	for (k = 0; k < s->size; k++) {
		i = order ? order[k] : k;
		if (last == NIL || s->bkt[last].count != s->slot[i].count)
			last = bucket_new(s, s->slot[i].count, last);
		attach(s, i, last);
	}
}

/* Fill t (arrays allocated, empty) with c[0..n), n <= t->cap, sorted by
 * count descending: slot i gets c[n - 1 - i], so the slots ascend. */
static void fill(dv_ss *t, const struct cand *c, size_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		const struct cand *x = &c[n - 1 - i];

		memcpy(key_of(t, i), x->key, stored(t, x->len));
		t->slot[i].hash = x->hash;
		t->slot[i].len = x->len;
		t->slot[i].count = x->count;
		t->slot[i].err = x->err;
		put(t, lookup(t, x->key, x->len, x->hash), i);
	}
	t->size = (uint32_t)n;
	build(t, NULL);
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
	uint32_t b, i;

	dv_wire_begin(&w, "DVSS");
	dv_wire_u32(&w, s->cap);
	dv_wire_u32(&w, s->key_max);
	dv_wire_u64(&w, s->n);
	dv_wire_u32(&w, s->size);
	/* ascending counts: a sorted array is in min-heap order */
	for (b = s->first; b != NIL; b = s->bkt[b].next) {
		i = s->bkt[b].head;
		do {
			const struct slot *e = &s->slot[i];

			dv_wire_u64(&w, e->count);
			dv_wire_u64(&w, e->err);
			dv_wire_u64(&w, e->hash);
			dv_wire_u32(&w, e->len);
			dv_wire_bytes(&w, key_of(s, i), stored(s, e->len));
			i = e->next;
		} while (i != s->bkt[b].head);
	}
	return dv_wire_end(&w, out, out_len);
}

/*
 * One entry into slot i (= its position in the frame): err < count, a
 * whole key's hash checked, no duplicate, the heap order with its
 * parent (earlier writers kept a binary heap; this one writes the
 * counts ascending, which is one too).
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
	put(s, pos, i);
	s->size = i + 1;
	return DV_SKETCH_OK;
}

struct rank {
	uint64_t count;
	uint32_t i;
};

static int cmp_rank(const void *pa, const void *pb)
{
	const struct rank *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count < b->count ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The buckets of entries read in heap order: by count, then position. */
static dv_sketch_status build_sorted(dv_ss *s)
{
	struct rank *r = dv_mallocarray(s->size ? s->size : 1, sizeof(*r));
	uint32_t *order = dv_mallocarray(s->size ? s->size : 1, sizeof(*order));
	uint32_t i;

	if (!r || !order) {
		dv_free(r);
		dv_free(order);
		return DV_SKETCH_ENOMEM;
	}
	for (i = 0; i < s->size; i++) {
		r[i].count = s->slot[i].count;
		r[i].i = i;
	}
	qsort(r, s->size, sizeof(*r), cmp_rank);
	for (i = 0; i < s->size; i++)
		order[i] = r[i].i;
	build(s, order);
	dv_free(r);
	dv_free(order);
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
	st = dv_wire_done(r);
	return st == DV_SKETCH_OK ? build_sorted(s) : st;
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

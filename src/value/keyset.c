/*
 * Exact set of byte keys; see keyset.h.
 *
 * fixed8 tables start by placing a key at its own low bits: ids that
 * count up (the common case) then fill neighbouring slots and stay in
 * cache. When a probe runs longer than DV_KS_MAX_PROBE (keys that share
 * low bits), the table switches for good to a mixing hash and rehashes.
 *
 * Two layouts share the probing code: fixed8 tables keep the key itself in
 * the slot (with slot 0 meaning empty, the key 0 is kept aside in a flag),
 * byte tables keep {hash, offset + 1} and the key bytes in blocks. Linear
 * probing, grown to double size at 3/4 load. An indexed set keeps each
 * key's index in a parallel array of 4-byte entries that moves with the
 * slots (the key 0 of a fixed8 table: zero_idx).
 */
#include <string.h>

#include "value/keyset.h"
#include "util/alloc.h"
#include "util/hash.h"

#define DV_KS_BLOCK (1u << 20)
#define DV_KS_MAX_PROBE 32
#define DV_KS_PAGE 4096 /* the least page size: prefault() */

typedef struct dv_ks_slot {
	uint64_t hash; /* byte tables: hash of the key; fixed8: the key */
	uint64_t ref;  /* byte tables: offset + 1 of the key, 0 = empty; fixed8: unused */
} dv_ks_slot;

struct dv_keyset {
	bool fixed8;       /* 8-byte keys kept in the slots */
	bool has_zero;     /* fixed8: the key 0 is in the set */
	bool mixed;        /* fixed8: slots by dv_hash_mix64(key), not by key */
	uint64_t *keys8;   /* fixed8: slots, 0 = empty */
	dv_ks_slot *slots; /* byte tables */
	size_t mask;       /* slots - 1 */
	uint64_t count;    /* keys in the set */
	unsigned char **blocks; /* key storage */
	size_t n_blocks;
	size_t used;       /* bytes used in the last block */
	uint32_t *idx;     /* indexed sets: index of the key in each slot */
	uint32_t zero_idx; /* indexed fixed8 sets: index of the key 0 */
	bool prefault;     /* tables faulted in when made (dv_keyset_prefault) */
};

/* Where add8() / add_bytes() left the key: its slot, or ZERO_POS for the
 * key 0 of a fixed8 table. */
#define ZERO_POS ((size_t)-1)

/*
 * Fault in the pages of t[0..bytes) writable (volatile: the compiler may
 * know calloc'd bytes are zero). For a set written while other threads
 * of the process run (dv_keyset_prefault): calloc hands out fresh mmap'd
 * pages unwritten, so a probe's first read would map the shared zero page
 * and the insert's write then copy it, which flushes the page's TLB entry
 * on every CPU running the process, an inter-processor interrupt per
 * page. Written first, a page is faulted in once, writable, with nothing
 * to flush. A fresh table (`fresh`, all zeros) takes a zero per page with
 * no read before it (a read would map the zero page again); a table in
 * use has each page's first byte read and written back, before the
 * workers start. One thread alone pays no such interrupt, and keeps the
 * pages it never writes (the top of a table of ids that count up) out of
 * its resident memory.
 */
static void prefault(void *t, size_t bytes, bool fresh)
{
	volatile char *v = t;
	size_t i;

	for (i = 0; i < bytes; i += DV_KS_PAGE)
		v[i] = fresh ? 0 : v[i];
}

/* A zeroed table of n entries of `size` bytes (n a power of two): a
 * huge allocation (alloc.h), since a big table is written in one pass as
 * the set grows. */
static void *table_new(const dv_keyset *ks, size_t n, size_t size)
{
	void *t = n > SIZE_MAX / size ? NULL : dv_alloc_huge(n * size, true);

	if (t && ks->prefault)
		prefault(t, n * size, true);
	return t;
}

static size_t slot8(const dv_keyset *ks, uint64_t key, size_t mask)
{
	return (size_t)(ks->mixed ? dv_hash_mix64(key) : key) & mask;
}

dv_keyset *dv_keyset_new(bool fixed8)
{
	dv_keyset *ks = dv_calloc(1, sizeof(*ks));
	size_t n = 1024;

	if (!ks)
		return NULL;
	ks->fixed8 = fixed8;
	ks->mask = n - 1;
	if (fixed8)
		ks->keys8 = table_new(ks, n, sizeof(*ks->keys8));
	else
		ks->slots = table_new(ks, n, sizeof(*ks->slots));
	if (!ks->keys8 && !ks->slots) {
		dv_free(ks);
		return NULL;
	}
	return ks;
}

dv_keyset *dv_keyset_new_indexed(bool fixed8)
{
	dv_keyset *ks = dv_keyset_new(fixed8);

	if (!ks)
		return NULL;
	ks->idx = table_new(ks, ks->mask + 1, sizeof(*ks->idx));
	if (!ks->idx) {
		dv_keyset_free(ks);
		return NULL;
	}
	return ks;
}

void dv_keyset_free(dv_keyset *ks)
{
	size_t i;

	if (!ks)
		return;
	dv_free_huge(ks->idx);
	for (i = 0; i < ks->n_blocks; i++)
		dv_free(ks->blocks[i]);
	dv_free(ks->blocks);
	dv_free_huge(ks->keys8);
	dv_free_huge(ks->slots);
	dv_free(ks);
}

/* Key bytes at offset `off` (length-prefixed, 4 bytes). */
static const unsigned char *stored_key(const dv_keyset *ks, uint64_t off,
				       uint32_t *len)
{
	const unsigned char *p = ks->blocks[off / DV_KS_BLOCK] + off % DV_KS_BLOCK;

	memcpy(len, p, 4);
	return p + 4;
}

/* Rebuild the table with n slots (same or double size). */
static dcval_status rebuild(dv_keyset *ks, size_t n)
{
	uint32_t *ix = NULL;
	size_t i, j;

	if (ks->idx && !(ix = table_new(ks, n, sizeof(*ix))))
		return DCVAL_ENOMEM;
	if (ks->fixed8) {
		uint64_t *t = table_new(ks, n, sizeof(*t));

		if (!t) {
			dv_free_huge(ix);
			return DCVAL_ENOMEM;
		}
		for (i = 0; i <= ks->mask; i++) {
			if (!ks->keys8[i])
				continue;
			for (j = slot8(ks, ks->keys8[i], n - 1); t[j];
			     j = (j + 1) & (n - 1))
				;
			t[j] = ks->keys8[i];
			if (ix)
				ix[j] = ks->idx[i];
		}
		dv_free_huge(ks->keys8);
		ks->keys8 = t;
	} else {
		dv_ks_slot *t = table_new(ks, n, sizeof(*t));

		if (!t) {
			dv_free_huge(ix);
			return DCVAL_ENOMEM;
		}
		for (i = 0; i <= ks->mask; i++) {
			if (!ks->slots[i].ref)
				continue;
			for (j = ks->slots[i].hash & (n - 1); t[j].ref; j = (j + 1) & (n - 1))
				;
			t[j] = ks->slots[i];
			if (ix)
				ix[j] = ks->idx[i];
		}
		dv_free_huge(ks->slots);
		ks->slots = t;
	}
	if (ix) {
		dv_free_huge(ks->idx);
		ks->idx = ix;
	}
	ks->mask = n - 1;
	return DCVAL_OK;
}

static dcval_status grow(dv_keyset *ks)
{
	return rebuild(ks, (ks->mask + 1) * 2);
}

static dcval_status add8(dv_keyset *ks, uint64_t key, bool *added,
			 size_t *pos)
{
	size_t i, probes = 0;
	dcval_status st;

	*added = false;
	if (key == 0) {
		*added = !ks->has_zero;
		ks->count += *added;
		ks->has_zero = true;
		*pos = ZERO_POS;
		return DCVAL_OK;
	}
	for (i = slot8(ks, key, ks->mask); ks->keys8[i];
	     i = (i + 1) & ks->mask) {
		if (ks->keys8[i] == key) {
			*pos = i;
			return DCVAL_OK;
		}
		if (++probes > DV_KS_MAX_PROBE && !ks->mixed) {
			ks->mixed = true;
			st = rebuild(ks, ks->mask + 1);
			if (st != DCVAL_OK) {
				ks->mixed = false;
				return st;
			}
			return add8(ks, key, added, pos);
		}
	}
	*pos = i;
	ks->keys8[i] = key;
	ks->count++;
	*added = true;
	return DCVAL_OK;
}

/* Copy a key into block storage; returns its offset + 1, 0 on failure. */
static uint64_t store(dv_keyset *ks, const void *key, uint32_t len)
{
	size_t need = (size_t)len + 4;
	unsigned char *b, **nb;
	uint64_t off;

	/* a block, or for an oversized key whole blocks of its own */
	need = need > DV_KS_BLOCK
		       ? ((need + DV_KS_BLOCK - 1) / DV_KS_BLOCK) * DV_KS_BLOCK
		       : DV_KS_BLOCK;
	if (!ks->n_blocks || DV_KS_BLOCK - ks->used < (size_t)len + 4 ||
	    need > DV_KS_BLOCK) {
		size_t nblk = need > DV_KS_BLOCK ? need / DV_KS_BLOCK : 1, i;

		nb = dv_reallocarray(ks->blocks, ks->n_blocks + nblk, sizeof(*nb));
		if (!nb)
			return 0;
		ks->blocks = nb;
		b = dv_malloc(need);
		if (!b)
			return 0;
		/* an oversized key takes several logical blocks: the first
		 * holds the allocation, the others stay NULL */
		for (i = 0; i < nblk; i++)
			nb[ks->n_blocks + i] = i == 0 ? b : NULL;
		ks->n_blocks += nblk;
		ks->used = need > DV_KS_BLOCK ? DV_KS_BLOCK : 0;
		if (nblk > 1) {
			off = (uint64_t)(ks->n_blocks - nblk) * DV_KS_BLOCK;
			memcpy(b, &len, 4);
			memcpy(b + 4, key, len);
			return off + 1;
		}
	}
	b = ks->blocks[ks->n_blocks - 1];
	off = (uint64_t)(ks->n_blocks - 1) * DV_KS_BLOCK + ks->used;
	memcpy(b + ks->used, &len, 4);
	memcpy(b + ks->used + 4, key, len);
	ks->used += (size_t)len + 4;
	return off + 1;
}

static dcval_status add_bytes(dv_keyset *ks, const void *key, size_t len,
			      bool *added, size_t *pos)
{
	uint64_t h = dv_hash_bytes(key, len), ref;
	const unsigned char *k;
	uint32_t klen;
	size_t i;

	*added = false;
	if (len > UINT32_MAX)
		return DCVAL_ELIMIT;
	for (i = h & ks->mask; ks->slots[i].ref; i = (i + 1) & ks->mask) {
		if (ks->slots[i].hash != h)
			continue;
		k = stored_key(ks, ks->slots[i].ref - 1, &klen);
		if (klen == len && memcmp(k, key, len) == 0) {
			*pos = i;
			return DCVAL_OK;
		}
	}
	*pos = i;
	ref = store(ks, key, (uint32_t)len);
	if (!ref)
		return DCVAL_ENOMEM;
	ks->slots[i].hash = h;
	ks->slots[i].ref = ref;
	ks->count++;
	*added = true;
	return DCVAL_OK;
}

/* Add a key; *pos as add8() / add_bytes() leave it. */
static dcval_status add_at(dv_keyset *ks, const void *key, size_t len,
			   bool *added, size_t *pos)
{
	dcval_status st;
	uint64_t k8;

	if (ks->count + 1 > (ks->mask + 1) / 4 * 3) {
		st = grow(ks);
		if (st != DCVAL_OK)
			return st;
	}
	if (ks->fixed8 && len == 8) {
		memcpy(&k8, key, 8);
		return add8(ks, k8, added, pos);
	}
	if (ks->fixed8)
		return DCVAL_EINTERNAL;
	return add_bytes(ks, key, len, added, pos);
}

dcval_status dv_keyset_add(dv_keyset *ks, const void *key, size_t len,
			   bool *added)
{
	size_t pos;

	return add_at(ks, key, len, added, &pos);
}

dcval_status dv_keyset_add_index(dv_keyset *ks, const void *key, size_t len,
				 bool *added, uint64_t *index)
{
	uint32_t *slot;
	dcval_status st;
	size_t pos;

	*added = false;
	if (!ks->idx)
		return DCVAL_EINTERNAL;
	if (ks->count >= UINT32_MAX)
		return DCVAL_ELIMIT; /* a new key would have no index */
	st = add_at(ks, key, len, added, &pos);
	if (st != DCVAL_OK)
		return st;
	slot = pos == ZERO_POS ? &ks->zero_idx : &ks->idx[pos];
	if (*added)
		*slot = (uint32_t)(ks->count - 1);
	*index = *slot;
	return DCVAL_OK;
}

void dv_keyset_prefault(dv_keyset *ks)
{
	size_t n = ks->mask + 1;

	ks->prefault = true;
	if (ks->fixed8)
		prefault(ks->keys8, n * sizeof(*ks->keys8), false);
	else
		prefault(ks->slots, n * sizeof(*ks->slots), false);
	if (ks->idx)
		prefault(ks->idx, n * sizeof(*ks->idx), false);
}

uint64_t dv_keyset_count(const dv_keyset *ks)
{
	return ks->count;
}

size_t dv_keyset_bytes(const dv_keyset *ks)
{
	size_t slot = ks->fixed8 ? sizeof(uint64_t) : sizeof(dv_ks_slot);

	if (ks->idx)
		slot += sizeof(*ks->idx);
	return sizeof(*ks) + (ks->mask + 1) * slot +
	       ks->n_blocks * (DV_KS_BLOCK + sizeof(void *));
}

void dv_keyset_each(const dv_keyset *ks, dv_keyset_each_fn fn, void *ud)
{
	uint32_t len;
	size_t i;

	if (ks->fixed8 && ks->has_zero) {
		uint64_t zero = 0;

		fn(ud, &zero, 8, ks->idx ? ks->zero_idx : 0);
	}
	for (i = 0; i <= ks->mask; i++) {
		uint64_t ix = ks->idx ? ks->idx[i] : 0;

		if (ks->fixed8 && ks->keys8[i])
			fn(ud, &ks->keys8[i], 8, ix);
		else if (!ks->fixed8 && ks->slots[i].ref) {
			const unsigned char *k = stored_key(ks, ks->slots[i].ref - 1, &len);

			fn(ud, k, len, ix);
		}
	}
}

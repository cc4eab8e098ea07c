/*
 * dv_keyset: the set of keys seen so far, for `unique` and `primary_key`.
 * Exact (keys are compared byte for byte, never by hash alone) and
 * compact: 8-byte keys (integers, numbers, dates) live in the slots of an
 * open-addressing table; other keys are stored once, length-prefixed, in
 * 1 MiB blocks, the slot holding the hash and the key's offset.
 */
#ifndef DV_VALUE_KEYSET_H
#define DV_VALUE_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"

typedef struct dv_keyset dv_keyset;

/* New empty set; `fixed8` when every key is exactly 8 bytes. NULL when
 * out of memory. */
dv_keyset *dv_keyset_new(bool fixed8);
void dv_keyset_free(dv_keyset *ks);

/*
 * Add key[0..len). *added is true when it was not in the set before.
 * Returns DCVAL_OK or DCVAL_ENOMEM (the set is unchanged).
 */
dcval_status dv_keyset_add(dv_keyset *ks, const void *key, size_t len,
			   bool *added);

/*
 * An indexed set: each key also has its index, the number of keys added
 * before it (0, 1, 2 ... in order of first addition), 4 bytes a key more.
 * dataset checks count values by index (engine/dsstats.c).
 */
dv_keyset *dv_keyset_new_indexed(bool fixed8);

/*
 * Add key[0..len) to an indexed set; *index gets the key's index (new or
 * old). DCVAL_OK, DCVAL_ENOMEM, DCVAL_ELIMIT past 2^32 - 1 keys, or
 * DCVAL_EINTERNAL on a set that is not indexed.
 */
dcval_status dv_keyset_add_index(dv_keyset *ks, const void *key, size_t len,
				 bool *added, uint64_t *index);

/* From now on (its current table too) the set's table pages are faulted
 * in writable as soon as a table is made: for a set written while other
 * threads of the process run (parallel validation's key sets), where a
 * page first read, then written costs every CPU of the process a TLB
 * flush (keyset.c). */
void dv_keyset_prefault(dv_keyset *ks);

/* Number of keys in the set. */
uint64_t dv_keyset_count(const dv_keyset *ks);

/* Call fn for every key of the set, in no particular order: its bytes
 * (borrowed, valid during the call) and its index (0 in a set that is
 * not indexed). The set must not change meanwhile (sharded runs: part.h). */
typedef void (*dv_keyset_each_fn)(void *ud, const void *key, size_t len,
				  uint64_t index);
void dv_keyset_each(const dv_keyset *ks, dv_keyset_each_fn fn, void *ud);

/* Bytes of memory the set holds. */
size_t dv_keyset_bytes(const dv_keyset *ks);

#endif

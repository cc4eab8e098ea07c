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

/* Number of keys in the set. */
uint64_t dv_keyset_count(const dv_keyset *ks);

/* Bytes of memory the set holds. */
size_t dv_keyset_bytes(const dv_keyset *ks);

#endif

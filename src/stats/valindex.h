/*
 * dv_vindex: a hash index over a fixed list of values (byte strings or
 * 64-bit integers), answering "which entry is this value?" in one probe
 * on average: drift's unseen share and the psi bins of a value list
 * (engine/drift.c) look up every value of a run in the baseline's list.
 *
 * Open addressing with linear probing, at most half full, built once;
 * lookups allocate nothing. The list is borrowed and must outlive the
 * index; entries should be distinct (a repeated one is found at its
 * first position).
 */
#ifndef DV_STATS_VALINDEX_H
#define DV_STATS_VALINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"

typedef struct dv_vindex {
	uint32_t *slot;            /* entry + 1, 0 empty */
	uint32_t mask;             /* slots - 1 */
	const char *const *str;    /* strings (len[] their lengths), or NULL */
	const size_t *len;
	const int64_t *ival;       /* integers when str is NULL */
} dv_vindex;

/*
 * Index str[0..n) (lengths len[]) or, when str is NULL, ival[0..n).
 * ENOMEM, or EINVAL past DV_VINDEX_MAX entries. Release with
 * dv_vindex_release() (also after a failure).
 */
#define DV_VINDEX_MAX (1u << 24)
dv_sketch_status dv_vindex_init(dv_vindex *x, const char *const *str,
				const size_t *len, const int64_t *ival, size_t n);
void dv_vindex_release(dv_vindex *x);

/* The entry equal to s[0..len) (string lists) or to i (integer lists),
 * or -1. */
long dv_vindex_find(const dv_vindex *x, const char *s, size_t len, int64_t i);

#endif

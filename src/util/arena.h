/*
 * dv_arena: bump allocator for data that lives as long as its owner (the
 * compiled contract). Everything is freed at once by dv_arena_release().
 */
#ifndef DV_UTIL_ARENA_H
#define DV_UTIL_ARENA_H

#include <stddef.h>

struct dv_arena_block;

typedef struct dv_arena {
	struct dv_arena_block *head; /* newest block first */
} dv_arena;

void dv_arena_init(dv_arena *a);
void dv_arena_release(dv_arena *a);

/* Zeroed, max-aligned memory; NULL when out of memory. */
void *dv_arena_alloc(dv_arena *a, size_t size);
void *dv_arena_array(dv_arena *a, size_t n, size_t size);

/* NUL-terminated copy of s[0..len); NULL when out of memory. */
char *dv_arena_strndup(dv_arena *a, const char *s, size_t len);
char *dv_arena_strdup(dv_arena *a, const char *s);

#endif

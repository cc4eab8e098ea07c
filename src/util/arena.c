/*
 * Bump allocator; see arena.h. Blocks of 16 KiB, larger requests get a
 * block of their own.
 */
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"

#define DV_ARENA_BLOCK 16384

struct dv_arena_block {
	struct dv_arena_block *next; /* older block */
	size_t used;                 /* bytes handed out */
	size_t size;                 /* bytes in data */
	alignas(max_align_t) unsigned char data[];
};

void dv_arena_init(dv_arena *a)
{
	a->head = NULL;
}

void dv_arena_release(dv_arena *a)
{
	struct dv_arena_block *b = a->head, *next;

	while (b) {
		next = b->next;
		dv_free(b);
		b = next;
	}
	a->head = NULL;
}

void *dv_arena_alloc(dv_arena *a, size_t size)
{
	const size_t al = alignof(max_align_t);
	struct dv_arena_block *b = a->head;
	size_t need, bsize;
	void *p;

	if (size > SIZE_MAX / 2)
		return NULL;
	need = (size + al - 1) & ~(al - 1);
	if (!b || b->size - b->used < need) {
		bsize = need > DV_ARENA_BLOCK ? need : DV_ARENA_BLOCK;
		b = dv_malloc(sizeof(*b) + bsize);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = bsize;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	memset(p, 0, size);
	return p;
}

void *dv_arena_array(dv_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / 2 / size)
		return NULL;
	return dv_arena_alloc(a, n * size);
}

char *dv_arena_strndup(dv_arena *a, const char *s, size_t len)
{
	char *d = dv_arena_alloc(a, len + 1);

	if (!d)
		return NULL;
	if (len)
		memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *dv_arena_strdup(dv_arena *a, const char *s)
{
	return dv_arena_strndup(a, s, strlen(s));
}

/*
 * Allocation wrappers; see alloc.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

void *dv_malloc(size_t size)
{
	return malloc(size ? size : 1);
}

void *dv_calloc(size_t n, size_t size)
{
	return calloc(n ? n : 1, size ? size : 1);
}

void *dv_realloc(void *p, size_t size)
{
	return realloc(p, size ? size : 1);
}

void *dv_mallocarray(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return dv_malloc(n * size);
}

void *dv_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return dv_realloc(p, n * size);
}

void dv_free(void *p)
{
	free(p);
}

char *dv_strndup(const char *s, size_t len)
{
	char *d;

	if (len == SIZE_MAX)
		return NULL;
	d = dv_malloc(len + 1);
	if (!d)
		return NULL;
	if (len)
		memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

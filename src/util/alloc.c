/*
 * Allocation wrappers; see alloc.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#ifdef DV_ALLOC_TESTING
/* The countdown of a test build; normal builds have no mutable state. */
static long fail_after = -1;
static long made;

long dv_alloc_fail_after(long n)
{
	long m = made;

	fail_after = n;
	made = 0;
	return m;
}

/* True when this allocation is to fail. */
static int alloc_fails(void)
{
	made++;
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}
#define DV_ALLOC_FAILS() alloc_fails()
#else
#define DV_ALLOC_FAILS() 0
#endif

void *dv_malloc(size_t size)
{
	if (DV_ALLOC_FAILS())
		return NULL;
	return malloc(size ? size : 1);
}

void *dv_calloc(size_t n, size_t size)
{
	if (DV_ALLOC_FAILS())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *dv_realloc(void *p, size_t size)
{
	if (DV_ALLOC_FAILS())
		return NULL;
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

/*
 * Allocation wrappers. Every allocation in the library goes through these,
 * so a test build can fail the Nth one (see tests/unit/test_alloc_fail.c).
 * Sizes are overflow-checked: dv_mallocarray(n, size) returns NULL when
 * n * size does not fit in size_t.
 */
#ifndef DV_UTIL_ALLOC_H
#define DV_UTIL_ALLOC_H

#include <stddef.h>

void *dv_malloc(size_t size);
void *dv_calloc(size_t n, size_t size);
void *dv_realloc(void *p, size_t size);
void *dv_mallocarray(size_t n, size_t size);
void *dv_reallocarray(void *p, size_t n, size_t size);
void dv_free(void *p);

/* Copy of s[0..len) with a NUL appended; NULL on failure. */
char *dv_strndup(const char *s, size_t len);

#ifdef DV_ALLOC_TESTING
/*
 * Test builds only (the library compiled with -DDV_ALLOC_TESTING, see the
 * Makefile's libdcval-alloctest.a): let n more allocations succeed, then
 * fail every one until the next call. n < 0 turns failing off. Returns
 * the number of allocations made since the previous call.
 */
long dv_alloc_fail_after(long n);
#endif

#endif

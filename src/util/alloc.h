/*
 * Allocation wrappers. Every allocation in the library goes through these,
 * so a test build can fail the Nth one (see tests/unit/test_alloc_fail.c).
 * Sizes are overflow-checked: dv_mallocarray(n, size) returns NULL when
 * n * size does not fit in size_t.
 */
#ifndef DV_UTIL_ALLOC_H
#define DV_UTIL_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *dv_malloc(size_t size);
void *dv_calloc(size_t n, size_t size);
void *dv_realloc(void *p, size_t size);
void *dv_mallocarray(size_t n, size_t size);
void *dv_reallocarray(void *p, size_t n, size_t size);
void dv_free(void *p);

/*
 * A big buffer written from its start (a key set's table, a chunk of
 * input): from 2 MiB up it starts on a 2 MiB boundary and the kernel is
 * asked for transparent huge pages over it (Linux madvise MADV_HUGEPAGE),
 * so that a page fault brings in 2 MiB, not 4 KiB; untouched pages stay
 * out of memory as in any allocation. Zeroed when `zeroed`. Free it with
 * dv_free_huge() only. NULL on failure.
 */
void *dv_alloc_huge(size_t size, bool zeroed);
void dv_free_huge(void *p);

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

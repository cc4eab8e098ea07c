/*
 * Allocation wrappers; see alloc.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/alloc.h"

#define DV_HUGE_PAGE ((uintptr_t)2 << 20) /* x86-64's transparent huge page */
#define DV_HUGE_HEAD 16 /* the allocation's address sits just before the buffer */

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

/*
 * Each page fault costs microseconds on a virtual machine, more while
 * other threads of the process run: a 16 MiB table written in 4 KiB
 * pages is 4,096 of them, in 2 MiB pages 8. The allocation is larger by
 * the alignment; its own address is kept in the 8 bytes before the
 * buffer (its padding's pages are never touched, so never faulted in:
 * calloc leaves fresh mmap'd memory alone). The hint is best effort: the
 * kernel may ignore it, and other systems have no MADV_HUGEPAGE.
 */
void *dv_alloc_huge(size_t size, bool zeroed)
{
	uintptr_t align = size >= DV_HUGE_PAGE ? DV_HUGE_PAGE : DV_HUGE_HEAD;
	char *mem, *p;

	if (size > SIZE_MAX - DV_HUGE_PAGE - DV_HUGE_HEAD)
		return NULL;
	mem = zeroed ? dv_calloc(1, size + align + DV_HUGE_HEAD)
		     : dv_malloc(size + align + DV_HUGE_HEAD);
	if (!mem)
		return NULL;
	p = (char *)(((uintptr_t)mem + DV_HUGE_HEAD + align - 1) & ~(align - 1));
	memcpy(p - sizeof(mem), &mem, sizeof(mem));
#if defined(MADV_HUGEPAGE)
	if (align == DV_HUGE_PAGE)
		(void)madvise(p, size & ~(size_t)(DV_HUGE_PAGE - 1), MADV_HUGEPAGE);
#endif
	return p;
}

void dv_free_huge(void *p)
{
	char *mem;

	if (!p)
		return;
	memcpy(&mem, (char *)p - sizeof(mem), sizeof(mem));
	free(mem);
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

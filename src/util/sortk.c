/*
 * Radix sort of (key, index) pairs; see sortk.h.
 */
#include <string.h>

#include "util/alloc.h"
#include "util/sortk.h"

dcval_status dv_sortk_sort(dv_sortk *a, size_t n)
{
	size_t count[256], i, pass, pos;
	dv_sortk *tmp, *src = a, *dst;
	unsigned shift;

	if (n < 2)
		return DCVAL_OK;
	tmp = dv_mallocarray(n, sizeof(*tmp));
	if (!tmp)
		return DCVAL_ENOMEM;
	dst = tmp;
	for (pass = 0; pass < 8; pass++) {
		shift = (unsigned)pass * 8;
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(src[i].key >> shift) & 0xff]++;
		if (count[(src[0].key >> shift) & 0xff] == n)
			continue; /* this byte is the same in every key */
		for (i = 0, pos = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = pos;
			pos += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].key >> shift) & 0xff]++] = src[i];
		/* the pass's output is the next pass's input */
		{
			dv_sortk *t = src;

			src = dst;
			dst = t;
		}
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
	dv_free(tmp);
	return DCVAL_OK;
}

uint64_t dv_sortk_prefix(const void *s, size_t len)
{
	const unsigned char *p = s;
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | (i < len ? p[i] : 0);
	return v;
}

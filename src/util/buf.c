/*
 * Growable capped byte buffer; see buf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"

void dv_buf_init(dv_buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
}

void dv_buf_release(dv_buf *b)
{
	dv_free(b->data);
	dv_buf_init(b, b->cap);
}

dcval_status dv_buf_reserve(dv_buf *b, size_t extra)
{
	size_t need, n;
	char *p;

	if (extra > b->cap || b->len > b->cap - extra)
		return DCVAL_ELIMIT;
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return DCVAL_OK;
	n = b->alloc ? b->alloc : 256;
	while (n < need)
		n = n > (size_t)-1 / 2 ? need : n * 2;
	if (n > b->cap + 1)
		n = b->cap + 1;
	p = dv_realloc(b->data, n);
	if (!p)
		return DCVAL_ENOMEM;
	b->data = p;
	b->alloc = n;
	return DCVAL_OK;
}

dcval_status dv_buf_append_grow(dv_buf *b, const void *p, size_t n)
{
	dcval_status st = dv_buf_reserve(b, n);

	if (st != DCVAL_OK)
		return st;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return DCVAL_OK;
}

dcval_status dv_buf_printf(dv_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	dcval_status st;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return DCVAL_EINTERNAL;
	st = dv_buf_reserve(b, (size_t)n);
	if (st != DCVAL_OK)
		return st;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return DCVAL_OK;
}

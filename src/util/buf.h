/*
 * dv_buf: a growable byte buffer with a cap. Growing past the cap fails
 * with DCVAL_ELIMIT, an allocation failure with DCVAL_ENOMEM; the buffer
 * is left as it was. The content is always NUL-terminated once anything
 * was appended (data[len] == '\0'), so text can be handed to C parsers.
 */
#ifndef DV_UTIL_BUF_H
#define DV_UTIL_BUF_H

#include <stddef.h>
#include <string.h>

#include "dcval/dcval.h"

typedef struct dv_buf {
	char *data;   /* NULL until the first append */
	size_t len;   /* bytes used, NUL excluded */
	size_t alloc; /* bytes allocated */
	size_t cap;   /* most bytes it may hold */
} dv_buf;

/* Empty buffer that may grow to `cap` bytes. */
void dv_buf_init(dv_buf *b, size_t cap);

/* Free the contents; the buffer is empty again and may be reused. */
void dv_buf_release(dv_buf *b);

/* Make room for `extra` more bytes (plus the NUL). */
dcval_status dv_buf_reserve(dv_buf *b, size_t extra);

/* The append that may grow the buffer (dv_buf_append's slow path). */
dcval_status dv_buf_append_grow(dv_buf *b, const void *p, size_t n);

/*
 * Append n bytes. Inline when they fit what is allocated: the readers
 * append every field this way, and a call into the reserve logic per
 * field was a tenth of a CSV validation's instructions. alloc never
 * exceeds cap + 1, so fitting the allocation respects the cap.
 */
static inline dcval_status dv_buf_append(dv_buf *b, const void *p, size_t n)
{
	if (b->alloc - b->len > n) {
		if (n)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return DCVAL_OK;
	}
	return dv_buf_append_grow(b, p, n);
}

static inline dcval_status dv_buf_putc(dv_buf *b, char c)
{
	if (b->alloc - b->len > 1) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return DCVAL_OK;
	}
	return dv_buf_append_grow(b, &c, 1);
}

/* Append printf-style text; fails with DCVAL_ELIMIT past the cap. */
dcval_status dv_buf_printf(dv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Forget the content, keep the memory. */
static inline void dv_buf_reset(dv_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

#endif

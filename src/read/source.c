/*
 * Chunked input; see source.h.
 */
#include <errno.h>
#include <string.h>

#include "read/source.h"
#include "util/alloc.h"

dcval_status dv_source_init(dv_source *s, FILE *in, const char *path)
{
	s->in = in;
	s->path = path;
	s->len = 0;
	s->bytes = 0;
	s->eof = false;
	s->err = 0;
	s->on_chunk = NULL;
	s->chunk_ctx = NULL;
	s->chunk = dv_malloc(DV_SOURCE_CHUNK);
	return s->chunk ? DCVAL_OK : DCVAL_ENOMEM;
}

void dv_source_release(dv_source *s)
{
	dv_free(s->chunk);
	s->chunk = NULL;
}

dcval_status dv_source_next(dv_source *s)
{
	size_t n = 0, got;

	s->len = 0;
	if (s->eof)
		return DCVAL_OK;
	/* fill the whole chunk: pipes deliver short reads */
	while (n < DV_SOURCE_CHUNK) {
		got = fread(s->chunk + n, 1, DV_SOURCE_CHUNK - n, s->in);
		n += got;
		if (got == 0)
			break;
	}
	s->len = n;
	s->bytes += n;
	if (n < DV_SOURCE_CHUNK) {
		if (ferror(s->in)) {
			s->err = errno ? errno : EIO;
			s->eof = true;
			return DCVAL_EIO;
		}
		s->eof = true;
	}
	return DCVAL_OK;
}

size_t dv_source_bom(const dv_source *s)
{
	return s->len >= 3 && memcmp(s->chunk, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

dcval_status dv_source_feed(dv_source *s, size_t skip, dv_chunk_fn fn,
			    void *ctx)
{
	dcval_status st;
	bool stop = false;

	st = fn(ctx, s->chunk + skip, s->len - skip, &stop);
	if (st == DCVAL_OK && s->on_chunk)
		s->on_chunk(s->chunk_ctx, s->bytes);
	while (st == DCVAL_OK && !stop && !s->eof) {
		st = dv_source_next(s);
		if (st == DCVAL_OK)
			st = fn(ctx, s->chunk, s->len, &stop);
		if (st == DCVAL_OK && s->on_chunk)
			s->on_chunk(s->chunk_ctx, s->bytes);
	}
	return st;
}

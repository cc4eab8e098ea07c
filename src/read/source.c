/*
 * Chunked input; see source.h.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "read/decomp.h"
#include "read/live.h"
#include "read/source.h"
#include "util/alloc.h"

dcval_status dv_source_init(dv_source *s, FILE *in, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->in = in;
	s->path = path;
	s->live = dv_live_is_live(in, &s->fd);
	s->line0 = 1;
	s->chunk = dv_malloc(DV_SOURCE_CHUNK);
	return s->chunk ? DCVAL_OK : DCVAL_ENOMEM;
}

void dv_source_init_mem(dv_source *s, const char *p, size_t n,
			const char *path, uint64_t line0, bool mid)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->fd = -1;
	s->chunk = (char *)p;
	s->len = n;
	s->eof = true;
	s->started = true;
	s->borrowed = true;
	s->mid = mid;
	s->line0 = line0;
}

void dv_source_unread(dv_source *s, const char *p, size_t n)
{
	s->unread = p;
	s->unread_len = n;
	s->unread_eof = s->eof && s->pending == DCVAL_OK;
	s->eof = false;
}

/* The next piece of the bytes given back. */
static dcval_status next_unread(dv_source *s)
{
	size_t n = s->unread_len < DV_SOURCE_CHUNK ? s->unread_len
						   : DV_SOURCE_CHUNK;

	memcpy(s->chunk, s->unread, n);
	s->len = n;
	s->unread += n;
	s->unread_len -= n;
	if (!s->unread_len)
		s->eof = s->unread_eof;
	return DCVAL_OK;
}

void dv_source_release(dv_source *s)
{
	if (s->borrowed)
		s->chunk = NULL;
	dv_free(s->chunk);
	s->chunk = NULL;
	dv_free(s->raw);
	s->raw = NULL;
	dv_decomp_free(s->dz);
	s->dz = NULL;
}

/*
 * Fill buf with up to DV_SOURCE_CHUNK bytes of the file: *len gets their
 * number, *eof whether the file ended. Counts them in s->bytes. DCVAL_EIO
 * (s->err set, *eof) when reading failed; the bytes before it are in buf.
 */
static dcval_status fill(dv_source *s, char *buf, size_t *len, bool *eof)
{
	size_t n = 0, got;
	dcval_status st;

	if (s->live) {
		/* what has arrived, the first chunk until it is decisive */
		do {
			st = dv_live_read(s->fd, buf + n, DV_SOURCE_CHUNK - n,
					  &got, eof, &s->err);
			n += got;
		} while (st == DCVAL_OK && !s->started && !*eof &&
			 n < DV_SOURCE_CHUNK &&
			 !dv_live_decisive(buf, n, strcmp(s->path, "-") != 0 &&
				dv_decomp_by_name(s->path, NULL) !=
					DCVAL_COMPRESSION_NONE));
		*len = n;
		s->bytes += n;
		return st;
	}
	/* fill the whole chunk: pipes deliver short reads */
	while (n < DV_SOURCE_CHUNK) {
		got = fread(buf + n, 1, DV_SOURCE_CHUNK - n, s->in);
		n += got;
		if (got == 0)
			break;
	}
	*len = n;
	s->bytes += n;
	if (n < DV_SOURCE_CHUNK) {
		*eof = true;
		if (ferror(s->in)) {
			s->err = errno ? errno : EIO;
			return DCVAL_EIO;
		}
	}
	return DCVAL_OK;
}

/*
 * A status that ends the input: when the chunk (or the caller's buffer,
 * dv_source_next_into) holds n bytes from before it, they go out first
 * and the status with the next call.
 */
static dcval_status stop_after(dv_source *s, size_t n, dcval_status st)
{
	if (n) {
		s->eof = false;
		s->pending = st;
		return DCVAL_OK;
	}
	s->eof = true;
	return st;
}

/* The next chunk of decompressed bytes. */
static dcval_status next_decompressed(dv_source *s)
{
	dv_decomp_io io = { .out = s->chunk, .out_cap = DV_SOURCE_CHUNK };
	dv_decomp_result r = DV_DECOMP_MORE;
	dcval_status st = DCVAL_OK;

	while (io.out_pos < io.out_cap) {
		if (s->raw_pos == s->raw_len && !s->raw_eof) {
			/* live: hand out what the bytes so far gave; the
			 * first decompressed chunk, once it tells the format
			 * (a byte that is no space), as a plain input's */
			if (s->live && io.out_pos &&
			    (s->decompressed ||
			     dv_live_decisive(s->chunk, io.out_pos, false)))
				break;
			s->raw_pos = 0;
			st = fill(s, s->raw, &s->raw_len, &s->raw_eof);
			if (st != DCVAL_OK)
				break;
		}
		io.in = s->raw;
		io.in_len = s->raw_len;
		io.in_pos = s->raw_pos;
		io.in_last = s->raw_eof;
		r = dv_decomp_step(s->dz, &io);
		s->raw_pos = io.in_pos;
		if (r != DV_DECOMP_MORE)
			break;
	}
	s->len = io.out_pos;
	s->decompressed += s->len;
	if (r == DV_DECOMP_FAULT) {
		snprintf(s->fault, sizeof(s->fault), "%s", dv_decomp_fault(s->dz));
		st = DCVAL_EIO;
	} else if (r == DV_DECOMP_NOMEM) {
		st = DCVAL_ENOMEM;
	}
	if (st != DCVAL_OK)
		return stop_after(s, s->len, st);
	s->eof = r == DV_DECOMP_END;
	return DCVAL_OK;
}

/*
 * After the first chunk: is the input compressed? A name ending in .gz or
 * .zst decides (and its data must then start with that magic number);
 * else the bytes' magic number. Then the chunk read becomes the first
 * compressed input, and the first decompressed chunk replaces it.
 */
static dcval_status start(dv_source *s)
{
	static const char *const suffix[] = { "", ".gz", ".zst" };
	dcval_compression c = DCVAL_COMPRESSION_NONE;
	const char *name;

	if (strcmp(s->path, "-") != 0)
		c = dv_decomp_by_name(s->path, NULL);
	if (c == DCVAL_COMPRESSION_NONE)
		c = dv_decomp_by_magic(s->chunk, s->len);
	s->compression = c;
	if (c == DCVAL_COMPRESSION_NONE)
		return DCVAL_OK;
	name = dcval_compression_name(c);
	if (s->len == 0) {
		snprintf(s->fault, sizeof(s->fault),
			 "not %s data (the file is empty)", name);
		s->eof = true;
		return DCVAL_EIO;
	}
	if (!dv_decomp_magic_ok(c, s->chunk, s->len)) {
		snprintf(s->fault, sizeof(s->fault),
			 "not %s data (the name ends in '%s' but the %s magic "
			 "number is missing)",
			 name, suffix[c], name);
		s->len = 0;
		s->eof = true;
		return DCVAL_EIO;
	}
	s->dz = dv_decomp_new(c);
	s->raw = dv_malloc(DV_SOURCE_CHUNK);
	if (!s->dz || !s->raw) {
		s->len = 0;
		s->eof = true;
		return DCVAL_ENOMEM;
	}
	/* what was read is compressed: swap it into raw */
	{
		char *t = s->raw;

		s->raw = s->chunk;
		s->chunk = t;
	}
	s->raw_len = s->len;
	s->raw_pos = 0;
	s->raw_eof = s->eof;
	s->eof = false;
	return next_decompressed(s);
}

/* A call that ends before reading: the pending fault (*st), or the end
 * of the input. */
static bool ends_here(dv_source *s, dcval_status *st)
{
	*st = s->pending;
	if (s->pending != DCVAL_OK) {
		s->pending = DCVAL_OK;
		s->eof = true;
		return true;
	}
	return s->eof;
}

dcval_status dv_source_next(dv_source *s)
{
	dcval_status st;

	s->len = 0;
	if (s->unread_len)
		return next_unread(s);
	if (ends_here(s, &st))
		return st;
	if (s->dz)
		return next_decompressed(s);
	st = fill(s, s->chunk, &s->len, &s->eof);
	if (!s->started) {
		s->started = true;
		if (st != DCVAL_OK) {
			/* too early to know whether these bytes are compressed */
			s->len = 0;
			return st;
		}
		return start(s);
	}
	return st == DCVAL_OK ? st : stop_after(s, s->len, st);
}

bool dv_source_ready(const dv_source *s)
{
	struct pollfd p = { .fd = s->fd, .events = POLLIN };

	if (!s->live || s->unread_len || s->eof || s->pending != DCVAL_OK)
		return true;
	/* POLLHUP, POLLERR: a read returns at once too */
	return s->fd >= 0 && poll(&p, 1, 0) > 0;
}

void dv_source_wait(const dv_source *s, int other)
{
	struct pollfd p[2] = { { .fd = s->fd, .events = POLLIN },
			       { .fd = other, .events = POLLIN } };

	(void)poll(p, other >= 0 ? 2 : 1, -1);
}

bool dv_source_direct(const dv_source *s)
{
	return s->started && !s->dz && !s->live && !s->borrowed &&
	       !s->unread_len;
}

dcval_status dv_source_next_into(dv_source *s, char *buf, size_t *n)
{
	dcval_status st;

	s->len = 0;
	*n = 0;
	if (ends_here(s, &st))
		return st;
	st = fill(s, buf, n, &s->eof);
	return st == DCVAL_OK ? st : stop_after(s, *n, st);
}

size_t dv_source_bom(const dv_source *s)
{
	if (s->mid)
		return 0;
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

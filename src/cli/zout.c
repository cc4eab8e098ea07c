/*
 * Compressed quarantine outputs; see zout.h. References: zlib.h
 * (deflateInit2 with windowBits 16 + 15 writes a gzip member), zstd.h
 * (ZSTD_compressStream2 with ZSTD_e_continue, then ZSTD_e_end until it
 * returns 0), glibc's fopencookie(3).
 */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "cli/zout.h"

#define ZOUT_BUF (64 * 1024)        /* compressed bytes per fwrite */
#define ZOUT_STDIO (256 * 1024)     /* bytes the stream gathers per write */
#define ZOUT_GZIP_LEVEL 6
#define ZOUT_ZSTD_LEVEL 3

enum zout_kind { ZOUT_GZIP, ZOUT_ZSTD };

struct dv_zout {
	enum zout_kind kind;
	FILE *out;          /* the stream underneath (owned) */
	FILE *self;         /* the compressing stream */
	bool finished;      /* the trailer is written */
	bool failed;        /* a write failed: later ones fail too */
	z_stream z;
	ZSTD_CCtx *zc;
	unsigned char buf[ZOUT_BUF];
};

/* Write buf[0..n) to the stream underneath. */
static int put(struct dv_zout *z, size_t n)
{
	if (n && fwrite(z->buf, 1, n, z->out) != n) {
		if (!errno)
			errno = EIO;
		z->failed = true;
		return -1;
	}
	return 0;
}

/* How a run ends: go on, flush what is compressed so far, end the data. */
enum zout_mode { ZOUT_GO_ON = 0, ZOUT_FLUSH, ZOUT_END };

/* Compress p[0..n); then go on, flush, or end the data (and write its
 * trailer), as `end` says. */
static int gzip_run(struct dv_zout *z, const char *p, size_t n, enum zout_mode end)
{
	static const int flush[] = { Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FINISH };
	int rc;

	z->z.next_in = (Bytef *)(uintptr_t)p;
	z->z.avail_in = (uInt)n;
	do {
		z->z.next_out = z->buf;
		z->z.avail_out = ZOUT_BUF;
		rc = deflate(&z->z, flush[end]);
		if (rc == Z_STREAM_ERROR) {
			errno = EIO;
			return -1;
		}
		if (put(z, ZOUT_BUF - z->z.avail_out) != 0)
			return -1;
	} while (z->z.avail_out == 0 || (end == ZOUT_END && rc != Z_STREAM_END));
	return 0;
}

static int zstd_run(struct dv_zout *z, const char *p, size_t n, enum zout_mode end)
{
	static const ZSTD_EndDirective directive[] = { ZSTD_e_continue,
						       ZSTD_e_flush, ZSTD_e_end };
	ZSTD_inBuffer in = { p, n, 0 };
	ZSTD_outBuffer out;
	size_t left;

	do {
		out.dst = z->buf;
		out.size = ZOUT_BUF;
		out.pos = 0;
		left = ZSTD_compressStream2(z->zc, &out, &in,
					    directive[end]);
		if (ZSTD_isError(left)) {
			errno = ZSTD_getErrorCode(left) == ZSTD_error_memory_allocation
					? ENOMEM
					: EIO;
			return -1;
		}
		if (put(z, out.pos) != 0)
			return -1;
	} while (in.pos < in.size || (end && left != 0));
	return 0;
}

static int run(struct dv_zout *z, const char *p, size_t n, enum zout_mode end)
{
	if (z->failed || z->finished) {
		errno = z->failed ? EIO : EBADF;
		return -1;
	}
	return z->kind == ZOUT_GZIP ? gzip_run(z, p, n, end) : zstd_run(z, p, n, end);
}

/* fopencookie's write: compress what the stream gathered. */
static ssize_t zout_write(void *cookie, const char *p, size_t n)
{
	/* zlib counts in uInt: the stream never hands more than ZOUT_STDIO
	 * at once, but stay safe */
	size_t step = n > ZOUT_STDIO ? ZOUT_STDIO : n, done = 0;

	while (done < n) {
		if (n - done < step)
			step = n - done;
		if (run(cookie, p + done, step, ZOUT_GO_ON) != 0)
			return -1;
		done += step;
	}
	return (ssize_t)n;
}

static void zout_free(struct dv_zout *z)
{
	if (z->kind == ZOUT_GZIP)
		deflateEnd(&z->z);
	else
		ZSTD_freeCCtx(z->zc);
	free(z);
}

/* fopencookie's close: end the data if dv_zout_finish() did not, close
 * the stream underneath. */
static int zout_close(void *cookie)
{
	struct dv_zout *z = cookie;
	int rc = 0, e = 0;

	if (z->failed) {
		rc = -1;
		e = EIO;
	} else if (!z->finished && run(z, NULL, 0, ZOUT_END) != 0) {
		rc = -1;
		e = errno;
	}
	if (fclose(z->out) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	zout_free(z);
	errno = e;
	return rc;
}

static struct dv_zout *zout_new(enum zout_kind kind, FILE *out)
{
	struct dv_zout *z = calloc(1, sizeof(*z));

	if (!z)
		return NULL;
	z->kind = kind;
	z->out = out;
	if (kind == ZOUT_GZIP) {
		if (deflateInit2(&z->z, ZOUT_GZIP_LEVEL, Z_DEFLATED, 16 + MAX_WBITS,
				 8, Z_DEFAULT_STRATEGY) != Z_OK)
			goto out_free;
		return z;
	}
	z->zc = ZSTD_createCCtx();
	if (!z->zc ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(z->zc, ZSTD_c_compressionLevel,
						ZOUT_ZSTD_LEVEL)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(z->zc, ZSTD_c_checksumFlag, 1))) {
		ZSTD_freeCCtx(z->zc);
		goto out_free;
	}
	return z;

out_free:
	free(z);
	return NULL;
}

int dv_zout_wrap(FILE **f, const char *target, struct dv_zout **handle)
{
	static const cookie_io_functions_t io = { .write = zout_write,
						  .close = zout_close };
	size_t n = strlen(target);
	enum zout_kind kind;
	struct dv_zout *z;

	if (n > 3 && strcasecmp(target + n - 3, ".gz") == 0)
		kind = ZOUT_GZIP;
	else if (n > 4 && strcasecmp(target + n - 4, ".zst") == 0)
		kind = ZOUT_ZSTD;
	else
		return 0;
	z = zout_new(kind, *f);
	if (!z) {
		errno = ENOMEM;
		return -1;
	}
	z->self = fopencookie(z, "w", io);
	if (!z->self) {
		zout_free(z);
		errno = ENOMEM;
		return -1;
	}
	/* large writes to compress; without it, stdio's default buffer */
	(void)setvbuf(z->self, NULL, _IOFBF, ZOUT_STDIO);
	*f = z->self;
	*handle = z;
	return 0;
}

int dv_zout_finish(struct dv_zout *z)
{
	if (!z || z->finished)
		return 0;
	if (fflush(z->self) != 0 || run(z, NULL, 0, ZOUT_END) != 0)
		return -1;
	z->finished = true;
	if (fflush(z->out) != 0 || ferror(z->out)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

int dv_zout_flush(FILE *f, struct dv_zout *z)
{
	if (f && fflush(f) != 0)
		return -1;
	if (!z || z->finished)
		return 0;
	if (run(z, NULL, 0, ZOUT_FLUSH) != 0)
		return -1;
	if (fflush(z->out) != 0 || ferror(z->out)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

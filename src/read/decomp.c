/*
 * gzip and zstd decompression steps; see decomp.h.
 *
 * References: RFC 1952 (gzip members, magic 1f 8b), zlib's zlib.h
 * (inflate() with windowBits 16 + 15 reads one gzip member and checks
 * its CRC-32 and ISIZE), RFC 8878 (zstd frames, magic 28 b5 2f fd,
 * skippable frames 0x184d2a5?), zstd.h (ZSTD_decompressStream() returns
 * 0 at the end of each frame; "if output.pos < output.size, decoder has
 * flushed everything it could"). Python's Lib/gzip.py _GzipReader for
 * the zero padding between members.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "read/decomp.h"
#include "util/alloc.h"

struct dv_decomp {
	dcval_compression c;  /* GZIP or ZSTD */
	bool in_member;       /* inside a gzip member or zstd frame */
	dv_decomp_result final; /* END, FAULT or NOMEM once returned, else MORE */
	uint64_t members;     /* gzip members / zstd frames read whole */
	z_stream z;           /* gzip */
	ZSTD_DCtx *zd;        /* zstd */
	char fault[112];      /* why FAULT, "" before */
};

const char *dcval_compression_name(dcval_compression c)
{
	switch (c) {
	case DCVAL_COMPRESSION_GZIP:
		return "gzip";
	case DCVAL_COMPRESSION_ZSTD:
		return "zstd";
	default:
		return NULL;
	}
}

dcval_compression dv_decomp_by_name(const char *path, size_t *suffix_len)
{
	size_t n = strlen(path);
	dcval_compression c = DCVAL_COMPRESSION_NONE;
	size_t k = 0;

	if (n > 3 && strcasecmp(path + n - 3, ".gz") == 0) {
		c = DCVAL_COMPRESSION_GZIP;
		k = 3;
	} else if (n > 4 && strcasecmp(path + n - 4, ".zst") == 0) {
		c = DCVAL_COMPRESSION_ZSTD;
		k = 4;
	}
	if (suffix_len)
		*suffix_len = k;
	return c;
}

dcval_compression dv_decomp_by_magic(const void *p, size_t n)
{
	const unsigned char *b = p;

	if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return DCVAL_COMPRESSION_GZIP;
	if (n >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd)
		return DCVAL_COMPRESSION_ZSTD;
	return DCVAL_COMPRESSION_NONE;
}

bool dv_decomp_magic_ok(dcval_compression c, const void *p, size_t n)
{
	const unsigned char *b = p;

	if (dv_decomp_by_magic(p, n) == c)
		return true;
	/* a zstd skippable frame: 0x184d2a50 to 0x184d2a5f, little-endian */
	return c == DCVAL_COMPRESSION_ZSTD && n >= 4 && (b[0] & 0xf0) == 0x50 &&
	       b[1] == 0x2a && b[2] == 0x4d && b[3] == 0x18;
}

/* zlib's allocator hooks: through dv_malloc, so tests can fail them. */
static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return dv_mallocarray(items, size);
}

static void z_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	dv_free(p);
}

dv_decomp *dv_decomp_new(dcval_compression c)
{
	dv_decomp *d = dv_calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->c = c;
	if (c == DCVAL_COMPRESSION_GZIP) {
		d->z.zalloc = z_alloc;
		d->z.zfree = z_free;
		/* 16 + 15: a gzip wrapper (only), the largest window */
		if (inflateInit2(&d->z, 16 + MAX_WBITS) != Z_OK)
			goto out_free;
	} else {
		d->zd = ZSTD_createDCtx();
		if (!d->zd)
			goto out_free;
	}
	return d;

out_free:
	dv_free(d);
	return NULL;
}

void dv_decomp_free(dv_decomp *d)
{
	if (!d)
		return;
	if (d->c == DCVAL_COMPRESSION_GZIP)
		inflateEnd(&d->z);
	else
		ZSTD_freeDCtx(d->zd);
	dv_free(d);
}

const char *dv_decomp_fault(const dv_decomp *d)
{
	return d->fault;
}

__attribute__((format(printf, 2, 3)))
static dv_decomp_result fault(dv_decomp *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->fault, sizeof(d->fault), fmt, ap);
	va_end(ap);
	d->final = DV_DECOMP_FAULT;
	return DV_DECOMP_FAULT;
}

/* The end of the input with no member or frame open. */
static dv_decomp_result at_end(dv_decomp *d, const char *name)
{
	if (d->members == 0)
		return fault(d, "truncated %s data", name);
	d->final = DV_DECOMP_END;
	return DV_DECOMP_END;
}

/*
 * Between gzip members: skip zero padding (never before the first
 * member), then a new member starts with 1f, or the data ends.
 */
static dv_decomp_result gzip_between(dv_decomp *d, dv_decomp_io *io)
{
	while (d->members && io->in_pos < io->in_len && io->in[io->in_pos] == 0)
		io->in_pos++;
	if (io->in_pos == io->in_len)
		return io->in_last ? at_end(d, "gzip") : DV_DECOMP_MORE;
	if ((unsigned char)io->in[io->in_pos] != 0x1f)
		return d->members ? fault(d, "trailing garbage after gzip data")
				  : fault(d, "not gzip data");
	if (d->members && inflateReset(&d->z) != Z_OK)
		return fault(d, "gzip decoder error");
	d->in_member = true;
	return DV_DECOMP_MORE;
}

/* One inflate() call over what io holds (zlib counts in uInt). */
static int gzip_inflate(dv_decomp *d, dv_decomp_io *io, bool *progress)
{
	size_t in_n = io->in_len - io->in_pos, out_n = io->out_cap - io->out_pos;
	uInt ai = in_n > UINT_MAX ? UINT_MAX : (uInt)in_n;
	uInt ao = out_n > UINT_MAX ? UINT_MAX : (uInt)out_n;
	int rc;

	/* zlib's next_in is not const unless built with ZLIB_CONST */
	d->z.next_in = (Bytef *)(uintptr_t)(io->in + io->in_pos);
	d->z.avail_in = ai;
	d->z.next_out = (Bytef *)(io->out + io->out_pos);
	d->z.avail_out = ao;
	rc = inflate(&d->z, Z_NO_FLUSH);
	io->in_pos += ai - d->z.avail_in;
	io->out_pos += ao - d->z.avail_out;
	*progress = d->z.avail_in != ai || d->z.avail_out != ao;
	return rc;
}

static dv_decomp_result gzip_step(dv_decomp *d, dv_decomp_io *io)
{
	dv_decomp_result r;
	bool progress;
	int rc;

	for (;;) {
		if (!d->in_member) {
			r = gzip_between(d, io);
			if (r != DV_DECOMP_MORE || !d->in_member)
				return r;
		}
		if (io->in_pos == io->in_len)
			return io->in_last ? fault(d, "truncated gzip data")
					   : DV_DECOMP_MORE;
		if (io->out_pos == io->out_cap)
			return DV_DECOMP_MORE;
		rc = gzip_inflate(d, io, &progress);
		switch (rc) {
		case Z_STREAM_END:
			d->in_member = false;
			d->members++;
			break;
		case Z_OK:
		case Z_BUF_ERROR:
			if (!progress)
				return fault(d, "gzip decoder error");
			break;
		case Z_MEM_ERROR:
			d->final = DV_DECOMP_NOMEM;
			return DV_DECOMP_NOMEM;
		case Z_NEED_DICT:
			return fault(d, "corrupt gzip data (needs a preset dictionary)");
		default:
			return fault(d, "corrupt gzip data (%s)",
				     d->z.msg ? d->z.msg : "invalid data");
		}
	}
}

/* A libzstd error as a fault. */
static dv_decomp_result zstd_fault(dv_decomp *d, size_t code)
{
	char name[80];

	switch (ZSTD_getErrorCode(code)) {
	case ZSTD_error_memory_allocation:
		d->final = DV_DECOMP_NOMEM;
		return DV_DECOMP_NOMEM;
	case ZSTD_error_checksum_wrong:
		return fault(d, "corrupt zstd data (checksum mismatch)");
	case ZSTD_error_frameParameter_windowTooLarge:
		return fault(d, "zstd frame needs a window larger than 128 MiB");
	case ZSTD_error_prefix_unknown:
		return d->members ? fault(d, "trailing garbage after zstd data")
				  : fault(d, "not zstd data");
	default:
		/* libzstd's names are capitalised: "Data corruption detected" */
		snprintf(name, sizeof(name), "%s", ZSTD_getErrorName(code));
		name[0] = (char)tolower((unsigned char)name[0]);
		return fault(d, "corrupt zstd data (%s)", name);
	}
}

static dv_decomp_result zstd_step(dv_decomp *d, dv_decomp_io *io)
{
	ZSTD_inBuffer in;
	ZSTD_outBuffer out;
	size_t rc;

	for (;;) {
		if (io->in_pos == io->in_len && !d->in_member)
			return io->in_last ? at_end(d, "zstd") : DV_DECOMP_MORE;
		if (io->out_pos == io->out_cap)
			return DV_DECOMP_MORE;
		in.src = io->in;
		in.size = io->in_len;
		in.pos = io->in_pos;
		out.dst = io->out;
		out.size = io->out_cap;
		out.pos = io->out_pos;
		rc = ZSTD_decompressStream(d->zd, &out, &in);
		if (ZSTD_isError(rc)) {
			io->in_pos = in.pos;
			io->out_pos = out.pos;
			return zstd_fault(d, rc);
		}
		d->in_member = rc != 0;
		if (rc == 0)
			d->members++;
		if (rc != 0 && out.pos < out.size && in.pos == in.size) {
			/* everything that could be flushed was */
			io->out_pos = out.pos;
			io->in_pos = in.pos;
			if (io->in_last)
				return fault(d, "truncated zstd data");
			return DV_DECOMP_MORE;
		}
		if (rc != 0 && in.pos == io->in_pos && out.pos == io->out_pos)
			return fault(d, "zstd decoder error");
		io->in_pos = in.pos;
		io->out_pos = out.pos;
	}
}

dv_decomp_result dv_decomp_step(dv_decomp *d, dv_decomp_io *io)
{
	if (d->final != DV_DECOMP_MORE)
		return d->final;
	if (d->c == DCVAL_COMPRESSION_GZIP)
		return gzip_step(d, io);
	return zstd_step(d, io);
}

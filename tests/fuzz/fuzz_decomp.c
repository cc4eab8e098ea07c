/*
 * Fuzz target: compressed inputs (src/read/decomp.c behind
 * src/read/source.c).
 *
 *  - the bytes themselves, named .gz, .zst and "-": never a crash, every
 *    chunk within DV_SOURCE_CHUNK, the status OK or DCVAL_EIO with a
 *    fault, the compressed bytes counted no more than given (all of them
 *    on success), and a plain input handed out byte for byte;
 *  - the bytes as data, compressed here as two gzip members and as two
 *    zstd frames split where the first byte says: they read back exactly;
 *    cut anywhere inside the second member or frame, they give "truncated
 *    ... data" and a prefix of the data, never more.
 */
#include "fuzz_common.h"

#include <zlib.h>
#include <zstd.h>

#include "read/decomp.h"
#include "read/source.h"

/* Past this much output a bomb is not read further (it costs time). */
#define FUZZ_OUT_MAX ((size_t)8 << 20)

struct out {
	uint8_t *p;
	size_t n;
	bool stopped; /* FUZZ_OUT_MAX reached */
};

static dcval_status take(void *ctx, const char *p, size_t n, bool *stop)
{
	struct out *o = ctx;

	FUZZ_ASSERT(n <= DV_SOURCE_CHUNK);
	*stop = o->stopped = o->n + n > FUZZ_OUT_MAX;
	if (!n || o->stopped)
		return DCVAL_OK;
	o->p = realloc(o->p, o->n + n);
	FUZZ_ASSERT(o->p);
	memcpy(o->p + o->n, p, n);
	o->n += n;
	return DCVAL_OK;
}

/* Read data[0..size) named path to its end into o; returns the status,
 * *s keeps the source's fields (released). */
static dcval_status drain(const char *path, const uint8_t *data, size_t size,
			  struct out *o, dv_source *s)
{
	FILE *f = size ? fmemopen((void *)(uintptr_t)data, size, "rb")
		       : fopen("/dev/null", "rb");
	dcval_status st;

	FUZZ_ASSERT(f);
	memset(o, 0, sizeof(*o));
	FUZZ_ASSERT(dv_source_init(s, f, path) == DCVAL_OK);
	st = dv_source_next(s);
	if (st == DCVAL_OK)
		st = dv_source_feed(s, 0, take, o);
	FUZZ_ASSERT(st == DCVAL_OK || st == DCVAL_EIO);
	FUZZ_ASSERT(st == DCVAL_OK ? s->fault[0] == '\0' : s->fault[0] != '\0');
	FUZZ_ASSERT(s->bytes <= size);
	if (st == DCVAL_OK && !o->stopped)
		FUZZ_ASSERT(s->bytes == size);
	FUZZ_ASSERT(memchr(s->fault, '\0', sizeof(s->fault)));
	dv_source_release(s);
	fclose(f);
	return st;
}

static void as_is(const char *path, const uint8_t *data, size_t size)
{
	struct out o;
	dv_source s;
	dcval_status st = drain(path, data, size, &o, &s);

	if (s.compression == DCVAL_COMPRESSION_NONE) {
		FUZZ_ASSERT(st == DCVAL_OK && o.n == size);
		FUZZ_ASSERT(size == 0 || memcmp(o.p, data, size) == 0);
	}
	free(o.p);
}

static size_t gzip_into(uint8_t *dst, size_t cap, const uint8_t *p, size_t n)
{
	z_stream z;
	size_t got;

	memset(&z, 0, sizeof(z));
	FUZZ_ASSERT(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				 Z_DEFAULT_STRATEGY) == Z_OK);
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = dst;
	z.avail_out = (uInt)cap;
	FUZZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
	got = cap - z.avail_out;
	deflateEnd(&z);
	return got;
}

static size_t zstd_into(uint8_t *dst, size_t cap, const uint8_t *p, size_t n)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	size_t got;

	FUZZ_ASSERT(c);
	FUZZ_ASSERT(!ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)));
	got = ZSTD_compress2(c, dst, cap, p, n);
	FUZZ_ASSERT(!ZSTD_isError(got));
	ZSTD_freeCCtx(c);
	return got;
}

/* Compress data as two members/frames split at k; check the round trip
 * and one cut inside the second. */
static void round_trip(bool gz, const uint8_t *data, size_t size)
{
	size_t k = size ? data[0] % (size + 1) : 0;
	size_t cap = 2 * (size + 1024) + ZSTD_compressBound(size), n1, n, cut;
	uint8_t *c = malloc(cap);
	const char *path = gz ? "f.csv.gz" : "f.csv.zst";
	struct out o;
	dv_source s;

	FUZZ_ASSERT(c);
	n1 = gz ? gzip_into(c, cap, data, k) : zstd_into(c, cap, data, k);
	n = n1 + (gz ? gzip_into(c + n1, cap - n1, data + k, size - k)
		     : zstd_into(c + n1, cap - n1, data + k, size - k));
	FUZZ_ASSERT(drain(path, c, n, &o, &s) == DCVAL_OK);
	FUZZ_ASSERT(o.n == size && (size == 0 || memcmp(o.p, data, size) == 0));
	free(o.p);
	/* a cut in (n1, n): the second member or frame is incomplete */
	cut = n1 + 1 + (size ? data[size - 1] * 131u : 0) % (n - n1 - 1);
	FUZZ_ASSERT(drain(path, c, cut, &o, &s) == DCVAL_EIO);
	FUZZ_ASSERT(!strcmp(s.fault, gz ? "truncated gzip data" : "truncated zstd data"));
	FUZZ_ASSERT(o.n <= size && (o.n == 0 || memcmp(o.p, data, o.n) == 0));
	free(o.p);
	free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	as_is("f.gz", data, size);
	as_is("f.zst", data, size);
	as_is("-", data, size);
	round_trip(true, data, size);
	round_trip(false, data, size);
	return 0;
}

/*
 * Unit tests of compressed inputs: the decompression steps
 * (src/read/decomp.c) behind the chunked source (src/read/source.c),
 * and through the validator. The compressed data is made here with zlib's
 * deflate and libzstd's compressor, so every case is exact: gzip,
 * multi-member gzip, zero padding, trailing garbage, zstd, multi-frame
 * zstd, skippable frames, wrong checksums, every truncation point,
 * corrupt data, names that lie, magic numbers on unnamed streams.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include <zlib.h>
#include <zstd.h>

#include "dcval/dcval.h"
#include "read/decomp.h"
#include "read/source.h"

/* ---- making compressed data ---- */

struct bytes {
	unsigned char *p;
	size_t n;
};

static void bytes_add(struct bytes *b, const void *p, size_t n)
{
	b->p = realloc(b->p, b->n + n + 1);
	assert_non_null(b->p);
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* Append one gzip member holding p[0..n). */
static void gzip_member(struct bytes *b, const void *p, size_t n)
{
	z_stream z;
	size_t cap;
	unsigned char *out;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY),
			 Z_OK);
	cap = deflateBound(&z, (uLong)n) + 64;
	out = malloc(cap);
	assert_non_null(out);
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	bytes_add(b, out, cap - z.avail_out);
	deflateEnd(&z);
	free(out);
}

/* Append one zstd frame (with a checksum) holding p[0..n). */
static void zstd_frame(struct bytes *b, const void *p, size_t n)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	size_t cap = ZSTD_compressBound(n), got;
	unsigned char *out = malloc(cap);

	assert_non_null(c);
	assert_non_null(out);
	assert_false(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1)));
	got = ZSTD_compress2(c, out, cap, p, n);
	assert_false(ZSTD_isError(got));
	bytes_add(b, out, got);
	ZSTD_freeCCtx(c);
	free(out);
}

/* n bytes that do not compress (a xorshift sequence). */
static unsigned char *noise(size_t n)
{
	unsigned char *p = malloc(n);
	uint32_t x = 2463534242u;
	size_t i;

	assert_non_null(p);
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (unsigned char)x;
	}
	return p;
}

/* ---- reading it back through dv_source ---- */

struct got {
	unsigned char *p;       /* every chunk, joined */
	size_t n;
	dcval_status st;        /* the status that ended reading */
	dcval_compression c;
	uint64_t bytes;         /* compressed bytes read */
	char fault[112];
	size_t chunks;
	uint64_t last_progress; /* the last on_chunk value */
};

static void on_chunk(void *ctx, uint64_t bytes)
{
	struct got *g = ctx;

	assert_true(bytes >= g->last_progress);
	g->last_progress = bytes;
}

static dcval_status nothing(void *ctx, const char *p, size_t n, bool *stop)
{
	struct got *g = ctx;

	assert_true(n <= DV_SOURCE_CHUNK);
	if (n) {
		g->p = realloc(g->p, g->n + n + 1);
		assert_non_null(g->p);
		memcpy(g->p + g->n, p, n);
		g->n += n;
	}
	g->chunks++;
	*stop = false;
	return DCVAL_OK;
}

/* Read data[0..n) named `path` to its end, as the engine does. */
static void read_all(const char *path, const void *data, size_t n,
		     struct got *g)
{
	FILE *f = n ? fmemopen((void *)(uintptr_t)data, n, "rb")
		    : fopen("/dev/null", "rb");
	dv_source s;

	memset(g, 0, sizeof(*g));
	assert_non_null(f);
	assert_int_equal(dv_source_init(&s, f, path), DCVAL_OK);
	s.on_chunk = on_chunk;
	s.chunk_ctx = g;
	g->st = dv_source_next(&s);
	g->c = s.compression;
	if (g->st == DCVAL_OK)
		g->st = dv_source_feed(&s, 0, nothing, g);
	g->bytes = s.bytes;
	memcpy(g->fault, s.fault, sizeof(g->fault));
	assert_int_equal(s.decompressed, g->c ? g->n : 0);
	dv_source_release(&s);
	fclose(f);
}

static void got_free(struct got *g)
{
	free(g->p);
	g->p = NULL;
}

static void assert_same(const struct got *g, const void *p, size_t n)
{
	assert_int_equal(g->n, n);
	assert_memory_equal(g->p ? (const void *)g->p : "", p, n);
}

static const char TEXT[] = "id,s\n1,a\n2,b\n3,c\n";

/* ---- names and magic numbers ---- */

static void test_decomp_by_name_and_magic(void **state)
{
	size_t k = 99;

	(void)state;
	assert_int_equal(dv_decomp_by_name("events.csv.gz", &k), DCVAL_COMPRESSION_GZIP);
	assert_int_equal(k, 3);
	assert_int_equal(dv_decomp_by_name("x.JSONL.ZST", &k), DCVAL_COMPRESSION_ZSTD);
	assert_int_equal(k, 4);
	assert_int_equal(dv_decomp_by_name("x.csv", &k), DCVAL_COMPRESSION_NONE);
	assert_int_equal(k, 0);
	assert_int_equal(dv_decomp_by_name(".gz", NULL), DCVAL_COMPRESSION_NONE);
	assert_int_equal(dv_decomp_by_name("x.tgz", NULL), DCVAL_COMPRESSION_NONE);
	assert_int_equal(dv_decomp_by_magic("\x1f\x8b", 2), DCVAL_COMPRESSION_GZIP);
	assert_int_equal(dv_decomp_by_magic("\x1f", 1), DCVAL_COMPRESSION_NONE);
	assert_int_equal(dv_decomp_by_magic("\x28\xb5\x2f\xfd", 4), DCVAL_COMPRESSION_ZSTD);
	assert_int_equal(dv_decomp_by_magic("\x28\xb5\x2f", 3), DCVAL_COMPRESSION_NONE);
	assert_int_equal(dv_decomp_by_magic("id,s", 4), DCVAL_COMPRESSION_NONE);
	/* a skippable frame is zstd when the name says so, never sniffed */
	assert_true(dv_decomp_magic_ok(DCVAL_COMPRESSION_ZSTD, "\x5e\x2a\x4d\x18", 4));
	assert_int_equal(dv_decomp_by_magic("\x5e\x2a\x4d\x18", 4), DCVAL_COMPRESSION_NONE);
	assert_false(dv_decomp_magic_ok(DCVAL_COMPRESSION_GZIP, "\x28\xb5\x2f\xfd", 4));
	assert_string_equal(dcval_compression_name(DCVAL_COMPRESSION_GZIP), "gzip");
	assert_string_equal(dcval_compression_name(DCVAL_COMPRESSION_ZSTD), "zstd");
	assert_null(dcval_compression_name(DCVAL_COMPRESSION_NONE));
}

/* ---- gzip ---- */

static void test_decomp_gzip_named(void **state)
{
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	gzip_member(&b, TEXT, strlen(TEXT));
	read_all("events.csv.gz", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_int_equal(g.c, DCVAL_COMPRESSION_GZIP);
	assert_same(&g, TEXT, strlen(TEXT));
	assert_int_equal(g.bytes, b.n); /* as stored */
	assert_int_equal(g.last_progress, b.n);
	assert_string_equal(g.fault, "");
	got_free(&g);
	free(b.p);
}

static void test_decomp_gzip_multi_member_and_padding(void **state)
{
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	gzip_member(&b, "id,s\n1,a\n", 9);
	gzip_member(&b, "", 0); /* an empty member counts too */
	gzip_member(&b, "2,b\n", 4);
	bytes_add(&b, "\0\0\0", 3); /* zero padding between members */
	gzip_member(&b, "3,c\n", 4);
	bytes_add(&b, "\0\0", 2);   /* and at the end */
	read_all("m.gz", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_same(&g, TEXT, strlen(TEXT));
	assert_int_equal(g.bytes, b.n);
	got_free(&g);
	free(b.p);
}

static void test_decomp_gzip_trailing_garbage(void **state)
{
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	gzip_member(&b, TEXT, strlen(TEXT));
	bytes_add(&b, "junk", 4);
	read_all("t.gz", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "trailing garbage after gzip data");
	/* the data before the fault is handed out first */
	assert_same(&g, TEXT, strlen(TEXT));
	got_free(&g);
	free(b.p);
}

/* Every proper prefix of a gzip stream is truncated, and what comes out
 * of it is a prefix of the data. */
static void test_decomp_gzip_truncated_everywhere(void **state)
{
	struct bytes b = { 0 };
	struct got g;
	size_t cut;

	(void)state;
	gzip_member(&b, TEXT, strlen(TEXT));
	for (cut = 2; cut < b.n; cut++) {
		read_all("t.csv.gz", b.p, cut, &g);
		assert_int_equal(g.st, DCVAL_EIO);
		assert_string_equal(g.fault, "truncated gzip data");
		assert_true(g.n <= strlen(TEXT));
		assert_memory_equal(g.n ? (char *)g.p : "", TEXT, g.n);
		assert_int_equal(g.bytes, cut);
		got_free(&g);
	}
	/* one byte: no magic number */
	read_all("t.csv.gz", b.p, 1, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "not gzip data (the name ends in '.gz' but "
				     "the gzip magic number is missing)");
	got_free(&g);
	free(b.p);
}

static void test_decomp_gzip_corrupt(void **state)
{
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	gzip_member(&b, TEXT, strlen(TEXT));
	b.p[b.n - 6] ^= 0x55; /* the CRC-32 */
	read_all("c.gz", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "corrupt gzip data (incorrect data check)");
	got_free(&g);
	b.p[b.n - 6] ^= 0x55;
	b.p[3] = 0xe0; /* reserved header flags */
	read_all("c.gz", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_int_equal(strncmp(g.fault, "corrupt gzip data (", 19), 0);
	assert_int_equal(g.n, 0);
	got_free(&g);
	free(b.p);
}

/* More than a chunk each way: the compressed input spans several raw
 * reads and the output several chunks. */
static void test_decomp_gzip_large(void **state)
{
	size_t n = 3 * DV_SOURCE_CHUNK + 12345;
	unsigned char *data = noise(n);
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	gzip_member(&b, data, n / 2);
	gzip_member(&b, data + n / 2, n - n / 2);
	assert_true(b.n > 2 * DV_SOURCE_CHUNK);
	read_all("-", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_int_equal(g.c, DCVAL_COMPRESSION_GZIP);
	assert_same(&g, data, n);
	assert_int_equal(g.bytes, b.n);
	assert_true(g.chunks >= 4);
	got_free(&g);
	/* truncated in the second member, past the first raw chunk */
	read_all("-", b.p, b.n - 1000, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "truncated gzip data");
	assert_true(g.n > n / 2 && g.n < n);
	assert_memory_equal(g.p, data, g.n);
	got_free(&g);
	free(b.p);
	free(data);
}

/* ---- zstd ---- */

static void test_decomp_zstd_frames(void **state)
{
	struct bytes b = { 0 };
	struct got g;
	/* a skippable frame: magic 0x184d2a53, 4 bytes of content */
	static const unsigned char skip[] = { 0x53, 0x2a, 0x4d, 0x18, 4, 0, 0, 0,
					      'a', 'b', 'c', 'd' };

	(void)state;
	zstd_frame(&b, "id,s\n1,a\n", 9);
	bytes_add(&b, skip, sizeof(skip));
	zstd_frame(&b, "2,b\n3,c\n", 8);
	read_all("x.jsonl.zst", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_int_equal(g.c, DCVAL_COMPRESSION_ZSTD);
	assert_same(&g, TEXT, strlen(TEXT));
	assert_int_equal(g.bytes, b.n);
	got_free(&g);
	free(b.p);
}

static void test_decomp_zstd_wrong_checksum(void **state)
{
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	zstd_frame(&b, TEXT, strlen(TEXT));
	b.p[b.n - 1] ^= 0xff; /* the frame's checksum: its last 4 bytes */
	read_all("x.zst", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "corrupt zstd data (checksum mismatch)");
	got_free(&g);
	free(b.p);
}

static void test_decomp_zstd_truncated_everywhere(void **state)
{
	struct bytes b = { 0 };
	struct got g;
	size_t cut;

	(void)state;
	zstd_frame(&b, TEXT, strlen(TEXT));
	for (cut = 4; cut < b.n; cut++) {
		read_all("-", b.p, cut, &g);
		assert_int_equal(g.c, DCVAL_COMPRESSION_ZSTD);
		assert_int_equal(g.st, DCVAL_EIO);
		assert_string_equal(g.fault, "truncated zstd data");
		assert_true(g.n <= strlen(TEXT));
		assert_memory_equal(g.n ? (char *)g.p : "", TEXT, g.n);
		got_free(&g);
	}
	free(b.p);
}

static void test_decomp_zstd_large_and_garbage(void **state)
{
	size_t n = 2 * DV_SOURCE_CHUNK + 777;
	unsigned char *data = noise(n);
	struct bytes b = { 0 };
	struct got g;

	(void)state;
	zstd_frame(&b, data, n);
	zstd_frame(&b, data, n);
	read_all("big.zst", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_int_equal(g.n, 2 * n);
	assert_memory_equal(g.p, data, n);
	assert_memory_equal(g.p + n, data, n);
	got_free(&g);
	bytes_add(&b, "garbage!", 8);
	read_all("big.zst", b.p, b.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "trailing garbage after zstd data");
	assert_int_equal(g.n, 2 * n);
	got_free(&g);
	free(b.p);
	free(data);
}

/* ---- which inputs are decompressed ---- */

static void test_decomp_magic_on_unnamed_streams(void **state)
{
	struct bytes gz = { 0 }, zs = { 0 };
	struct got g;

	(void)state;
	gzip_member(&gz, TEXT, strlen(TEXT));
	zstd_frame(&zs, TEXT, strlen(TEXT));
	/* standard input and names that say nothing: by the bytes */
	read_all("-", gz.p, gz.n, &g);
	assert_int_equal(g.c, DCVAL_COMPRESSION_GZIP);
	assert_same(&g, TEXT, strlen(TEXT));
	got_free(&g);
	read_all("data.bin", zs.p, zs.n, &g);
	assert_int_equal(g.c, DCVAL_COMPRESSION_ZSTD);
	assert_same(&g, TEXT, strlen(TEXT));
	got_free(&g);
	/* a name that says another format: still the bytes */
	read_all("events.csv", gz.p, gz.n, &g);
	assert_int_equal(g.c, DCVAL_COMPRESSION_GZIP);
	assert_same(&g, TEXT, strlen(TEXT));
	got_free(&g);
	/* plain text stays plain, byte for byte */
	read_all("-", TEXT, strlen(TEXT), &g);
	assert_int_equal(g.st, DCVAL_OK);
	assert_int_equal(g.c, DCVAL_COMPRESSION_NONE);
	assert_same(&g, TEXT, strlen(TEXT));
	got_free(&g);
	/* "-" named like a file never counts: a "-.gz" would */
	read_all("-", "\x1f", 1, &g);
	assert_int_equal(g.c, DCVAL_COMPRESSION_NONE);
	assert_same(&g, "\x1f", 1);
	got_free(&g);
	free(gz.p);
	free(zs.p);
}

static void test_decomp_name_without_magic(void **state)
{
	struct bytes zs = { 0 };
	struct got g;

	(void)state;
	read_all("events.csv.gz", TEXT, strlen(TEXT), &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_int_equal(g.c, DCVAL_COMPRESSION_GZIP);
	assert_string_equal(g.fault, "not gzip data (the name ends in '.gz' but "
				     "the gzip magic number is missing)");
	assert_int_equal(g.n, 0);
	got_free(&g);
	/* zstd data named .gz: the name decides */
	zstd_frame(&zs, TEXT, strlen(TEXT));
	read_all("x.gz", zs.p, zs.n, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_int_equal(strncmp(g.fault, "not gzip data", 13), 0);
	got_free(&g);
	read_all("empty.zst", "", 0, &g);
	assert_int_equal(g.st, DCVAL_EIO);
	assert_string_equal(g.fault, "not zstd data (the file is empty)");
	got_free(&g);
	free(zs.p);
}

/* ---- the step function alone ---- */

/* Feed one byte at a time, take one byte at a time: the same data. */
static void test_decomp_step_byte_by_byte(void **state)
{
	struct bytes b = { 0 };
	dcval_compression cs[] = { DCVAL_COMPRESSION_GZIP, DCVAL_COMPRESSION_ZSTD };
	char out[64];
	size_t k, got, i;
	dv_decomp_result r;

	(void)state;
	for (k = 0; k < 2; k++) {
		dv_decomp *d = dv_decomp_new(cs[k]);
		dv_decomp_io io = { 0 };

		assert_non_null(d);
		b.n = 0;
		if (k == 0) {
			gzip_member(&b, TEXT, 9);
			gzip_member(&b, TEXT + 9, strlen(TEXT) - 9);
		} else {
			zstd_frame(&b, TEXT, 9);
			zstd_frame(&b, TEXT + 9, strlen(TEXT) - 9);
		}
		got = 0;
		i = 0;
		do {
			io.in = (const char *)b.p + i;
			io.in_len = i < b.n ? 1 : 0;
			io.in_pos = 0;
			io.in_last = i + io.in_len >= b.n;
			io.out = out + got;
			io.out_cap = got < sizeof(out) ? 1 : 0;
			io.out_pos = 0;
			r = dv_decomp_step(d, &io);
			i += io.in_pos;
			got += io.out_pos;
		} while (r == DV_DECOMP_MORE);
		assert_int_equal(r, DV_DECOMP_END);
		assert_int_equal(i, b.n);
		assert_int_equal(got, strlen(TEXT));
		assert_memory_equal(out, TEXT, got);
		/* done is done */
		assert_int_equal(dv_decomp_step(d, &io), DV_DECOMP_END);
		dv_decomp_free(d);
	}
	dv_decomp_free(NULL);
	free(b.p);
}

/* ---- through the validator ---- */

static const char YAML[] = "contract: t\n"
			   "columns:\n"
			   "  - {name: id, type: integer}\n"
			   "  - {name: s, type: string}\n";

static dcval_status run_validator(const char *path, const void *data, size_t n,
				  dcval_input_info *info, dcval_error *err)
{
	dcval_contract *c;
	dcval_validator *v;
	const dcval_input_info *in;
	FILE *f = fmemopen((void *)(uintptr_t)data, n, "rb");
	dcval_status st;
	size_t k;

	assert_non_null(f);
	dcval_error_clear(err);
	c = dcval_contract_load_buffer("c.yaml", YAML, strlen(YAML), err);
	assert_non_null(c);
	v = dcval_validator_new(c, NULL, err);
	assert_non_null(v);
	st = dcval_validator_run(v, path, f, err);
	in = dcval_validator_inputs(v, &k);
	assert_int_equal(k, 1);
	*info = in[0];
	info->path = NULL; /* freed with v */
	dcval_validator_free(v);
	dcval_contract_free(c);
	fclose(f);
	return st;
}

static void test_decomp_validator_counts_and_info(void **state)
{
	static const char data[] = "id,s\n1,a\nx,b\n3,c\n4,d";
	struct bytes b = { 0 };
	dcval_input_info in;
	dcval_error err;

	(void)state;
	zstd_frame(&b, data, strlen(data));
	assert_int_equal(run_validator("x.csv.zst", b.p, b.n, &in, &err), DCVAL_OK);
	assert_int_equal(in.compression, DCVAL_COMPRESSION_ZSTD);
	assert_int_equal(in.format, DCVAL_FORMAT_CSV);
	assert_int_equal(in.bytes, b.n);
	assert_int_equal(in.counts.records, 4);
	assert_int_equal(in.counts.errors, 1);
	free(b.p);
	b.p = NULL;
	b.n = 0;
	/* cut inside "4,d": records 1 to 3 are checked, the cut one is not */
	gzip_member(&b, data, strlen(data));
	assert_int_equal(run_validator("x.gz", b.p, b.n - 8, &in, &err), DCVAL_EIO);
	assert_int_equal(in.status, DCVAL_EIO);
	assert_int_equal(in.compression, DCVAL_COMPRESSION_GZIP);
	assert_int_equal(in.format, DCVAL_FORMAT_CSV); /* from the content */
	assert_int_equal(in.counts.records, 3);
	assert_int_equal(in.counts.errors, 1);
	assert_string_equal(err.file, "x.gz");
	assert_string_equal(err.text, "truncated gzip data after 3 records; a "
				      "record cut by it is not checked");
	assert_string_equal(in.error, err.text);
	free(b.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decomp_by_name_and_magic),
		cmocka_unit_test(test_decomp_gzip_named),
		cmocka_unit_test(test_decomp_gzip_multi_member_and_padding),
		cmocka_unit_test(test_decomp_gzip_trailing_garbage),
		cmocka_unit_test(test_decomp_gzip_truncated_everywhere),
		cmocka_unit_test(test_decomp_gzip_corrupt),
		cmocka_unit_test(test_decomp_gzip_large),
		cmocka_unit_test(test_decomp_zstd_frames),
		cmocka_unit_test(test_decomp_zstd_wrong_checksum),
		cmocka_unit_test(test_decomp_zstd_truncated_everywhere),
		cmocka_unit_test(test_decomp_zstd_large_and_garbage),
		cmocka_unit_test(test_decomp_magic_on_unnamed_streams),
		cmocka_unit_test(test_decomp_name_without_magic),
		cmocka_unit_test(test_decomp_step_byte_by_byte),
		cmocka_unit_test(test_decomp_validator_counts_and_info),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

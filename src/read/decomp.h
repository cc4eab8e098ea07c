/*
 * dv_decomp: gzip (zlib) and zstd (libzstd) decompression, one step at a
 * time over caller buffers, in the manner of zlib's inflate(): the
 * caller (src/read/source.c) reads the compressed bytes and hands out
 * the decompressed ones as its chunks, so readers never know.
 *
 * gzip: every member of a multi-member stream is read, as `gzip -dc`
 * does; zero bytes after a member are padding and skipped (as `gzip` and
 * Python's gzip module do); any other byte after a member that does not
 * start a new member is trailing garbage: corrupt. Each member's CRC-32
 * and length are checked.
 * zstd: every frame of a concatenation is read, skippable frames are
 * skipped, frame checksums are checked, and a frame that needs a window
 * larger than libzstd's default limit (2^27 bytes, as `zstd -d` without
 * --memory) is refused: memory stays bounded whatever the input.
 */
#ifndef DV_READ_DECOMP_H
#define DV_READ_DECOMP_H

#include <stdbool.h>
#include <stddef.h>

#include "dcval/dcval.h"

typedef struct dv_decomp dv_decomp;

/*
 * What the name says: DCVAL_COMPRESSION_GZIP when path ends in ".gz",
 * ZSTD for ".zst" (any case), NONE otherwise. *suffix_len (may be NULL)
 * receives the suffix's length, 0 for none.
 */
dcval_compression dv_decomp_by_name(const char *path, size_t *suffix_len);

/*
 * What the first n bytes at p say: GZIP for 1f 8b, ZSTD for 28 b5 2f fd,
 * NONE otherwise (also when n is too short to tell).
 */
dcval_compression dv_decomp_by_magic(const void *p, size_t n);

/*
 * Whether p[0..n) starts the way data compressed with c must: the magic
 * number, or for zstd also a skippable frame's. Used when the name says
 * the compression.
 */
bool dv_decomp_magic_ok(dcval_compression c, const void *p, size_t n);

/*
 * A decompressor for c (GZIP or ZSTD). Returns: new, free with
 * dv_decomp_free(); NULL when out of memory.
 */
dv_decomp *dv_decomp_new(dcval_compression c);

/* Free d; NULL is a harmless no-op. */
void dv_decomp_free(dv_decomp *d);

/* One step's buffers: in[in_pos..in_len) to out[out_pos..out_cap). */
typedef struct dv_decomp_io {
	const char *in;  /* compressed bytes (borrowed) */
	size_t in_len;   /* bytes in in */
	size_t in_pos;   /* first byte not consumed yet; advanced */
	bool in_last;    /* in holds the input's last bytes: no more come */
	char *out;       /* decompressed bytes go here (borrowed) */
	size_t out_cap;  /* room in out */
	size_t out_pos;  /* bytes of out filled; advanced */
} dv_decomp_io;

/* What a step ended with. */
typedef enum dv_decomp_result {
	DV_DECOMP_MORE = 0, /* out is full, or in is used up and not last */
	DV_DECOMP_END,      /* the data ended cleanly with the last input */
	DV_DECOMP_FAULT,    /* corrupt or truncated: see dv_decomp_fault() */
	DV_DECOMP_NOMEM     /* the library ran out of memory */
} dv_decomp_result;

/*
 * Decompress from io->in into io->out until out is full, in is used up,
 * the data ends or a fault. Bytes written before a fault stay in out
 * (io->out_pos counts them): they are the data up to the fault. After
 * END, FAULT or NOMEM the decompressor takes no more input.
 */
dv_decomp_result dv_decomp_step(dv_decomp *d, dv_decomp_io *io);

/*
 * Why the last step returned FAULT: "truncated gzip data", "corrupt zstd
 * data (...)". Borrowed: valid while d lives. "" when there was none.
 */
const char *dv_decomp_fault(const dv_decomp *d);

#endif

/*
 * dv_source: an input read in large chunks with fread. Readers consume
 * chunk[0..len) and call dv_source_next() for more. Nothing is kept
 * across chunks by the source: a reader that needs bytes from an earlier
 * chunk (a record that spans two) copies them itself.
 *
 * Compressed inputs: on the first dv_source_next() the source decides
 * whether the input is gzip or zstd (the name's suffix .gz/.zst, else the
 * first bytes' magic number; standard input, "-", by its bytes only).
 * From then on chunks hold decompressed bytes (src/read/decomp.c), while
 * `bytes` and on_chunk count the compressed bytes read, as stored. A plain
 * input is read straight into chunk, as before: no copy.
 */
#ifndef DV_READ_SOURCE_H
#define DV_READ_SOURCE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"

#define DV_SOURCE_CHUNK (256 * 1024)

typedef struct dv_source {
	FILE *in;          /* borrowed */
	const char *path;  /* for messages; "-" is standard input */
	char *chunk;       /* DV_SOURCE_CHUNK bytes */
	size_t len;        /* valid bytes in chunk */
	uint64_t bytes;    /* bytes read so far, this chunk included */
	bool eof;          /* no more chunks after this one */
	bool live;         /* a pipe, terminal or socket (fstat: not a regular
			      file): read(2) what has arrived, never wait to
			      fill a chunk (live.h) */
	int err;           /* errno of a failed read, 0 if none */
	void (*on_chunk)(void *ctx, uint64_t bytes); /* after each chunk fed, or NULL */
	void *chunk_ctx;   /* passed to on_chunk */
	dcval_compression compression; /* known after the first dv_source_next */
	char fault[112];   /* why the compressed data is unusable, "" if it is not */
	uint64_t decompressed; /* decompressed bytes handed out so far */
	bool mid;          /* the bytes start inside the input, at a record
			      boundary: no byte order mark, no csv header */
	uint64_t line0;    /* physical line of the first byte (1 at the start) */

	/* private: */
	bool started;      /* the first chunk was read */
	int fd;            /* descriptor of in, -1 if none */
	struct dv_decomp *dz; /* decompressor, NULL for a plain input */
	char *raw;         /* compressed bytes (DV_SOURCE_CHUNK), with dz */
	size_t raw_len;    /* valid bytes in raw */
	size_t raw_pos;    /* first byte of raw not decompressed yet */
	bool raw_eof;      /* raw holds the last compressed bytes */
	dcval_status pending; /* a fault, given after the bytes before it */
	bool borrowed;     /* chunk is the caller's (dv_source_init_mem) */
	const char *unread; /* bytes to hand out before reading more */
	size_t unread_len;
	bool unread_eof;   /* eof as it was when they were given back */
} dv_source;

/* Allocate the chunk buffer and tell whether `in` is live; DCVAL_ENOMEM
 * on failure. */
dcval_status dv_source_init(dv_source *s, FILE *in, const char *path);
void dv_source_release(dv_source *s);

/* A source over p[0..n) (borrowed), one chunk long, starting at physical
 * line `line0`; mid: the bytes start at a record boundary inside an input
 * (parallel validation, read/par.c). Nothing is allocated. */
void dv_source_init_mem(dv_source *s, const char *p, size_t n,
			const char *path, uint64_t line0, bool mid);

/* Give back p[0..n) (borrowed until handed out): the next
 * dv_source_next() calls hand them out, in chunks, before reading on. */
void dv_source_unread(dv_source *s, const char *p, size_t n);

/*
 * Replace the chunk with the next bytes of the input: DV_SOURCE_CHUNK
 * bytes of a regular file, what has arrived of a live input (at least one
 * byte; the first chunk reads on until it tells whether the input is
 * compressed and holds a byte that is no space nor byte order mark, so
 * the format can be sniffed). At the end len is 0
 * and eof true. Returns DCVAL_EIO when reading fails (err set) or the
 * compressed data is corrupt or truncated (fault set): the bytes before
 * the fault come first, as a chunk of their own, and the fault with the
 * next call. DCVAL_ENOMEM when a decompressor cannot be made.
 */
dcval_status dv_source_next(dv_source *s);

/*
 * Whether dv_source_next() would return without waiting for a live
 * input's writer: bytes given back, the end or a fault already known, or
 * the descriptor readable now (poll). A compressed live input's
 * decompressor may still hold output: it is not counted (false may be
 * too cautious, never wrong). Always true for a regular file.
 */
bool dv_source_ready(const dv_source *s);

/* Wait until a live input's descriptor or `other` (a descriptor, or -1)
 * is readable (or hung up); an interrupted wait just returns. */
void dv_source_wait(const dv_source *s, int other);

/*
 * Whether dv_source_next_into() may read the next bytes: a plain input
 * (no decompression, not live) past its first chunk, with no bytes given
 * back to hand out first.
 */
bool dv_source_direct(const dv_source *s);

/*
 * dv_source_next() with the bytes read straight into buf (DV_SOURCE_CHUNK
 * bytes of room) instead of the chunk, which is left empty: for a caller
 * that would only copy them on (read/par.c fills its chunks so, one copy
 * fewer). *n gets their number; eof, bytes and the statuses (a fault after
 * the bytes before it) as dv_source_next(). Only when dv_source_direct().
 */
dcval_status dv_source_next_into(dv_source *s, char *buf, size_t *n);

/* 3 when the current chunk starts with a UTF-8 byte order mark, else 0
 * (meaningful on the first chunk of an input). */
size_t dv_source_bom(const dv_source *s);

/*
 * Consume a chunk: p[0..n). Set *stop to read no further (the input is
 * unusable or its end was seen). Returns DCVAL_OK or the status that
 * stops the input.
 */
typedef dcval_status (*dv_chunk_fn)(void *ctx, const char *p, size_t n,
				    bool *stop);

/*
 * Hand the current chunk, minus its first `skip` bytes, and then every
 * further chunk to fn, until the end of the input, *stop, or a status
 * other than DCVAL_OK (from fn or from reading). After each chunk that fn
 * took without error, s->on_chunk (when set) learns the bytes read so far.
 */
dcval_status dv_source_feed(dv_source *s, size_t skip, dv_chunk_fn fn,
			    void *ctx);

#endif

/*
 * The serialized form shared by every sketch: a small binary frame,
 * little-endian, encoded as base64 text (RFC 4648, standard alphabet,
 * '=' padding, no line breaks) so it sits as a JSON string:
 *
 *   magic    4 bytes  "DVQK" kll, "DVHL" hll, "DVDC" distinct,
 *                     "DVSS" space-saving, "DVMO" moments
 *   version  1 byte   1 for every kind today
 *   payload  ...      the kind's fields (see its header)
 *   check    8 bytes  dv_hash64 (XXH64, seed 0) of every byte before it
 *
 * Integers are unsigned little-endian of the stated width; doubles are
 * IEEE 754 binary64 bits as a u64. A reader refuses: text that is not
 * canonical base64 (DV_SKETCH_ECORRUPT, or EFOREIGN when even the magic
 * cannot be read), another magic (EFOREIGN), a version other than 1
 * (EVERSION), a wrong checksum, a short or long payload, or fields that
 * break the kind's invariants (ECORRUPT). It never reads past its input.
 */
#ifndef DV_STATS_WIRE_H
#define DV_STATS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"
#include "util/buf.h"

#define DV_WIRE_VERSION 1

/* Largest serialized frame (binary bytes) written or read: 16 MiB. */
#define DV_WIRE_MAX_BYTES (16u * 1024 * 1024)

/* Writer: appends to a capped buffer; the first failure sticks. */
typedef struct dv_wire_w {
	dv_buf b;            /* the frame so far */
	dv_sketch_status st; /* DV_SKETCH_OK until an append failed */
} dv_wire_w;

/* Start a frame with `magic` (4 bytes) and the version byte. */
void dv_wire_begin(dv_wire_w *w, const char magic[4]);
void dv_wire_u8(dv_wire_w *w, uint8_t v);
void dv_wire_u32(dv_wire_w *w, uint32_t v);
void dv_wire_u64(dv_wire_w *w, uint64_t v);
void dv_wire_f64(dv_wire_w *w, double v);
void dv_wire_bytes(dv_wire_w *w, const void *p, size_t n);

/*
 * Append the checksum, encode as base64 into *out (new, NUL-terminated:
 * free with dv_free(); *out_len its length without the NUL) and release
 * the writer. On failure *out is NULL and the status says why.
 */
dv_sketch_status dv_wire_end(dv_wire_w *w, char **out, size_t *out_len);

/* Reader over a decoded payload; a read past its end sets `bad`. */
typedef struct dv_wire_r {
	unsigned char *frame; /* decoded frame, owned */
	const unsigned char *p; /* payload */
	size_t len;           /* payload bytes */
	size_t pos;           /* next byte to read */
	bool bad;             /* a read ran past the end */
} dv_wire_r;

/*
 * Decode text[0..len) as a frame of kind `magic` and point r at its
 * payload. On success free r with dv_wire_close(); on failure nothing is
 * held.
 */
dv_sketch_status dv_wire_open(dv_wire_r *r, const char *text, size_t len,
			      const char magic[4]);
uint8_t dv_wire_get_u8(dv_wire_r *r);
uint32_t dv_wire_get_u32(dv_wire_r *r);
uint64_t dv_wire_get_u64(dv_wire_r *r);
double dv_wire_get_f64(dv_wire_r *r);
/* Pointer to the next n payload bytes (NULL and `bad` when short). */
const unsigned char *dv_wire_get_bytes(dv_wire_r *r, size_t n);
/* Bytes left unread. */
size_t dv_wire_left(const dv_wire_r *r);
/* OK when every payload byte was read and no read failed, else ECORRUPT. */
dv_sketch_status dv_wire_done(const dv_wire_r *r);
void dv_wire_close(dv_wire_r *r);

/* Base64 (RFC 4648 with padding), exposed for the tests. */
size_t dv_base64_encoded_len(size_t n);
void dv_base64_encode(const unsigned char *in, size_t n, char *out);
/*
 * Decode canonical base64 text[0..len) into out (room for len / 4 * 3
 * bytes); *n_out the bytes written. False for any character outside the
 * alphabet, a length not a multiple of 4, misplaced padding or nonzero
 * padding bits.
 */
bool dv_base64_decode(const char *text, size_t len, unsigned char *out,
		      size_t *n_out);

#endif

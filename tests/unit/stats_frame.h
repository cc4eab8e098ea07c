/*
 * Helpers of the sketch tests and tests/fuzz/fuzz_sketch.c: rewrite a
 * serialized sketch's frame (wire.h) with a valid checksum, so that a
 * test reaches the structural checks behind it, and sweep every
 * truncation and every one-character change of a serialized text.
 * Static functions in a header: one copy per program.
 */
#ifndef DV_TESTS_STATS_FRAME_H
#define DV_TESTS_STATS_FRAME_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats/hash64.h"
#include "stats/wire.h"

/* Deserialize text[0..len) into a throwaway sketch: its status. */
typedef dv_sketch_status (*sf_parse_fn)(const char *text, size_t len);

/*
 * Base64 of bytes[0..n) with their checksum appended: a frame whose
 * checksum is right whatever the bytes say. malloc'd, NUL-terminated.
 */
static inline char *sf_seal(const unsigned char *bytes, size_t n, size_t *out_len)
{
	unsigned char *f = malloc(n + 8);
	char *t;
	uint64_t h = dv_hash64(bytes, n, 0);
	int i;

	if (!f)
		abort();
	memcpy(f, bytes, n);
	for (i = 0; i < 8; i++)
		f[n + (size_t)i] = (unsigned char)(h >> (8 * i));
	*out_len = dv_base64_encoded_len(n + 8);
	t = malloc(*out_len + 1);
	if (!t)
		abort();
	dv_base64_encode(f, n + 8, t);
	t[*out_len] = '\0';
	free(f);
	return t;
}

/* The frame's bytes without the checksum: malloc'd, *n their count. */
static inline unsigned char *sf_open(const char *text, size_t len, size_t *n)
{
	unsigned char *f = malloc(len / 4 * 3 + 1);

	if (!f || !dv_base64_decode(text, len, f, n) || *n < 8)
		abort();
	*n -= 8;
	return f;
}

/* Every proper prefix and every one-character change must fail; the
 * text itself must parse. Returns the number of inputs accepted wrongly. */
static inline int sf_sweep(const char *text, size_t len, sf_parse_fn parse)
{
	static const char alt[] = "A/+=0z\n";
	char *t = malloc(len + 1);
	int bad = 0;
	size_t i, j;

	if (!t)
		abort();
	if (parse(text, len) != DV_SKETCH_OK)
		bad++;
	for (i = 0; i < len; i++)
		if (parse(text, i) == DV_SKETCH_OK)
			bad++;
	for (i = 0; i < len; i++) {
		memcpy(t, text, len);
		for (j = 0; alt[j]; j++) {
			if (alt[j] == text[i])
				continue;
			t[i] = alt[j];
			if (parse(t, len) == DV_SKETCH_OK)
				bad++;
		}
	}
	free(t);
	return bad;
}

#endif

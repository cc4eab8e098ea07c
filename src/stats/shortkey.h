/*
 * Short keys (at most 16 bytes: codes, categories, 8-byte integers,
 * 12-byte instants) read as words. Value lists, heavy hitters and the
 * dataset checks' memo compare and hash such keys once a record; a call
 * of memcpy() or memcmp() for a length known only at run time costs
 * more than the comparison itself. Two loads that overlap when the
 * length is not a power of two cover every byte without reading past
 * the key.
 */
#ifndef DV_STATS_SHORTKEY_H
#define DV_STATS_SHORTKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DV_SHORTKEY_MAX 16

/* s[0..n), n <= DV_SHORTKEY_MAX, as two words that, with n, tell it
 * apart from any other n bytes (w[1] is 0 below 8 bytes, w is 0 for none). */
static inline void dv_shortkey_words(const void *s, size_t n, uint64_t w[2])
{
	const unsigned char *u = s;
	uint32_t a, b;

	w[0] = 0;
	w[1] = 0;
	if (n >= 8) {
		memcpy(&w[0], u, 8);
		memcpy(&w[1], u + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&a, u, 4);
		memcpy(&b, u + n - 4, 4);
		w[0] = (uint64_t)a | (uint64_t)b << 32;
	} else if (n > 0) {
		w[0] = (uint64_t)u[0] | (uint64_t)u[n / 2] << 8 |
		       (uint64_t)u[n - 1] << 16;
	}
}

/* Whether a[0..n) equals b[0..n) (memcmp() past DV_SHORTKEY_MAX). */
static inline bool dv_shortkey_equal(const void *a, const void *b, size_t n)
{
	uint64_t x[2], y[2];

	if (n > DV_SHORTKEY_MAX)
		return memcmp(a, b, n) == 0;
	dv_shortkey_words(a, n, x);
	dv_shortkey_words(b, n, y);
	return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
}

#endif

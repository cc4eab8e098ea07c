/*
 * UTF-8 validation, counting and cutting; see utf8.h.
 *
 * Validation follows RFC 3629 section 4 (the table of well-formed byte
 * sequences, also Unicode 15 table 3-7): the second byte's range depends
 * on the lead byte, which excludes overlong forms, the surrogates
 * D800..DFFF and code points above U+10FFFF in one comparison.
 */
#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

#define DV_HIGH_BITS 0x8080808080808080ull
#define DV_LOW_BITS 0x0101010101010101ull

/* Eight bytes of s as one word, in memory order (no alignment needed). */
static uint64_t dv_load8(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}

/* True when b is a continuation byte 10xxxxxx. */
static int dv_is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * Length of the valid multi-byte sequence at s[0..avail) whose lead byte
 * is >= 0x80, or 0 when it is invalid or truncated.
 */
static size_t dv_utf8_seq(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, i;

	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0; /* continuation byte, C0/C1 (overlong), F5..FF */
	if (c == 0xE0)
		lo = 0xA0; /* overlong 3-byte form */
	else if (c == 0xED)
		hi = 0x9F; /* surrogates */
	else if (c == 0xF0)
		lo = 0x90; /* overlong 4-byte form */
	else if (c == 0xF4)
		hi = 0x8F; /* above U+10FFFF */
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (!dv_is_cont(s[i]))
			return 0;
	return n;
}

size_t dv_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		/* Fast path: skip eight ASCII bytes at a time. */
		if (len - i >= 8 && !(dv_load8(s + i) & DV_HIGH_BITS)) {
			i += 8;
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		n = dv_utf8_seq(u + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

bool dv_ascii_only(const char *s, size_t len)
{
	uint64_t acc = 0;
	size_t i = 0;

	for (; len - i >= 8; i += 8)
		acc |= dv_load8(s + i);
	for (; i < len; i++)
		acc |= (unsigned char)s[i];
	return !(acc & DV_HIGH_BITS);
}

size_t dv_utf8_count(const char *s, size_t len)
{
	size_t i = 0, cont = 0;
	uint64_t w;

	/*
	 * A continuation byte has bit 7 set and bit 6 clear; shifting the
	 * word left by one moves each byte's bit 6 onto its bit 7.
	 */
	for (; len - i >= 8; i += 8) {
		w = dv_load8(s + i);
		w = (w & ~(w << 1) & DV_HIGH_BITS) >> 7;
		cont += (size_t)((w * DV_LOW_BITS) >> 56);
	}
	for (; i < len; i++)
		cont += (size_t)dv_is_cont((unsigned char)s[i]);
	return len - cont;
}

size_t dv_utf8_cut(const char *s, size_t len, size_t max)
{
	size_t n = max;

	if (max >= len)
		return len;
	/* A character is at most 4 bytes: back up over at most 3
	 * continuation bytes (further back the text is not UTF-8 anyway). */
	while (n > 0 && max - n < 3 && dv_is_cont((unsigned char)s[n]))
		n--;
	if (dv_is_cont((unsigned char)s[n]))
		return max;
	return n;
}

size_t dv_utf8_char_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];

	if (len == 0)
		return 0;
	if (c < 0x80)
		return 1;
	return dv_utf8_seq((const unsigned char *)s, len);
}

size_t dv_utf8_encode(char out[4], unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

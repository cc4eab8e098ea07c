/*
 * Token scanning for the JSON Lines fast path; see jtok.h.
 *
 * Strings are scanned eight bytes at a time: one 64-bit word is tested
 * for any byte that ends a plain run (a quote, a backslash, a control
 * byte, a byte >= 0x80) with the "has a zero byte" and "has a byte less
 * than n" word tests of Sean Eron Anderson's Bit Twiddling Hacks; only
 * a word that holds one is looked at byte by byte. This is the scalar
 * form of the idea in G. Langdale and D. Lemire, "Parsing Gigabytes of
 * JSON per Second" (VLDB Journal 28, 2019): find the bytes that matter
 * in blocks, not one byte at a time. Grammar: RFC 8259; UTF-8: RFC 3629
 * section 4 (the byte ranges of well-formed sequences).
 */
#include <stdint.h>
#include <string.h>

#include "read/jtok.h"
#include "util/utf8.h"
#include "util/jdoc.h"

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/*
 * The high bit of each byte of word x that is a quote, a backslash, a
 * byte < 0x20 or >= 0x80 (0: none). A borrow can flag a byte above a
 * true one, never below, so the lowest flag is exact.
 */
static inline uint64_t word_special(uint64_t x)
{
	uint64_t q = x ^ (ONES * '"'), b = x ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((b - ONES) & ~b) |
		((x - ONES * 0x20) & ~x) | x) & HIGHS;
}

/* Bytes of the loaded word before its first flagged one: memory order
 * is the word's low bytes first on a little-endian machine; elsewhere 0,
 * and the byte loop finds it. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline size_t first_flag(uint64_t m)
{
	return (size_t)__builtin_ctzll(m) >> 3;
}
#else
static inline size_t first_flag(uint64_t m)
{
	(void)m;
	return 0;
}
#endif

static bool is_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Four hex digits at p (end permitting): their value, or -1. */
static long hex4(const char *p, const char *end)
{
	long v = 0;
	int i;

	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		char c = p[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (c - 'A' + 10);
		else
			return -1;
	}
	return v;
}

/*
 * The escape at p (a backslash): the byte after it, NULL when it is not
 * valid. A high surrogate must be followed by a low one (RFC 8259
 * section 7 writes U+1D11E as "\uD834\uDD1E"); any other surrogate is
 * lone, which jdoc rejects.
 */
static const char *escape(const char *p, const char *end)
{
	long cp, lo;

	if (end - p < 2)
		return NULL;
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		return p + 2;
	case 'u':
		break;
	default:
		return NULL;
	}
	if ((cp = hex4(p + 2, end)) < 0)
		return NULL;
	p += 6;
	if (cp < 0xD800 || cp > 0xDFFF)
		return p;
	if (cp > 0xDBFF || end - p < 6 || p[0] != '\\' || p[1] != 'u')
		return NULL;
	lo = hex4(p + 2, end);
	if (lo < 0xDC00 || lo > 0xDFFF)
		return NULL;
	return p + 6;
}

const char *dv_jtok_string(const char *p, const char *end, bool *escaped)
{
	uint64_t x, m;
	size_t n;

	*escaped = false;
	for (;;) {
		while (end - p >= 8) {
			memcpy(&x, p, sizeof(x));
			if ((m = word_special(x))) {
				p += first_flag(m);
				break;
			}
			p += 8;
		}
		while (p < end && is_plain((unsigned char)*p))
			p++;
		if (p == end)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (*p == '\\') {
			if (!(p = escape(p, end)))
				return NULL;
			*escaped = true;
			continue;
		}
		if ((unsigned char)*p < 0x20)
			return NULL;
		n = dv_utf8_char_len(p, (size_t)(end - p));
		if (!n)
			return NULL;
		p += n;
	}
}

size_t dv_jtok_unescape(const char *s, size_t len, char *dst)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *end = s + len, *bs;
	char *d = dst;
	long cp;

	while (s < end) {
		bs = memchr(s, '\\', (size_t)(end - s));
		if (!bs)
			bs = end;
		memcpy(d, s, (size_t)(bs - s));
		d += bs - s;
		s = bs;
		if (s == end || end - s < 2)
			break;
		if (s[1] != 'u') {
			const char *k = memchr(from, s[1], sizeof(from) - 1);

			*d++ = k ? to[k - from] : s[1];
			s += 2;
			continue;
		}
		cp = hex4(s + 2, end);
		s += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF && hex4(s + 2, end) >= 0xDC00) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			     (hex4(s + 2, end) - 0xDC00);
			s += 6;
		}
		d += dv_utf8_encode(d, cp < 0 ? 0xFFFD : (unsigned long)cp);
	}
	return (size_t)(d - dst);
}

/* Digits from p: the byte after them, NULL when there is none. */
static const char *digits(const char *p, const char *end)
{
	if (p == end || !is_digit(*p))
		return NULL;
	while (p < end && is_digit(*p))
		p++;
	return p;
}

const char *dv_jtok_number(const char *p, const char *end)
{
	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0') {
		if (++p < end && is_digit(*p))
			return NULL;
	} else if (!(p = digits(p, end))) {
		return NULL;
	}
	if (p < end && *p == '.' && !(p = digits(p + 1, end)))
		return NULL;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		p = digits(p, end);
	}
	return p;
}

const char *dv_jtok_word(const char *p, const char *end, int *type)
{
	size_t n = (size_t)(end - p);

	if (n >= 4 && !memcmp(p, "true", 4)) {
		*type = DV_J_TRUE;
		return p + 4;
	}
	if (n >= 5 && !memcmp(p, "false", 5)) {
		*type = DV_J_FALSE;
		return p + 5;
	}
	if (n >= 4 && !memcmp(p, "null", 4)) {
		*type = DV_J_NULL;
		return p + 4;
	}
	return NULL;
}

/*
 * UTF-8 helpers (RFC 3629: no overlong forms, no surrogates, at most
 * U+10FFFF).
 */
#ifndef DV_UTIL_UTF8_H
#define DV_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the longest valid prefix: len when all of s is valid UTF-8,
 * else the offset of the first byte of the first invalid sequence. */
size_t dv_utf8_valid_prefix(const char *s, size_t len);

/* Whether s[0..len) is all ASCII (no byte >= 0x80). */
bool dv_ascii_only(const char *s, size_t len);

/* Number of code points in valid UTF-8 (bytes that are not 10xxxxxx). */
size_t dv_utf8_count(const char *s, size_t len);

/* Largest n <= max such that s[0..n) does not end inside a character. */
size_t dv_utf8_cut(const char *s, size_t len, size_t max);

/* Length (1 to 4) of the valid UTF-8 character at s[0..len), or 0 when
 * s does not start with one (len 0, or an invalid or cut sequence). */
size_t dv_utf8_char_len(const char *s, size_t len);

/* Code point cp (at most U+10FFFF) as UTF-8 into out[0..4): its length
 * (1 to 4). */
size_t dv_utf8_encode(char out[4], unsigned long cp);

#endif

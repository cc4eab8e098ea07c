/*
 * Hashing for in-memory tables (key sets, name indexes): the SplitMix64
 * finaliser (Steele, Lea, Flood 2014, "Fast splittable pseudorandom
 * number generators") as a 64-bit mixer, and a byte-string hash that
 * mixes the string 8 bytes at a time. Inline: the key sets hash every
 * unique value of every record. Not stable across versions: never store
 * these hashes (src/stats/hash64.h is the stable XXH64 for that).
 */
#ifndef DV_UTIL_HASH_H
#define DV_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t dv_hash_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static inline uint64_t dv_hash_bytes(const void *s, size_t len)
{
	const unsigned char *p = s;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	while (len >= 8) {
		memcpy(&w, p, 8);
		h = dv_hash_mix64(h ^ w);
		p += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, p, len);
	return dv_hash_mix64(h ^ w ^ ((uint64_t)len << 56));
}

#endif

/*
 * dv_hash64: XXH64 (Yann Collet's xxHash, 64-bit variant) of a byte
 * string, implemented here from the published algorithm description
 * (xxHash's doc/xxhash_spec.md). Fast, well mixed in every bit, stable
 * across platforms (input read little-endian): HyperLogLog and the heavy
 * hitters key on it, and the serialized sketches use it as checksum.
 * Not a cryptographic hash: an adversary can make collisions.
 *
 * Keys under 32 bytes (integers, instants, codes, short strings: most of
 * what a profile hashes, once a value) take the spec's short path, here
 * inline: the call, the stripe loop and the length dispatch of the out-of-
 * line function cost about as much as the hashing itself. Both paths give
 * the same digest (tests/unit/test_hll.c checks every length 0..71).
 */
#ifndef DV_STATS_HASH64_H
#define DV_STATS_HASH64_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DV_XXH_P1 0x9E3779B185EBCA87ULL
#define DV_XXH_P2 0xC2B2AE3D27D4EB4FULL
#define DV_XXH_P3 0x165667B19E3779F9ULL
#define DV_XXH_P4 0x85EBCA77C2B2AE63ULL
#define DV_XXH_P5 0x27D4EB2F165667C5ULL

/* XXH64 of p[0..len) with `seed`. p may be NULL when len is 0. */
uint64_t dv_hash64_long(const void *p, size_t len, uint64_t seed);

static inline uint64_t dv_xxh_rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian loads: one unaligned load on a little-endian machine
 * (the compiler does not always see that in the byte-wise form). */
static inline uint64_t dv_xxh_le64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
#else
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
#endif
}

static inline uint64_t dv_xxh_le32(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
#else
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24;
#endif
}

/*
 * The spec's tail (8-, 4- and 1-byte steps) and avalanche of p[0..len),
 * len < 32, onto acc (which already holds the length).
 */
static inline uint64_t dv_xxh_finish(uint64_t acc, const unsigned char *p,
				     size_t len)
{
	const unsigned char *end = p + len;

	while (end - p >= 8) {
		uint64_t k = dv_xxh_le64(p) * DV_XXH_P2;

		acc ^= dv_xxh_rotl(k, 31) * DV_XXH_P1;
		acc = dv_xxh_rotl(acc, 27) * DV_XXH_P1 + DV_XXH_P4;
		p += 8;
	}
	if (end - p >= 4) {
		acc ^= dv_xxh_le32(p) * DV_XXH_P1;
		acc = dv_xxh_rotl(acc, 23) * DV_XXH_P2 + DV_XXH_P3;
		p += 4;
	}
	while (p < end) {
		acc ^= (uint64_t)*p * DV_XXH_P5;
		acc = dv_xxh_rotl(acc, 11) * DV_XXH_P1;
		p++;
	}
	acc ^= acc >> 33;
	acc *= DV_XXH_P2;
	acc ^= acc >> 29;
	acc *= DV_XXH_P3;
	acc ^= acc >> 32;
	return acc;
}

static inline uint64_t dv_hash64(const void *p, size_t len, uint64_t seed)
{
	if (len >= 32)
		return dv_hash64_long(p, len, seed);
	return dv_xxh_finish(seed + DV_XXH_P5 + (uint64_t)len, p, len);
}

#endif

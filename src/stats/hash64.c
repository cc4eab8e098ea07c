/*
 * XXH64, written from the algorithm in xxHash's doc/xxhash_spec.md
 * (stripes of 32 bytes over four lanes, then 8-, 4- and 1-byte tails and
 * an avalanche). Checked against the reference digests in
 * tests/unit/test_hll.c.
 */

#include <string.h>

#include "stats/hash64.h"

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian loads: one unaligned load on a little-endian machine
 * (the compiler does not always see that in the byte-wise form). */
static inline uint64_t le64(const unsigned char *p)
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

static inline uint64_t le32(const unsigned char *p)
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

static uint64_t round1(uint64_t acc, uint64_t lane)
{
	acc += lane * P2;
	acc = rotl(acc, 31);
	return acc * P1;
}

static uint64_t merge_lane(uint64_t acc, uint64_t lane)
{
	acc ^= round1(0, lane);
	return acc * P1 + P4;
}

uint64_t dv_hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	const unsigned char *end = p + len;
	uint64_t acc;

	if (len >= 32) {
		uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;

		do {
			v1 = round1(v1, le64(p));
			v2 = round1(v2, le64(p + 8));
			v3 = round1(v3, le64(p + 16));
			v4 = round1(v4, le64(p + 24));
			p += 32;
		} while (end - p >= 32);
		acc = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
		acc = merge_lane(acc, v1);
		acc = merge_lane(acc, v2);
		acc = merge_lane(acc, v3);
		acc = merge_lane(acc, v4);
	} else {
		acc = seed + P5;
	}
	acc += (uint64_t)len;
	while (end - p >= 8) {
		acc ^= round1(0, le64(p));
		acc = rotl(acc, 27) * P1 + P4;
		p += 8;
	}
	if (end - p >= 4) {
		acc ^= le32(p) * P1;
		acc = rotl(acc, 23) * P2 + P3;
		p += 4;
	}
	while (p < end) {
		acc ^= (uint64_t)*p * P5;
		acc = rotl(acc, 11) * P1;
		p++;
	}
	acc ^= acc >> 33;
	acc *= P2;
	acc ^= acc >> 29;
	acc *= P3;
	acc ^= acc >> 32;
	return acc;
}

/*
 * XXH64, written from the algorithm in xxHash's doc/xxhash_spec.md
 * (stripes of 32 bytes over four lanes, then 8-, 4- and 1-byte tails and
 * an avalanche); keys under 32 bytes never come here (hash64.h). Checked
 * against the reference digests in tests/unit/test_hll.c.
 */

#include "stats/hash64.h"

static uint64_t round1(uint64_t acc, uint64_t lane)
{
	acc += lane * DV_XXH_P2;
	acc = dv_xxh_rotl(acc, 31);
	return acc * DV_XXH_P1;
}

static uint64_t merge_lane(uint64_t acc, uint64_t lane)
{
	acc ^= round1(0, lane);
	return acc * DV_XXH_P1 + DV_XXH_P4;
}

uint64_t dv_hash64_long(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	const unsigned char *end = p + len;
	uint64_t acc;

	if (len < 32)
		return dv_hash64(data, len, seed);
	{
		uint64_t v1 = seed + DV_XXH_P1 + DV_XXH_P2, v2 = seed + DV_XXH_P2;
		uint64_t v3 = seed, v4 = seed - DV_XXH_P1;

		do {
			v1 = round1(v1, dv_xxh_le64(p));
			v2 = round1(v2, dv_xxh_le64(p + 8));
			v3 = round1(v3, dv_xxh_le64(p + 16));
			v4 = round1(v4, dv_xxh_le64(p + 24));
			p += 32;
		} while (end - p >= 32);
		acc = dv_xxh_rotl(v1, 1) + dv_xxh_rotl(v2, 7) +
		      dv_xxh_rotl(v3, 12) + dv_xxh_rotl(v4, 18);
		acc = merge_lane(acc, v1);
		acc = merge_lane(acc, v2);
		acc = merge_lane(acc, v3);
		acc = merge_lane(acc, v4);
	}
	return dv_xxh_finish(acc + (uint64_t)len, p, (size_t)(end - p));
}

/*
 * dv_hash64: XXH64 (Yann Collet's xxHash, 64-bit variant) of a byte
 * string, implemented here from the published algorithm description
 * (xxHash's doc/xxhash_spec.md). Fast, well mixed in every bit, stable
 * across platforms (input read little-endian): HyperLogLog and the heavy
 * hitters key on it, and the serialized sketches use it as checksum.
 * Not a cryptographic hash: an adversary can make collisions.
 */
#ifndef DV_STATS_HASH64_H
#define DV_STATS_HASH64_H

#include <stddef.h>
#include <stdint.h>

/* XXH64 of p[0..len) with `seed`. p may be NULL when len is 0. */
uint64_t dv_hash64(const void *p, size_t len, uint64_t seed);

#endif

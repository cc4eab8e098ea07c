/*
 * dv_xsum: the exact sum of a stream of finite doubles and int64s in a
 * fixed-point "long accumulator" (U. Kulisch, "Computer Arithmetic and
 * Validity", 2nd ed. 2013; R. M. Neal 2015, "Fast exact summation using
 * small and large superaccumulators", arXiv:1505.05571): a two's
 * complement integer of DV_XSUM_WORDS 64-bit words whose bit 0 weighs
 * 2^-1074, the least subnormal double. Every finite double is an integer
 * multiple of that weight below 2^1024, so it adds in exactly; 2,098 bits
 * hold any one value and the 78 above leave room for 2^64 additions of
 * the largest. The sum does not depend on the order of the additions, so
 * the sums of shards merge, by integer addition, into exactly the sum one
 * pass over all values gives: `dcval merge` prints the same dataset mean
 * as one `dcval validate`, bit for bit.
 *
 * Plain struct in caller storage, no allocation.
 */
#ifndef DV_STATS_XSUM_H
#define DV_STATS_XSUM_H

#include <stdint.h>

#define DV_XSUM_WORDS 34

typedef struct dv_xsum {
	uint64_t w[DV_XSUM_WORDS]; /* little-endian words, two's complement */
} dv_xsum;

void dv_xsum_init(dv_xsum *s);

/* Add a finite double (an infinity or NaN is ignored). */
void dv_xsum_add(dv_xsum *s, double x);

/* Add an integer exactly (no rounding to a double first). */
void dv_xsum_add_i64(dv_xsum *s, int64_t v);

/* dst += src. */
void dv_xsum_merge(dv_xsum *dst, const dv_xsum *src);

/* The sum rounded to the nearest double (ties to even), or +-inf past
 * the double range. */
double dv_xsum_value(const dv_xsum *s);

/* The mean of n > 0 values whose sum s is: the exact sum divided by n,
 * rounded once to the nearest double (ties to even). Equal sums give
 * equal means; the mean of finite values is finite. */
double dv_xsum_mean(const dv_xsum *s, uint64_t n);

#endif

/*
 * Fuzz target: the record-boundary scan of parallel validation
 * (src/read/cut.c) against the byte-wise oracle of tests/unit/
 * cut_oracle.h, for every kind of scan this CPU runs (the per-hit state
 * machine, and the 64-byte parity scan with SSE2 or vector-extension,
 * AVX2 and AVX-512BW masks).
 *
 * Input: byte 0 picks the delimiter (bits 0-1: ',', '\t', ';', '|') and
 * turns quoting off (bit 2); bytes 0-1 seed the piece lengths; the rest
 * is the csv. The scan is fed in pieces (a few bytes, about a block, a
 * few blocks, all that is left), one call in eight with first_row (whose
 * bytes after a cut come again, as read/par.c gives them). Invariant:
 * after every call the same cut, the same line count before it and the
 * same state (field state, '\r' before, line has bytes, row ended, lines)
 * as the oracle.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../unit/cut_oracle.h"
#include "read/cut.h"

#include "fuzz_assert.h"

/* A number below bound (a linear congruential generator). */
static unsigned next(unsigned *seed, unsigned bound)
{
	*seed = *seed * 1664525u + 1013904223u;
	return (*seed >> 8) % bound;
}

static size_t piece_len(unsigned *seed, size_t left)
{
	static const unsigned span[4] = { 3, 70, 260, 0 };
	unsigned k = next(seed, 4);
	size_t len = span[k] ? 1 + next(seed, span[k]) : left;

	return len < left ? len : left;
}

static void run(const char *p, size_t n, char delim, bool quoting, int simd,
		unsigned seed)
{
	struct cut_oracle o;
	dv_cut c;
	size_t pos = 0, k, want, got;
	uint64_t lw, lg;
	bool first;

	dv_cut_init(&c, true, delim, '"', quoting);
	c.simd = simd;
	cut_oracle_init(&o, delim, '"', quoting);
	while (pos < n) {
		k = piece_len(&seed, n - pos);
		first = next(&seed, 8) == 0;
		lw = lg = 7777;
		want = cut_oracle_scan(&o, p + pos, k, first, &lw);
		got = dv_cut_scan(&c, p + pos, k, first, &lg);
		FUZZ_ASSERT(got == want);
		FUZZ_ASSERT(lg == lw);
		FUZZ_ASSERT(cut_oracle_same(&o, &c));
		pos += first && got ? got : k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[4] = { ',', '\t', ';', '|' };
	int simd;

	if (size < 2)
		return 0;
	for (simd = DV_CUT_SIMD_NONE; simd <= DV_CUT_SIMD_AVX512; simd++)
		if (dv_cut_simd_supported(simd))
			run((const char *)data + 2, size - 2, delims[data[0] & 3],
			    !(data[0] & 4), simd, (unsigned)data[0] << 8 | data[1]);
	return 0;
}

/*
 * The bit masks of the record-boundary scan (cut.c, its only includer):
 * a 64-byte block's quotes, line ends and delimiters, one bit per byte,
 * built sixteen bytes at a time (SSE2 on x86-64, GCC's vector extension
 * elsewhere) or 32 and 64 at a time (AVX2, AVX-512BW, compiled with
 * target attributes and chosen at run time by cut.c), with the prefix
 * XOR (carry-less multiply on x86-64) and the counts of '\n' in byte
 * lanes that the fast scan takes from them. Static inline functions:
 * kept apart from the scans so that each file reads on its own.
 */
#ifndef DV_READ_CUT_MASKS_H
#define DV_READ_CUT_MASKS_H

#include <stdint.h>
#include <string.h>

#include "read/cut.h"

/* SSE2 and x86-64 code; -DDV_CUT_PORTABLE leaves them out, to test the
 * portable code on x86-64 too. */
#if defined(__SSE2__) && !defined(DV_CUT_PORTABLE)
#define CUT_SSE2 1
#include <emmintrin.h>
#else
#define CUT_SSE2 0
#endif
#if defined(__x86_64__) && !defined(DV_CUT_PORTABLE)
#define CUT_X86 1
#include <immintrin.h>
#else
#define CUT_X86 0
#endif

/* A block's bytes of each kind: bit j for its byte j. */
typedef struct dv_cutmasks {
	uint64_t q;   /* the quote */
	uint64_t nl;  /* '\n' (AVX2: 0, counted in lanes instead) */
	uint64_t cr;  /* '\r' (counting '\n' in lanes: maybe only nonzero
			 when there is one) */
	uint64_t sep; /* the delimiter or '\n': a field starts after it (and
			 after a lone '\r', rare: a quote there takes the
			 exact scan) */
} dv_cutmasks;

/*
 * '\n' counted in byte lanes by the fast scan: a block's comparisons
 * subtracted (a match is all ones) instead of its mask's population
 * count, the lanes summed before one can reach 256. Vector extension
 * types, so that the shared body below can hold them.
 */
typedef uint8_t dv_cut_u8x16 __attribute__((vector_size(16)));
typedef uint8_t dv_cut_u8x32 __attribute__((vector_size(32)));
typedef struct dv_cutlanes {
	dv_cut_u8x32 w; /* AVX2: a block's two comparisons */
	dv_cut_u8x16 n; /* SSE2 or the vector extension: its four */
} dv_cutlanes;
#define CUT_LANE_BLOCKS 63

/* ---- sixteen bytes at a time: SSE2, or GCC's vector extension ---- */

#if CUT_SSE2
/* The lanes of v equal to each of c's bytes, as 16-bit masks: SSE2 (every
 * x86-64) compares and takes the mask in one instruction each; with nls
 * the '\n' are counted there instead. */
static inline void cmp16(const dv_cut *c, const char *q, uint32_t out[4],
			 dv_cut_u8x16 *nls)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i mq = _mm_cmpeq_epi8(v, (__m128i)c->v_quote);
	__m128i mn = _mm_cmpeq_epi8(v, (__m128i)c->v_nl);
	__m128i mr = _mm_cmpeq_epi8(v, (__m128i)c->v_cr);
	__m128i md = _mm_cmpeq_epi8(v, (__m128i)c->v_delim);

	out[0] = (uint32_t)_mm_movemask_epi8(mq);
	if (nls)
		*nls -= (dv_cut_u8x16)mn;
	out[1] = nls ? 0 : (uint32_t)_mm_movemask_epi8(mn);
	out[2] = (uint32_t)_mm_movemask_epi8(mr);
	out[3] = (uint32_t)_mm_movemask_epi8(_mm_or_si128(md, mn));
}

/* The bytes that can move the exact scan (cut.c's hits64()). */
static inline uint64_t hits16(const dv_cut *c, const char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, (__m128i)c->v_quote),
					      _mm_cmpeq_epi8(v, (__m128i)c->v_nl)),
				 _mm_cmpeq_epi8(v, (__m128i)c->v_cr));

	return (uint64_t)(uint32_t)_mm_movemask_epi8(m);
}
#else
/* An 8-byte half of a comparison (0xff per hit) as 8 bits, bit j for its
 * byte j: the top bit of each byte gathered into the top byte by one
 * multiplication. */
static inline uint32_t gather8(uint64_t h)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	h = __builtin_bswap64(h);
#endif
	return (uint32_t)(((h & 0x8080808080808080ull) * 0x0002040810204081ull) >> 56);
}

static inline uint32_t gather16(dv_cut_v16 m)
{
	uint64_t h[2];

	memcpy(h, &m, sizeof(h));
	return gather8(h[0]) | gather8(h[1]) << 8;
}

/* Nonzero when a lane of m is. */
static inline uint32_t any16(dv_cut_v16 m)
{
	uint64_t h[2];

	memcpy(h, &m, sizeof(h));
	return (h[0] | h[1]) != 0;
}

/* The same with GCC's vector extension: compares, then gather8(); with
 * nls, for '\r' only whether there is one (nonzero). */
static inline void cmp16(const dv_cut *c, const char *q, uint32_t out[4],
			 dv_cut_u8x16 *nls)
{
	dv_cut_v16 v, mn, mr;

	memcpy(&v, q, sizeof(v));
	mn = v == c->v_nl;
	mr = v == c->v_cr;
	out[0] = gather16(v == c->v_quote);
	if (nls)
		*nls -= (dv_cut_u8x16)mn;
	out[1] = nls ? 0 : gather16(mn);
	out[2] = nls ? any16(mr) : gather16(mr);
	out[3] = gather16((v == c->v_delim) | mn);
}

static inline uint64_t hits16(const dv_cut *c, const char *q)
{
	dv_cut_v16 v;

	memcpy(&v, q, sizeof(v));
	return gather16((v == c->v_quote) | (v == c->v_nl) | (v == c->v_cr));
}
#endif

/* The masks of the 64 bytes at p from four sixteen-byte comparisons;
 * with nls, for '\n' only their count, into its lanes, and for '\r' only
 * whether there is one (masks_base(c, p, NULL) finds them). */
static inline dv_cutmasks masks_base(const dv_cut *c, const char *p,
				     dv_cut_u8x16 *nls)
{
	dv_cutmasks m = { 0, 0, 0, 0 };
	uint32_t o[4];
	int i;

#pragma GCC unroll 4
	for (i = 0; i < 4; i++) {
		cmp16(c, p + 16 * i, o, nls);
		m.q |= (uint64_t)o[0] << 16 * i;
		m.nl |= (uint64_t)o[1] << 16 * i;
		m.cr |= (uint64_t)o[2] << 16 * i;
		m.sep |= (uint64_t)o[3] << 16 * i;
	}
	return m;
}

/* Each bit of the result: the parity of x's bits at and below it
 * (a prefix XOR), by six shifts. */
static inline uint64_t pxor_base(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

/* The sum of the lanes (four subtractions a block: at most 252 each). */
static inline uint64_t nl_sum_base(const dv_cut_u8x16 *nls)
{
	uint64_t s = 0;
	int i;

	for (i = 0; i < 16; i++)
		s += (*nls)[i];
	return s;
}

/* Bits set in x, without the POPCNT instruction (Hacker's Delight 5-1). */
static inline uint64_t popcount_base(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ull;
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (x * 0x0101010101010101ull) >> 56;
}

/* ---- x86-64: AVX2 and AVX-512BW masks, carry-less multiply ---- */

#if CUT_X86
#define CUT_TARGET_AVX2 __attribute__((target("avx2,pclmul,popcnt,bmi")))
#define CUT_TARGET_AVX512 \
	__attribute__((target("avx512f,avx512bw,avx2,pclmul,popcnt,bmi")))

static inline CUT_TARGET_AVX2 uint64_t mask32x2(__m256i lo, __m256i hi)
{
	return (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) |
	       (uint64_t)(uint32_t)_mm256_movemask_epi8(hi) << 32;
}

/* The masks of the 64 bytes at p from two 32-byte comparisons, but for
 * '\r' only whether there is one (cr_avx2() finds them), and for '\n'
 * only their count, into the lanes of *nls (nl_avx2() finds them). */
static inline CUT_TARGET_AVX2 dv_cutmasks masks_avx2(const dv_cut *c,
						    const char *p,
						    dv_cut_u8x32 *nls)
{
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
	__m256i vq = _mm256_set1_epi8(c->quote), vd = _mm256_set1_epi8(c->delim);
	__m256i vn = _mm256_set1_epi8('\n'), vr = _mm256_set1_epi8('\r');
	__m256i nlo = _mm256_cmpeq_epi8(lo, vn), nhi = _mm256_cmpeq_epi8(hi, vn);
	__m256i rlo = _mm256_cmpeq_epi8(lo, vr), rhi = _mm256_cmpeq_epi8(hi, vr);
	dv_cutmasks m;

	m.q = mask32x2(_mm256_cmpeq_epi8(lo, vq), _mm256_cmpeq_epi8(hi, vq));
	*nls -= (dv_cut_u8x32)nlo;
	*nls -= (dv_cut_u8x32)nhi;
	m.nl = 0;
	m.cr = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(rlo, rhi));
	m.sep = mask32x2(_mm256_or_si256(_mm256_cmpeq_epi8(lo, vd), nlo),
			 _mm256_or_si256(_mm256_cmpeq_epi8(hi, vd), nhi));
	return m;
}

/* The bytes b among the 64 at p. */
static inline CUT_TARGET_AVX2 uint64_t byte_avx2(const char *p, char b)
{
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
	__m256i v = _mm256_set1_epi8(b);

	return mask32x2(_mm256_cmpeq_epi8(lo, v), _mm256_cmpeq_epi8(hi, v));
}

static inline CUT_TARGET_AVX2 uint64_t cr_avx2(const char *p)
{
	return byte_avx2(p, '\r');
}

static inline CUT_TARGET_AVX2 uint64_t nl_avx2(const char *p)
{
	return byte_avx2(p, '\n');
}

/* The sum of the lanes (sums of absolute differences from zero). */
static inline CUT_TARGET_AVX2 uint64_t nl_sum_avx2(const dv_cut_u8x32 *nls)
{
	__m256i s = _mm256_sad_epu8((__m256i)*nls, _mm256_setzero_si256());
	__m128i t = _mm_add_epi64(_mm256_castsi256_si128(s),
				  _mm256_extracti128_si256(s, 1));

	return (uint64_t)_mm_cvtsi128_si64(t) + (uint64_t)_mm_extract_epi64(t, 1);
}

/* The masks of the 64 bytes at p from one 64-byte comparison per kind. */
static inline CUT_TARGET_AVX512 dv_cutmasks masks_avx512(const dv_cut *c,
							const char *p)
{
	__m512i v = _mm512_loadu_si512((const void *)p);
	dv_cutmasks m;

	m.q = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c->quote));
	m.nl = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
	m.cr = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\r'));
	m.sep = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c->delim)) | m.nl;
	return m;
}

/* The prefix XOR as one carry-less multiplication by all ones (simdjson,
 * as above). */
static inline CUT_TARGET_AVX2 uint64_t pxor_clmul(uint64_t x)
{
	__m128i v = _mm_set_epi64x(0, (long long)x);
	__m128i ones = _mm_set1_epi8(-1);

	return (uint64_t)_mm_cvtsi128_si64(_mm_clmulepi64_si128(v, ones, 0));
}

static inline CUT_TARGET_AVX2 uint64_t popcount_x86(uint64_t x)
{
	return (uint64_t)_mm_popcnt_u64(x);
}

static bool cpu_has(int simd)
{
	__builtin_cpu_init();
	if (simd == DV_CUT_SIMD_AVX512 && !__builtin_cpu_supports("avx512bw"))
		return false;
	return __builtin_cpu_supports("avx2") &&
	       __builtin_cpu_supports("pclmul") &&
	       __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("bmi");
}
#else
/* Elsewhere the x86 kinds are never chosen; these keep them compiling. */
#define CUT_TARGET_AVX2
#define CUT_TARGET_AVX512

static inline dv_cutmasks masks_avx2(const dv_cut *c, const char *p,
				     dv_cut_u8x32 *nls)
{
	(void)nls;
	return masks_base(c, p, NULL);
}

static inline dv_cutmasks masks_avx512(const dv_cut *c, const char *p)
{
	return masks_base(c, p, NULL);
}

static inline uint64_t cr_avx2(const char *p)
{
	(void)p;
	return 0;
}

static inline uint64_t nl_avx2(const char *p)
{
	(void)p;
	return 0;
}

static inline uint64_t nl_sum_avx2(const dv_cut_u8x32 *nls)
{
	(void)nls;
	return 0;
}

static inline uint64_t pxor_clmul(uint64_t x)
{
	return pxor_base(x);
}

static inline uint64_t popcount_x86(uint64_t x)
{
	return popcount_base(x);
}

static bool cpu_has(int simd)
{
	(void)simd;
	return false;
}
#endif

#endif

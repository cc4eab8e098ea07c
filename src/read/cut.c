/*
 * Record boundaries; see cut.h. The csv states mirror csvrow.c's scan():
 * a quote opens a quoted field only at a field's start; in a quoted field
 * only a quote matters; after the closing quote a quote is a doubled
 * quote, the delimiter starts a field, a line end ends the row, anything
 * else continues the field unquoted.
 */
#include <stdint.h>
#include <string.h>

#include "read/cut.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { CUT_FIELD_START = 0, CUT_UNQUOTED, CUT_QUOTED, CUT_QUOTE_SEEN };

void dv_cut_init(dv_cut *c, bool csv, char delim, char quote, bool quoting)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->csv = csv;
	c->delim = delim;
	c->quote = quote;
	c->quoting = quoting;
	for (i = 0; i < 16; i++) {
		/* with quoting off, the quote lane looks for '\n' again */
		c->v_quote[i] = quoting ? quote : '\n';
		c->v_nl[i] = '\n';
		c->v_cr[i] = '\r';
	}
}

/*
 * The bytes that can move the scan: a quote, '\n' and '\r'. Every other
 * byte only decides, when it is the last one before such a byte, whether
 * a field starts there (after the delimiter) or goes on unquoted. The
 * scan finds them 64 bytes at a time: a mask of the block's hits, one bit
 * per byte, handed out in order (count trailing zeros, clear the lowest
 * bit). A csv line of the usual length then costs three blocks and its
 * few hits, not a memchr per byte kind and hit. The technique is that of
 * simdjson's stage 1 (Langdale and Lemire, "Parsing Gigabytes of JSON per
 * Second", VLDB Journal 28, 2019), reduced to the bytes cut.h needs.
 */
typedef struct dv_cutblk {
	size_t at;   /* the current block's first byte */
	size_t next; /* the first block not searched yet */
	uint64_t m;  /* its hits not handed out: bit j for the byte at + j */
} dv_cutblk;

#if !defined(__SSE2__)
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
#endif

/* The hits among the sixteen bytes at q, bit j for q[j]: SSE2 (every
 * x86-64) compares and takes the mask in one instruction each; elsewhere
 * GCC's vector extension compares and gather8() takes the mask. */
static inline uint64_t mask16(const dv_cut *c, const char *q)
{
#if defined(__SSE2__)
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, (__m128i)c->v_quote),
					      _mm_cmpeq_epi8(v, (__m128i)c->v_nl)),
				 _mm_cmpeq_epi8(v, (__m128i)c->v_cr));

	return (uint64_t)(uint32_t)_mm_movemask_epi8(m);
#else
	dv_cut_v16 v, m;
	uint64_t h[2];

	memcpy(&v, q, sizeof(v));
	m = (v == c->v_quote) | (v == c->v_nl) | (v == c->v_cr);
	memcpy(h, &m, sizeof(h));
	return gather8(h[0]) | (uint64_t)gather8(h[1]) << 8;
#endif
}

static inline uint64_t mask64(const dv_cut *c, const char *q)
{
	return mask16(c, q) | mask16(c, q + 16) << 16 | mask16(c, q + 32) << 32 |
	       mask16(c, q + 48) << 48;
}

/* The next block with a hit from b->next on (the input's last bytes:
 * fewer than 64, copied first into zeros); false when there is none
 * before n. */
static inline bool next_block(const dv_cut *c, const char *p, size_t n,
			      dv_cutblk *b)
{
	size_t from = b->next, len;
	char last[64];

	for (; from < n && n - from >= 64; from += 64) {
		b->m = mask64(c, p + from);
		if (b->m) {
			b->at = from;
			b->next = from + 64;
			return true;
		}
	}
	b->next = n;
	if (from >= n)
		return false;
	len = n - from;
	memset(last, 0, sizeof(last));
	memcpy(last, p + from, len);
	b->m = mask64(c, last) & (((uint64_t)1 << len) - 1);
	b->at = from;
	return b->m != 0;
}

/* The next hit (n: none). */
static inline size_t next_special(const dv_cut *c, const char *p, size_t n,
				  dv_cutblk *b)
{
	size_t j;

	if (!b->m && !next_block(c, p, n, b))
		return n;
	j = (size_t)__builtin_ctzll(b->m);
	b->m &= b->m - 1;
	return b->at + j;
}

/* JSON Lines: every '\n' is a cut. */
static size_t scan_lines(dv_cut *c, const char *p, size_t n, uint64_t *lines)
{
	const char *q = p, *end = p + n, *nl;
	size_t cut = 0;

	while ((nl = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		c->lines++;
		q = nl + 1;
		cut = (size_t)(q - p);
	}
	if (cut)
		*lines = c->lines;
	return cut;
}

/* A csv line end byte b (outside quotes): count it; a '\n' is a cut. */
static bool line_end(dv_cut *c, char b)
{
	if (!(b == '\n' && c->prev_cr))
		c->lines++;
	if (c->line_bytes)
		c->row_ended = true;
	c->line_bytes = false;
	c->state = CUT_FIELD_START;
	return b == '\n';
}

/* One csv byte that is not a line end, outside or inside quotes. */
static void csv_byte(dv_cut *c, char b)
{
	bool q = c->quoting && b == c->quote;

	c->line_bytes = true;
	switch (c->state) {
	case CUT_FIELD_START:
		c->state = q ? CUT_QUOTED : b == c->delim ? CUT_FIELD_START
							  : CUT_UNQUOTED;
		break;
	case CUT_UNQUOTED:
		if (b == c->delim)
			c->state = CUT_FIELD_START;
		break;
	case CUT_QUOTED:
		if (q)
			c->state = CUT_QUOTE_SEEN;
		break;
	default: /* CUT_QUOTE_SEEN */
		c->state = q ? CUT_QUOTED : b == c->delim ? CUT_FIELD_START
							  : CUT_UNQUOTED;
		break;
	}
}

size_t dv_cut_scan(dv_cut *cs, const char *p, size_t n, bool first_row,
		   uint64_t *lines)
{
	dv_cutblk blk = { 0, 0, 0 };
	size_t i = 0, k, cut = 0;
	dv_cut local = *cs, *c = &local; /* a copy the input's bytes cannot
					    alias: its fields stay in registers */
	char b;

	if (!c->csv)
		return scan_lines(cs, p, n, lines);
	while (i < n) {
		k = next_special(c, p, n, &blk);
		if (k > i) {
			/* bytes that cannot move the state, only end a field
			 * (the delimiter) or go on in one */
			if (c->state != CUT_QUOTED)
				c->state = p[k - 1] == c->delim ? CUT_FIELD_START
								: CUT_UNQUOTED;
			c->line_bytes = true;
			c->prev_cr = false;
		}
		if (k == n)
			break;
		b = p[k];
		if ((b == '\n' || b == '\r') && c->state != CUT_QUOTED) {
			if (line_end(c, b) && (!first_row || c->row_ended)) {
				cut = k + 1;
				*lines = c->lines;
				c->row_ended = false;
				if (first_row) {
					c->prev_cr = false;
					break;
				}
			}
		} else {
			if (b == '\n' && !c->prev_cr)
				c->lines++;
			else if (b == '\r')
				c->lines++;
			csv_byte(c, b);
		}
		c->prev_cr = b == '\r';
		i = k + 1;
	}
	*cs = local;
	return cut;
}

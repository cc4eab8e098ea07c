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
 * scan finds them a block of sixteen bytes at a time: the block compared
 * at once (GCC's vector extension: SSE2 on x86-64, NEON on arm64), its
 * hits kept as one bit per byte and handed out in order (count trailing
 * zeros, clear the lowest bit), so a csv line of the usual length costs a
 * dozen blocks and a few hits, not a memchr per byte kind and hit.
 */
typedef struct dv_cutblk {
	size_t at;   /* the current block's first byte */
	size_t next; /* the first block not searched yet */
	uint64_t lo; /* the current block's hits not handed out: bit 8j */
	uint64_t hi; /* for the byte at + j, and at + 8 + j */
} dv_cutblk;

/* A comparison's 8-byte half (0xff per hit) as bit 8j per hit j. */
static inline uint64_t lane_bits(uint64_t h)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	h = __builtin_bswap64(h);
#endif
	return h & 0x0101010101010101ull;
}

/* The hits of the sixteen bytes at v into b. */
static inline bool hits(const dv_cut *c, dv_cut_v16 v, dv_cutblk *b)
{
	dv_cut_v16 m = (v == c->v_quote) | (v == c->v_nl) | (v == c->v_cr);
	uint64_t h[2];

	memcpy(h, &m, sizeof(h));
	b->lo = lane_bits(h[0]);
	b->hi = lane_bits(h[1]);
	return (h[0] | h[1]) != 0;
}

/* The next block with a hit from b->next on (the input's last bytes:
 * fewer than sixteen, copied first into zeros that are no hit); false
 * when there is none before n. */
static inline bool next_block(const dv_cut *c, const char *p, size_t n,
			      dv_cutblk *b)
{
	size_t from = b->next, len;
	dv_cut_v16 v;

	for (; n - from >= 16 && from < n; from += 16) {
		memcpy(&v, p + from, 16);
		if (hits(c, v, b)) {
			b->at = from;
			b->next = from + 16;
			return true;
		}
	}
	b->next = n;
	if (from >= n)
		return false;
	len = n - from;
	memset(&v, 0, sizeof(v));
	memcpy(&v, p + from, len);
	hits(c, v, b);
	b->at = from;
	if (len < 8) {
		b->lo &= ((uint64_t)1 << 8 * len) - 1;
		b->hi = 0;
	} else {
		b->hi &= ((uint64_t)1 << 8 * (len - 8)) - 1;
	}
	return b->lo || b->hi;
}

/* The next hit (n: none). */
static inline size_t next_special(const dv_cut *c, const char *p, size_t n,
				  dv_cutblk *b)
{
	size_t j;

	if (!b->lo && !b->hi && !next_block(c, p, n, b))
		return n;
	if (b->lo) {
		j = (size_t)__builtin_ctzll(b->lo) >> 3;
		b->lo &= b->lo - 1;
		return b->at + j;
	}
	j = (size_t)__builtin_ctzll(b->hi) >> 3;
	b->hi &= b->hi - 1;
	return b->at + 8 + j;
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

size_t dv_cut_scan(dv_cut *c, const char *p, size_t n, bool first_row,
		   uint64_t *lines)
{
	dv_cutblk blk = { 0, 0, 0, 0 };
	size_t i = 0, k, cut = 0;
	char b;

	if (!c->csv)
		return scan_lines(c, p, n, lines);
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
					return cut;
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
	return cut;
}

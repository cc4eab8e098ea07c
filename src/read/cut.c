/*
 * Record boundaries; see cut.h. The csv states mirror csvrow.c's scan():
 * a quote opens a quoted field only at a field's start; in a quoted field
 * only a quote matters; after the closing quote a quote is a doubled
 * quote, the delimiter starts a field, a line end ends the row, anything
 * else continues the field unquoted.
 *
 * Two scans give the same answers. The exact one (exact_range()) runs
 * that state machine on each byte that can move it. The fast one
 * (fast_range()) takes 64 bytes at a time as bit masks, one bit per byte,
 * and finds what is quoted by the parity of the quotes before each byte:
 * the technique of simdjson's stage 1 (Langdale and Lemire, "Parsing
 * Gigabytes of JSON per Second", VLDB Journal 28, 2019). Parity is the
 * state machine as long as every quote it calls opening stands at a
 * field's start; a block where one does not (a stray quote, literal in an
 * unquoted field) goes to the exact scan, and the fast one goes on from
 * the state that leaves.
 */
#include <stdint.h>
#include <string.h>

#include "read/cut.h"
#include "read/cut_masks.h"

bool dv_cut_simd_supported(int simd)
{
	if (simd == DV_CUT_SIMD_NONE || simd == DV_CUT_SIMD_BASE)
		return true;
	if (simd == DV_CUT_SIMD_AVX2 || simd == DV_CUT_SIMD_AVX512)
		return cpu_has(simd);
	return false;
}

/* The fastest scan for c's bytes on this CPU: the masks need the
 * delimiter and quote to differ from each other and from the line ends. */
static int pick_simd(const dv_cut *c)
{
	if (c->delim == '\n' || c->delim == '\r' ||
	    (c->quoting && (c->quote == '\n' || c->quote == '\r' ||
			    c->quote == c->delim)))
		return DV_CUT_SIMD_NONE;
	if (dv_cut_simd_supported(DV_CUT_SIMD_AVX512))
		return DV_CUT_SIMD_AVX512;
	if (dv_cut_simd_supported(DV_CUT_SIMD_AVX2))
		return DV_CUT_SIMD_AVX2;
	return DV_CUT_SIMD_BASE;
}

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
		c->v_delim[i] = delim;
	}
	c->simd = csv ? pick_simd(c) : DV_CUT_SIMD_NONE;
}

/* ---- the exact scan: the state machine on each byte that moves it ---- */

/*
 * The bytes that can move the state machine: a quote, '\n' and '\r'.
 * Every other byte only decides, when it is the last one before such a
 * byte, whether a field starts there (after the delimiter) or goes on
 * unquoted. They are handed out in order from a 64-byte block's mask
 * (count trailing zeros, clear the lowest bit).
 */
typedef struct dv_cutblk {
	size_t at;   /* the current block's first byte */
	size_t next; /* the first block not searched yet */
	uint64_t m;  /* its hits not handed out: bit j for the byte at + j */
} dv_cutblk;

static inline uint64_t hits64(const dv_cut *c, const char *q)
{
	return hits16(c, q) | hits16(c, q + 16) << 16 | hits16(c, q + 32) << 32 |
	       hits16(c, q + 48) << 48;
}

/* The next block with a hit from b->next on (the range's last bytes:
 * fewer than 64, copied first into zeros); false when there is none
 * before n. */
static inline bool next_block(const dv_cut *c, const char *p, size_t n,
			      dv_cutblk *b)
{
	size_t from = b->next, len;
	char last[64];

	for (; from < n && n - from >= 64; from += 64) {
		b->m = hits64(c, p + from);
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
	b->m = hits64(c, last) & (((uint64_t)1 << len) - 1);
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
	c->state = DV_CUT_FIELD_START;
	return b == '\n';
}

/* One csv byte that is not a line end, outside or inside quotes. */
static void csv_byte(dv_cut *c, char b)
{
	bool q = c->quoting && b == c->quote;

	c->line_bytes = true;
	switch (c->state) {
	case DV_CUT_FIELD_START:
		c->state = q ? DV_CUT_QUOTED : b == c->delim ? DV_CUT_FIELD_START
							  : DV_CUT_UNQUOTED;
		break;
	case DV_CUT_UNQUOTED:
		if (b == c->delim)
			c->state = DV_CUT_FIELD_START;
		break;
	case DV_CUT_QUOTED:
		if (q)
			c->state = DV_CUT_QUOTE_SEEN;
		break;
	default: /* DV_CUT_QUOTE_SEEN */
		c->state = q ? DV_CUT_QUOTED : b == c->delim ? DV_CUT_FIELD_START
							  : DV_CUT_UNQUOTED;
		break;
	}
}

/* One hit b (a quote, '\n' or '\r'): true when it is a cut. */
static bool exact_hit(dv_cut *c, char b, bool first_row)
{
	bool cut = false;

	if ((b == '\n' || b == '\r') && c->state != DV_CUT_QUOTED) {
		cut = line_end(c, b) && (!first_row || c->row_ended);
		if (cut)
			c->row_ended = false;
	} else {
		if (b == '\n' && !c->prev_cr)
			c->lines++;
		else if (b == '\r')
			c->lines++;
		csv_byte(c, b);
	}
	c->prev_cr = b == '\r';
	return cut;
}

/*
 * The exact scan of p[from..to) from cs's state: returns the position
 * after the last cut in it (after the first with first_row, and stops
 * there), 0 for none, and sets *lines to the line ends before it.
 */
static size_t exact_range(dv_cut *cs, const char *p, size_t from, size_t to,
			  bool first_row, uint64_t *lines)
{
	dv_cutblk blk = { from, from, 0 };
	size_t i = from, k, cut = 0;
	dv_cut local = *cs, *c = &local; /* a copy the input's bytes cannot
					    alias: its fields stay in registers */

	while (i < to) {
		k = next_special(c, p, to, &blk);
		if (k > i) {
			/* bytes that cannot move the state, only end a field
			 * (the delimiter) or go on in one */
			if (c->state != DV_CUT_QUOTED)
				c->state = p[k - 1] == c->delim ? DV_CUT_FIELD_START
								: DV_CUT_UNQUOTED;
			c->line_bytes = true;
			c->prev_cr = false;
		}
		if (k == to)
			break;
		if (exact_hit(c, p[k], first_row)) {
			cut = k + 1;
			*lines = c->lines;
			if (first_row)
				break;
		}
		i = k + 1;
	}
	*cs = local;
	return cut;
}

/* ---- the fast scan: 64 bytes at a time by parity ---- */

/* One body, compiled once per kind of mask below with `simd` a constant
 * (zstd's FORCE_INLINE_TEMPLATE). */
#define CUT_TEMPLATE static inline __attribute__((always_inline))

/* The fast scan's state between blocks (kept in registers), and the
 * last cut before its current stretch of fast blocks. */
typedef struct dv_cutrun {
	uint64_t inq;       /* all ones: the last byte is inside quotes */
	uint64_t fs;        /* 1: a quote next that parity calls opening
			       stands at a field's start (0 after a lone
			       '\r' too: the exact scan decides) */
	uint64_t lines;     /* line ends so far, less one when the next
			       byte is a '\n' right after a '\r' (crlf_at()) */
	size_t seg;         /* where the fast blocks since the last exact one
			       start */
	size_t cut;         /* the last cut before seg (0: none) */
	uint64_t cut_lines; /* the line ends before it */
	bool saw_cr;        /* a '\r' was among the bytes */
} dv_cutrun;

/* Whether the masks of `simd` count '\n' in lanes (AVX-512BW: its mask
 * is one instruction away). */
#define CUT_LANES(simd) ((simd) != DV_CUT_SIMD_AVX512)

/* A block's masks, '\n' counted into *l instead when CUT_LANES. */
CUT_TEMPLATE dv_cutmasks masks_of(const dv_cut *c, const char *p,
				  dv_cutlanes *l, int simd)
{
	if (simd == DV_CUT_SIMD_AVX512)
		return masks_avx512(c, p);
	if (simd == DV_CUT_SIMD_AVX2)
		return masks_avx2(c, p, &l->w);
	return masks_base(c, p, &l->n);
}

/* The '\n' counted in l's lanes. */
CUT_TEMPLATE uint64_t nl_sum(const dv_cutlanes *l, int simd)
{
	if (simd == DV_CUT_SIMD_AVX512)
		return 0;
	return simd == DV_CUT_SIMD_AVX2 ? nl_sum_avx2(&l->w) : nl_sum_base(&l->n);
}

/* The '\r' and '\n' of the block at p (the input's bytes), when its
 * masks (`lanes`: counted '\n', told whether there is a '\r') lack them:
 * looked for again. */
CUT_TEMPLATE uint64_t cr_of(const dv_cut *c, const dv_cutmasks *m,
			    const char *p, int simd, bool lanes)
{
	if (!lanes)
		return m->cr;
	return simd == DV_CUT_SIMD_AVX2 ? cr_avx2(p) : masks_base(c, p, NULL).cr;
}

CUT_TEMPLATE uint64_t nl_of(const dv_cut *c, const dv_cutmasks *m,
			    const char *p, int simd, bool lanes)
{
	if (!lanes)
		return m->nl;
	return simd == DV_CUT_SIMD_AVX2 ? nl_avx2(p) : masks_base(c, p, NULL).nl;
}

CUT_TEMPLATE uint64_t pxor(uint64_t x, int simd)
{
	return simd >= DV_CUT_SIMD_AVX2 ? pxor_clmul(x) : pxor_base(x);
}

CUT_TEMPLATE uint64_t popcount(uint64_t x, int simd)
{
	return simd >= DV_CUT_SIMD_AVX2 ? popcount_x86(x) : popcount_base(x);
}

/* The line ends among a block's '\n' (nl) and '\r' (cr), prev_cr telling
 * whether the byte before it is '\r': every '\r', every other '\n'. */
static inline uint64_t line_ends(uint64_t nl, uint64_t cr, uint64_t prev_cr)
{
	return cr | (nl & ~((cr << 1) | prev_cr));
}

/*
 * Whether p[at], of n bytes, is a '\n' right after a '\r' (before p:
 * entry->prev_cr). The fast scan counts every '\n' of a block as a line
 * end, and such a one at a block's start ahead of time as one fewer, so
 * that the loop need not carry the last byte's '\r' from block to block.
 */
static uint64_t crlf_at(const dv_cut *entry, const char *p, size_t at,
			size_t n)
{
	return at < n && p[at] == '\n' &&
	       (at ? p[at - 1] == '\r' : entry->prev_cr);
}

/*
 * One block by parity: its bytes at b, the input's (which end at end),
 * its last byte at bit `top`, its masks m (`lanes`: with '\n' counted in
 * lanes); false (and r as it was) when a quote parity calls opening is
 * not at a field's start.
 *
 * inq: the bytes inside quotes, each quote included when it opens (a
 * quote toggles; a closing quote and a doubled quote's second half
 * alike). A quote opens a field right after the delimiter, a '\n' or a
 * quote (the byte before an opening quote is out of quotes: a quote
 * there closed a field), and at the block's first byte when r->fs says
 * so (after a lone '\r' too, but the masks leave that to the exact
 * scan); an opening quote anywhere else is a stray, literal in an
 * unquoted field, which parity would count. Without a '\r' in the
 * block (the common case) the line ends are its '\n' (counted here, or
 * in lanes); with one, the '\n' right after one are taken off again (at
 * the block's start: before, by crlf_at()). Cuts are not looked for
 * here: the last one is found at the end, backwards (last_cut()).
 */
CUT_TEMPLATE bool fast_block(dv_cutrun *r, const dv_cut *c,
			     const dv_cutmasks *m, const char *b,
			     const char *end, unsigned top, int simd, bool lanes)
{
	uint64_t inq = pxor(m->q, simd) ^ r->inq;
	uint64_t x = m->sep | m->q;
	uint64_t nl, cr;

	if (m->q & inq & ~((x << 1) | r->fs))
		return false;
	if (__builtin_expect(m->cr != 0, 0)) {
		nl = nl_of(c, m, b, simd, lanes);
		cr = cr_of(c, m, b, simd, lanes);
		r->lines += popcount(line_ends(nl, cr, 0), simd) -
			    popcount(nl, simd);
		r->lines -= (cr >> top & 1) && b + top + 1 < end &&
			    b[top + 1] == '\n';
		r->saw_cr = true;
	}
	if (!lanes)
		r->lines += popcount(m->nl, simd);
	r->inq = 0 - (inq >> top & 1);
	r->fs = x >> top & 1;
	return true;
}

/* The masks of p[at..at + len), len at most 64, copied into zeros and
 * cut to them. */
static dv_cutmasks masks_at(const dv_cut *c, const char *p, size_t at,
			    size_t len)
{
	uint64_t valid = len < 64 ? ((uint64_t)1 << len) - 1 : ~(uint64_t)0;
	dv_cutmasks m;
	char blk[64];

	memset(blk, 0, sizeof(blk));
	memcpy(blk, p + at, len);
	m = masks_base(c, blk, NULL);
	m.q &= valid;
	m.nl &= valid;
	m.cr &= valid;
	m.sep &= valid;
	return m;
}

/*
 * The last cut in p[seg..end), fast blocks that end inside quotes when
 * r->inq says so, and the line ends before it (r->lines after them);
 * false when there is none. Backwards from the end, block by block: a
 * block's inq before it is the one after it flipped by the parity of its
 * quotes, its cuts are its '\n' outside quotes, and the last cut is
 * nearly always in the last line, a block or two back. `entry` is the
 * state before the call, for the byte before p.
 */
static bool last_cut(const dv_cut *entry, const dv_cutrun *r, const char *p,
		     size_t seg, size_t end, size_t *cut, uint64_t *lines)
{
	uint64_t inq_after = r->inq, lines_after = r->lines, par, inq_before;
	uint64_t ends, cuts;
	size_t at = end, len;
	dv_cutmasks m;
	int lz;

	while (at > seg) {
		len = (at - seg) % 64 ? (at - seg) % 64 : 64;
		at -= len;
		m = masks_at(entry, p, at, len);
		par = pxor_base(m.q); /* bit 63: the parity of all its quotes */
		inq_before = inq_after ^ (0 - (par >> 63));
		ends = line_ends(m.nl, m.cr,
				 at ? p[at - 1] == '\r' : entry->prev_cr);
		cuts = m.nl & ~(par ^ inq_before);
		if (cuts) {
			lz = __builtin_clzll(cuts);
			*cut = at + 64 - (size_t)lz;
			*lines = lines_after -
				 popcount_base(ends & ~(~(uint64_t)0 >> lz));
			return true;
		}
		lines_after -= popcount_base(ends);
		inq_after = inq_before;
	}
	return false;
}

/*
 * The state machine's state before p[at], from the fast scan's: inside
 * quotes, or else told by the byte before (c's state before the call at
 * the first byte). After the delimiter or a line end a field starts;
 * after a closing quote (r->fs: not a stray) the quote is seen; after
 * anything else the field is unquoted.
 */
static int state_at(const dv_cut *c, const dv_cutrun *r, const char *p,
		    size_t at)
{
	char b;

	if (r->inq)
		return DV_CUT_QUOTED;
	if (!at)
		return c->state;
	b = p[at - 1];
	return b == c->delim || b == '\n' || b == '\r' ? DV_CUT_FIELD_START
	       : b == c->quote && r->fs		  ? DV_CUT_QUOTE_SEEN
							  : DV_CUT_UNQUOTED;
}

/* A block with a stray quote, p[from..to), by the exact scan from the
 * fast one's state, once the fast blocks before it gave their last cut;
 * the fast one goes on from the state it leaves. */
static dv_cutrun slow_block(dv_cut *c, const dv_cut *entry, dv_cutrun r,
			    const char *p, size_t from, size_t to, size_t n,
			    uint64_t cr)
{
	uint64_t lines = 0;
	size_t cut = 0;

	r.lines += crlf_at(entry, p, from, n);
	if (last_cut(entry, &r, p, r.seg, from, &cut, &lines)) {
		r.cut = cut;
		r.cut_lines = lines;
	}
	c->state = state_at(c, &r, p, from);
	c->prev_cr = from ? p[from - 1] == '\r' : entry->prev_cr;
	c->lines = r.lines;
	cut = exact_range(c, p, from, to, false, &lines);
	if (cut) {
		r.cut = cut;
		r.cut_lines = lines;
	}
	r.inq = c->state == DV_CUT_QUOTED ? ~(uint64_t)0 : 0;
	r.fs = c->state == DV_CUT_FIELD_START || c->state == DV_CUT_QUOTE_SEEN;
	r.lines = c->lines - crlf_at(entry, p, to, n);
	r.saw_cr |= cr != 0;
	r.seg = to;
	return r;
}

/*
 * line_bytes and row_ended after p[cut..n), the bytes after the last cut
 * (all of p when cut is 0: from `entry`, the state before the call).
 * Without a '\r', every line end outside quotes is a cut, so the current
 * line has bytes unless the last byte is a cut, and no row ended since.
 * With one, a lone '\r' may have ended a row after the last cut: the
 * exact scan reruns those bytes.
 */
static void end_flags(dv_cut *c, const dv_cut *entry, const char *p,
		      size_t cut, size_t n, uint64_t cut_lines, bool saw_cr)
{
	dv_cut t = *entry;
	uint64_t ignored;

	if (!saw_cr) {
		if (n)
			c->line_bytes = cut != n;
		if (cut)
			c->row_ended = false;
		return;
	}
	if (cut) {
		t.state = DV_CUT_FIELD_START;
		t.prev_cr = false;
		t.line_bytes = false;
		t.row_ended = false;
		t.lines = cut_lines;
	}
	exact_range(&t, p, cut, n, false, &ignored);
	c->line_bytes = t.line_bytes;
	c->row_ended = t.row_ended;
}

/* The fast scan's result: the last cut and c's state after p[0..n). */
static size_t run_end(dv_cut *c, const dv_cut *entry, const dv_cutrun *r,
		      const char *p, size_t n, uint64_t *lines)
{
	size_t cut = r->cut;
	uint64_t cut_lines = r->cut_lines;

	last_cut(entry, r, p, r->seg, n, &cut, &cut_lines);
	if (cut)
		*lines = cut_lines;
	if (n) {
		c->state = state_at(c, r, p, n);
		c->prev_cr = p[n - 1] == '\r';
	}
	c->lines = r->lines;
	end_flags(c, entry, p, cut, n, cut_lines, r->saw_cr);
	return cut;
}

/* Whole blocks from b on while parity holds: returns where it stopped
 * (a block with a stray quote, or fewer than 64 bytes left). The state
 * is copied in and out so that the loop keeps it in registers; the '\n'
 * lanes are summed every CUT_LANE_BLOCKS blocks, and a stray block's '\n'
 * taken off again. */
CUT_TEMPLATE const char *fast_blocks(const dv_cut *keys, dv_cutrun *run,
				     const char *b, const char *end,
				     dv_cutmasks *m, int simd)
{
	dv_cutrun r = *run;
	const char *stop = b + ((size_t)(end - b) & ~(size_t)63), *sum;
	dv_cutlanes l;

	while (b != stop) {
		sum = (size_t)(stop - b) / 64 > CUT_LANE_BLOCKS
			      ? b + 64 * CUT_LANE_BLOCKS
			      : stop;
		memset(&l, 0, sizeof(l));
#pragma GCC unroll 2
		for (; b != sum; b += 64) {
			*m = masks_of(keys, b, &l, simd);
			if (!fast_block(&r, keys, m, b, end, 63, simd,
					CUT_LANES(simd)))
				break;
		}
		r.lines += nl_sum(&l, simd);
		if (b != sum) {
			if (CUT_LANES(simd))
				r.lines -= popcount(nl_of(keys, m, b, simd, true),
						    simd);
			break;
		}
	}
	*run = r;
	return b;
}

/* The fast scan of p[0..n): whole blocks, then the last bytes (their
 * masks copied into zeros and cut to them, once per call: SSE2 or the
 * vector extension). Quoting is on. */
CUT_TEMPLATE size_t fast_range(dv_cut *c, const char *p, size_t n,
			       uint64_t *lines, int simd)
{
	/* copies that nothing else writes: their bytes stay in registers */
	const dv_cut keys = *c, entry = *c;
	dv_cutrun r = { 0, 0, 0, 0, 0, 0, false };
	dv_cutmasks m = { 0, 0, 0, 0 }; /* set when fast_blocks() stops early */
	size_t at = 0;

	r.inq = c->state == DV_CUT_QUOTED ? ~(uint64_t)0 : 0;
	r.fs = c->state == DV_CUT_FIELD_START || c->state == DV_CUT_QUOTE_SEEN;
	r.lines = c->lines - crlf_at(c, p, 0, n);
	for (;;) {
		at = (size_t)(fast_blocks(&keys, &r, p + at, p + n, &m, simd) - p);
		if (n - at < 64)
			break;
		r = slow_block(c, &entry, r, p, at, at + 64, n, m.cr);
		at += 64;
	}
	if (at < n) {
		m = masks_at(&keys, p, at, n - at);
		if (!fast_block(&r, &keys, &m, p + at, p + n,
				(unsigned)(n - at - 1), DV_CUT_SIMD_BASE, false))
			r = slow_block(c, &entry, r, p, at, n, n, m.cr);
	}
	return run_end(c, &entry, &r, p, n, lines);
}

static size_t fast_base(dv_cut *c, const char *p, size_t n, uint64_t *lines)
{
	return fast_range(c, p, n, lines, DV_CUT_SIMD_BASE);
}

static CUT_TARGET_AVX2 size_t fast_avx2(dv_cut *c, const char *p, size_t n,
					uint64_t *lines)
{
	return fast_range(c, p, n, lines, DV_CUT_SIMD_AVX2);
}

static CUT_TARGET_AVX512 size_t fast_avx512(dv_cut *c, const char *p,
					    size_t n, uint64_t *lines)
{
	return fast_range(c, p, n, lines, DV_CUT_SIMD_AVX512);
}

size_t dv_cut_scan(dv_cut *c, const char *p, size_t n, bool first_row,
		   uint64_t *lines)
{
	if (!c->csv)
		return scan_lines(c, p, n, lines);
	if (first_row || !c->quoting || c->simd == DV_CUT_SIMD_NONE)
		return exact_range(c, p, 0, n, first_row, lines);
	if (c->simd == DV_CUT_SIMD_AVX512)
		return fast_avx512(c, p, n, lines);
	if (c->simd == DV_CUT_SIMD_AVX2)
		return fast_avx2(c, p, n, lines);
	return fast_base(c, p, n, lines);
}

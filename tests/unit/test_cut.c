/*
 * Differential tests of the record-boundary scan of parallel validation
 * (src/read/cut.c) against the CSV row reader it must agree with
 * (src/read/csvrow.c): an input cut at every boundary the scan reports,
 * each piece read by a fresh reader starting at the line the scan
 * counted, gives exactly the rows (fields, start lines, raw bytes,
 * quoting faults) of one reader over the whole input. Hostile inputs by
 * hand (quoted newlines, stray quotes, CRLF, lone CR, unterminated quote
 * at the end, a byte order mark, header only, empty) and 30,000 random
 * ones over the bytes that matter; the scan is also fed in random pieces.
 * JSON Lines: a cut after every '\n', lines counted.
 */
#include "unit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cut_oracle.h"
#include "read/csvrow.h"
#include "read/cut.h"

struct got {
	char text[65536];
	size_t n;
};

static void add(struct got *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add(struct got *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g->n += (size_t)vsnprintf(g->text + g->n, sizeof(g->text) - g->n, fmt, ap);
	va_end(ap);
	assert_true(g->n < sizeof(g->text));
}

static void add_bytes(struct got *g, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		add(g, "%02x", (unsigned char)s[k]);
}

/* A row as text: line, faults, fields, raw bytes. */
static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	struct got *g = ctx;
	size_t i;

	add(g, "%llu%s%s:", (unsigned long long)row->line,
	    row->bad_quote ? "!q" : "", row->unterminated ? "!u" : "");
	for (i = 0; i < row->nf; i++) {
		add_bytes(g, row->buf + row->off[i], row->len[i]);
		add(g, "|");
	}
	add(g, "raw=");
	add_bytes(g, row->raw, row->raw_len);
	add(g, ";");
	return DCVAL_OK;
}

static dcval_status on_big(void *ctx, dv_csvbig ev, uint64_t line,
			   const char *p, size_t n)
{
	(void)ctx, (void)ev, (void)line, (void)p, (void)n;
	fail_msg("no row is over the cap here");
	return DCVAL_OK;
}

/* Rows of p[0..n) read by one fresh reader starting at line0. */
static void rows(const char *p, size_t n, uint64_t line0, struct got *g)
{
	dv_csvrow_cb cb = { on_row, on_big, g };
	dv_csvrd r;

	dv_csvrd_init(&r, ',', '"', true, 1 << 20, true, &cb);
	r.line = line0;
	assert_int_equal(dv_csvrd_feed(&r, p, n), DCVAL_OK);
	assert_int_equal(dv_csvrd_finish(&r), DCVAL_OK);
	dv_csvrd_release(&r);
}

/* A csv scan with dv_cut_simd `simd` (which the CPU supports). */
static void cut_init(dv_cut *c, char delim, bool quoting, int simd)
{
	dv_cut_init(c, true, delim, '"', quoting);
	assert_true(dv_cut_simd_supported(simd));
	c->simd = simd;
}

/* The dv_cut_simd kinds this CPU runs, into out[]; their count. */
static int simd_kinds(int out[4])
{
	int s, k = 0;

	for (s = DV_CUT_SIMD_NONE; s <= DV_CUT_SIMD_AVX512; s++)
		if (dv_cut_simd_supported(s))
			out[k++] = s;
	return k;
}

/* Cut p at every boundary the scan reports (fed one byte at a time, so
 * that each boundary is the last of its piece) and read the pieces. */
static void rows_by_cuts(const char *p, size_t n, int simd, struct got *g)
{
	dv_cut c;
	size_t i, from = 0, cut;
	uint64_t lines = 0, at = 0;

	cut_init(&c, ',', true, simd);
	for (i = 0; i < n; i++) {
		cut = dv_cut_scan(&c, p + i, 1, false, &lines);
		if (!cut)
			continue;
		assert_int_equal(p[i], '\n');
		rows(p + from, i + 1 - from, 1 + at, g);
		from = i + 1;
		at = lines;
	}
	rows(p + from, n - from, 1 + at, g);
}

/* The scan fed in pieces of `piece` bytes reports, per piece, the last
 * boundary in it, with the line count of the byte-wise scan. */
static void pieces_agree(const char *p, size_t n, size_t piece, int simd)
{
	dv_cut a, b;
	size_t pos, k, last, cut;
	uint64_t la = 0, lb = 0, lines_last = 0;

	cut_init(&a, ',', true, simd);
	cut_init(&b, ',', true, simd);
	for (pos = 0; pos < n; pos += k) {
		k = n - pos < piece ? n - pos : piece;
		last = 0;
		for (size_t i = 0; i < k; i++)
			if (dv_cut_scan(&a, p + pos + i, 1, false, &la)) {
				last = i + 1;
				lines_last = la;
			}
		cut = dv_cut_scan(&b, p + pos, k, false, &lb);
		assert_int_equal(cut, last);
		if (cut)
			assert_int_equal(lb, lines_last);
	}
	assert_int_equal(a.lines, b.lines);
}

/* The header cut: the bytes up to it end with a row's end and hold at
 * least the first row (more when rows before it end at a lone '\r',
 * where no cut is made), exactly as the whole input's rows begin. */
static void head_agrees(const char *p, size_t n, const struct got *whole)
{
	struct got *h = calloc(1, sizeof(*h));
	dv_cut c;
	uint64_t lines = 0;
	size_t cut;

	assert_non_null(h);
	dv_cut_init(&c, true, ',', '"', true);
	cut = dv_cut_scan(&c, p, n, true, &lines);
	if (cut) {
		rows(p, cut, 1, h);
		assert_non_null(memchr(h->text, ';', h->n));
		assert_true(h->n <= whole->n);
		assert_memory_equal(h->text, whole->text, h->n);
	}
	free(h);
}

/* The reader's rows of p cut where the scan (each kind this CPU runs)
 * says equal one reader's over the whole. */
static void check_csv(const char *p, size_t n)
{
	struct got *whole = calloc(1, sizeof(*whole));
	struct got *cut = calloc(1, sizeof(*cut));
	int kinds[4], nk = simd_kinds(kinds), k;
	size_t piece;

	assert_non_null(whole);
	assert_non_null(cut);
	rows(p, n, 1, whole);
	for (k = 0; k < nk; k++) {
		cut->n = 0;
		rows_by_cuts(p, n, kinds[k], cut);
		if (whole->n != cut->n || memcmp(whole->text, cut->text, whole->n))
			fail_msg("simd %d, input %.*s:\nwhole %.*s\ncut   %.*s",
				 kinds[k], (int)n, p, (int)whole->n, whole->text,
				 (int)cut->n, cut->text);
		/* short pieces take the scan's last-bytes block, long ones
		 * its whole 64-byte blocks */
		for (piece = 1; piece <= 7; piece += 3)
			pieces_agree(p, n, piece, kinds[k]);
		pieces_agree(p, n, 37, kinds[k]);
		pieces_agree(p, n, 150, kinds[k]);
		pieces_agree(p, n, n ? n : 1, kinds[k]);
	}
	head_agrees(p, n, whole);
	free(whole);
	free(cut);
}

static void check_str(const char *s)
{
	check_csv(s, strlen(s));
}

static void test_cut_hostile_csv(void **state)
{
	static const char *const cases[] = {
		"",
		"a,b\n",
		"a,b",
		"\n\n\na,b\n\n1,2\n",
		"a,b\n1,\"x\ny\"\n2,3\n",
		"a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n",
		"a,b\r1,2\r3,4\r",
		"a,b\r\n\r\n1,2\r\n",
		"a,b\n1,x\"y\n2,\"\"\"\n3,4\"\n5,6\n",
		"a,b\n1,\"x\"y,z\n2,\"q\"\"\n\"\n",
		"a,b\n1,\"open\n2,3\n4,5\n",
		"\357\273\277a,b\n1,2\n", /* a byte order mark first */
		"a,\"b\nc\"\n1,2\n",
		"\"\"\n\"\"\"\"\n\"\n\"\n",
		",\n,,\n\",\"\n",
		"a\n\"\r\"\n\"\r\n\"\r\n",
		"a,b\n\"\"x\n\"a\"\"b\"\"\nc\"\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_str(cases[i]);
}

/* `rounds` inputs of up to cap - 1 bytes drawn from alphabet (a linear
 * congruential generator from seed), each checked against the reader. */
static void random_csv(const char *alphabet, size_t alen, size_t cap,
		       unsigned seed, int rounds)
{
	char buf[400];
	int t;

	assert_true(cap <= sizeof(buf));
	for (t = 0; t < rounds; t++) {
		size_t n, i;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % cap;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % alen];
		}
		check_csv(buf, n);
	}
}

static void test_cut_random_csv(void **state)
{
	static const char alphabet[] = "a,\"\n\r\"a,\n";

	(void)state;
	random_csv(alphabet, sizeof(alphabet) - 1, 64, 12345, 30000);
}

/* Longer random inputs whose bytes that matter are sparse, as in real
 * data: runs of plain bytes span the scan's sixteen-byte blocks, and
 * quotes, line ends and delimiters fall at every position within one. */
static void test_cut_random_sparse_csv(void **state)
{
	static const char alphabet[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa,,,,\"\"\n\n\r";

	(void)state;
	random_csv(alphabet, sizeof(alphabet) - 1, 400, 777, 3000);
}

/* ---- the scan against the byte-wise oracle (cut_oracle.h) ---- */

/* A linear congruential generator (Numerical Recipes' constants): a
 * number below bound. */
static unsigned rnd(unsigned *seed, unsigned bound)
{
	*seed = *seed * 1664525u + 1013904223u;
	return (*seed >> 8) % bound;
}

/* A piece's length, at most left: a few bytes, about a block, a few
 * blocks, or all that is left. */
static size_t piece_len(unsigned *seed, size_t left)
{
	size_t k;

	switch (rnd(seed, 4)) {
	case 0:
		k = 1 + rnd(seed, 3);
		break;
	case 1:
		k = 1 + rnd(seed, 70);
		break;
	case 2:
		k = 60 + rnd(seed, 200);
		break;
	default:
		k = left;
		break;
	}
	return k < left ? k : left;
}

static void oracle_fail(const char *p, size_t n, size_t pos, size_t k,
			bool first, int simd, size_t want, size_t got,
			uint64_t lw, uint64_t lg, const struct cut_oracle *o,
			const dv_cut *c)
{
	size_t from = pos > 100 ? pos - 100 : 0;
	size_t len = n - from < 300 ? n - from : 300;

	fail_msg("simd %d, piece [%zu, %zu) of %zu%s: cut %zu want %zu, lines "
		 "%llu want %llu; state %d/%d prev_cr %d/%d line_bytes %d/%d "
		 "row_ended %d/%d lines %llu/%llu (got/want); input from %zu: "
		 "%.*s",
		 simd, pos, pos + k, n, first ? " first_row" : "", got, want,
		 (unsigned long long)lg, (unsigned long long)lw, c->state,
		 o->state, c->prev_cr, o->prev_cr, c->line_bytes, o->line_bytes,
		 c->row_ended, o->row_ended, (unsigned long long)c->lines,
		 (unsigned long long)o->lines, from, (int)len, p + from);
}

/*
 * The scan (dv_cut_simd `simd`) against the oracle on p[0..n) fed in
 * random pieces, one call in eight with first_row (whose bytes after a
 * cut come again, as read/par.c gives them): the same cut, the same
 * lines, the same state after every call.
 */
static void oracle_agrees(const char *p, size_t n, char delim, bool quoting,
			  int simd, unsigned seed)
{
	struct cut_oracle o;
	dv_cut c;
	size_t pos = 0, k, want, got;
	uint64_t lw, lg;
	bool first;

	cut_init(&c, delim, quoting, simd);
	cut_oracle_init(&o, delim, '"', quoting);
	while (pos < n) {
		k = piece_len(&seed, n - pos);
		first = rnd(&seed, 8) == 0;
		lw = lg = 7777;
		want = cut_oracle_scan(&o, p + pos, k, first, &lw);
		got = dv_cut_scan(&c, p + pos, k, first, &lg);
		if (got != want || lg != lw || !cut_oracle_same(&o, &c))
			oracle_fail(p, n, pos, k, first, simd, want, got, lw, lg,
				    &o, &c);
		pos += first && got ? got : k;
	}
}

/* oracle_agrees() for every kind this CPU runs, whole and in pieces. */
static void oracle_all(const char *p, size_t n, char delim, bool quoting,
		       unsigned seed)
{
	int kinds[4], nk = simd_kinds(kinds), k;
	struct cut_oracle o;
	dv_cut c;
	uint64_t lw = 0, lg = 0;

	for (k = 0; k < nk; k++) {
		oracle_agrees(p, n, delim, quoting, kinds[k], seed);
		oracle_agrees(p, n, delim, quoting, kinds[k], seed * 7 + 1);
		/* one call over all of it */
		cut_init(&c, delim, quoting, kinds[k]);
		cut_oracle_init(&o, delim, '"', quoting);
		assert_int_equal(dv_cut_scan(&c, p, n, false, &lg),
				 cut_oracle_scan(&o, p, n, false, &lw));
		assert_int_equal(lg, lw);
		assert_true(cut_oracle_same(&o, &c));
	}
}

/* A field, hostile with `hostile` percent chance: a stray quote in an
 * unquoted field, bytes after a closing quote, an unterminated quote, a
 * quote after a lone '\r', doubled quotes alone. Clean: plain bytes
 * (now and then longer than a block), or quoted ones holding the
 * delimiter, '\n', CRLF and doubled quotes. */
static size_t gen_field(char *t, unsigned *seed, unsigned hostile, char delim)
{
	static const char *const bad[] = {
		"ab\"c", "\"x\"y\"z", "\"unterminated", "\r\"q\nq\"", "\"\"\"\"",
		"a\"\"", "\"a\"\"", "\"\"x", "\r", "\"\r\n\"x",
	};
	static const char inq[] = "ab,;\t\n\n";
	size_t n = 0, len, i;

	if (rnd(seed, 100) < hostile) {
		const char *b = bad[rnd(seed, sizeof(bad) / sizeof(bad[0]))];

		len = strlen(b);
		memcpy(t, b, len);
		return len;
	}
	len = rnd(seed, 20) ? rnd(seed, 20) : 64 + rnd(seed, 150);
	if (rnd(seed, 3)) {
		for (i = 0; i < len; i++)
			t[n++] = (char)('a' + rnd(seed, 26));
		return n;
	}
	t[n++] = '"';
	for (i = 0; i < len; i++) {
		switch (rnd(seed, 12)) {
		case 0:
			t[n++] = '"';
			t[n++] = '"';
			break;
		case 1:
			t[n++] = '\r';
			t[n++] = '\n';
			break;
		case 2:
			t[n++] = delim;
			break;
		default:
			t[n++] = inq[rnd(seed, sizeof(inq) - 1)];
			break;
		}
	}
	t[n++] = '"';
	return n;
}

/* Fields and separators (the delimiter, '\n', CRLF, and in hostile
 * inputs now and then a lone '\r') filling buf[0..n). */
static void gen_csv(char *buf, size_t n, unsigned *seed, unsigned hostile,
		    char delim)
{
	char t[512];
	size_t at = 0, len;

	while (at < n) {
		len = gen_field(t, seed, hostile, delim);
		switch (rnd(seed, 6)) {
		case 0:
			t[len++] = hostile && rnd(seed, 4) == 0 ? '\r' : '\n';
			break;
		case 1:
			t[len++] = '\r';
			t[len++] = '\n';
			break;
		default:
			t[len++] = delim;
			break;
		}
		if (len > n - at)
			len = n - at;
		memcpy(buf + at, t, len);
		at += len;
	}
}

/*
 * Inputs long enough for many 64-byte blocks (100 to 4,000 bytes), from
 * all clean to mostly hostile, checked against the oracle for every
 * kind of scan and delimiter, quoting on and off, and (comma, quoting
 * on) against the reader.
 */
static void test_cut_long_random_csv(void **state)
{
	static const char delims[] = ",\t;|";
	char *buf = malloc(4096);
	unsigned seed = 2026, hostile;
	size_t n;
	int t;

	(void)state;
	assert_non_null(buf);
	for (t = 0; t < 1500; t++) {
		char delim = delims[t % 4];

		hostile = t % 3 == 0 ? 0 : t % 3 == 1 ? 2 : rnd(&seed, 60);
		n = 100 + rnd(&seed, 3997);
		gen_csv(buf, n, &seed, hostile, delim);
		oracle_all(buf, n, delim, t % 5 != 4, seed);
		if (delim == ',' && t % 5 != 4 && t % 4 == 0)
			check_csv(buf, n);
	}
	free(buf);
}

/* The existing hand-written and short random inputs through the oracle
 * too. */
static void test_cut_oracle_short(void **state)
{
	static const char alphabet[] = "a,\"\n\r\"a,\n\t";
	char buf[300];
	unsigned seed = 99;
	size_t n, i;
	int t;

	(void)state;
	for (t = 0; t < 4000; t++) {
		n = rnd(&seed, sizeof(buf));
		for (i = 0; i < n; i++)
			buf[i] = alphabet[rnd(&seed, sizeof(alphabet) - 1)];
		oracle_all(buf, n, t % 2 ? ',' : '\t', t % 7 != 0, seed);
	}
}

/* The scan (each kind) given p in two pieces, split at `cut`, against
 * the oracle. */
static void two_pieces_agree(const char *p, size_t n, size_t cut)
{
	int kinds[4], nk = simd_kinds(kinds), s;
	struct cut_oracle o;
	dv_cut c;
	uint64_t lw, lg;

	for (s = 0; s < nk; s++) {
		cut_init(&c, ',', true, kinds[s]);
		cut_oracle_init(&o, ',', '"', true);
		lw = lg = 0;
		assert_int_equal(dv_cut_scan(&c, p, cut, false, &lg),
				 cut_oracle_scan(&o, p, cut, false, &lw));
		assert_int_equal(dv_cut_scan(&c, p + cut, n - cut, false, &lg),
				 cut_oracle_scan(&o, p + cut, n - cut, false, &lw));
		assert_int_equal(lg, lw);
		assert_true(cut_oracle_same(&o, &c));
	}
}

/*
 * A quote at every position of a block (and the input's first and last
 * byte), after each kind of byte: the delimiter, '\n', a lone '\r', a
 * plain byte (a stray), a closing quote (a doubled quote), inside
 * quotes; pieces cut at every position around it.
 */
static void test_cut_quote_at_block_edges(void **state)
{
	static const char *const before[] = {
		",", "\n", "\r", "a", "\"x\"", "\"x", "\r\n", "\"\"",
	};
	char buf[400];
	size_t k, b, n, cut;

	(void)state;
	for (k = 0; k < 140; k++) {
		for (b = 0; b < sizeof(before) / sizeof(before[0]); b++) {
			memset(buf, 'a', k);
			n = k;
			n += (size_t)snprintf(buf + n, sizeof(buf) - n,
					      "%s\"q\n,\"\"z\",b\n", before[b]);
			memset(buf + n, 'c', 70);
			n += 70;
			buf[n++] = '"';
			oracle_all(buf, n, ',', true, (unsigned)(k * 8 + b));
			check_csv(buf, n);
			for (cut = k > 3 ? k - 3 : 0; cut < k + 8 && cut < n; cut++)
				two_pieces_agree(buf, n, cut);
		}
	}
}

/* Long runs of line ends (every byte, every other, CRLF, in and out of
 * quotes), whole and in pieces: the '\n' the fast scan counts in byte
 * lanes must be summed before a lane wraps. */
static void test_cut_dense_newlines(void **state)
{
	static const char *const unit[] = { "\n", "a\n", "\r\n", "\"\n\n\"\n", "\r" };
	size_t n = 40000, u, i, len;
	char *buf = malloc(n);

	(void)state;
	assert_non_null(buf);
	for (u = 0; u < sizeof(unit) / sizeof(unit[0]); u++) {
		len = strlen(unit[u]);
		for (i = 0; i < n; i++)
			buf[i] = unit[u][i % len];
		oracle_all(buf, n, ',', true, (unsigned)u);
	}
	free(buf);
}

/* The kinds dv_cut_init() may pick: the exact scan for bytes the masks
 * cannot tell apart, the fastest the CPU has otherwise. */
static void test_cut_simd_choice(void **state)
{
	dv_cut c;

	(void)state;
	assert_true(dv_cut_simd_supported(DV_CUT_SIMD_NONE));
	assert_true(dv_cut_simd_supported(DV_CUT_SIMD_BASE));
	assert_false(dv_cut_simd_supported(DV_CUT_SIMD_AVX512 + 1));
	dv_cut_init(&c, true, '\n', '"', true);
	assert_int_equal(c.simd, DV_CUT_SIMD_NONE);
	dv_cut_init(&c, true, ',', '\r', true);
	assert_int_equal(c.simd, DV_CUT_SIMD_NONE);
	dv_cut_init(&c, true, ',', '"', true);
	assert_true(c.simd != DV_CUT_SIMD_NONE && dv_cut_simd_supported(c.simd));
	assert_true(c.simd >= DV_CUT_SIMD_AVX2 ||
		    !dv_cut_simd_supported(DV_CUT_SIMD_AVX2));
}

/* The first cut in s, the scan fed one byte at a time (0: none). */
static size_t first_cut(dv_cut *c, const char *s)
{
	size_t i, n = strlen(s);
	uint64_t lines;

	for (i = 0; i < n; i++)
		if (dv_cut_scan(c, s + i, 1, false, &lines))
			return i + 1;
	return 0;
}

/* The last cut in s scanned whole (0: none); *lines as the scan sets it. */
static size_t whole_cut(char delim, bool quoting, const char *s,
			uint64_t *lines)
{
	dv_cut c;

	dv_cut_init(&c, true, delim, '"', quoting);
	*lines = 0;
	return dv_cut_scan(&c, s, strlen(s), false, lines);
}

static void test_cut_quoting_off_and_tsv(void **state)
{
	static const char *const no_quote = "a\"\nb\n\"c";
	dv_cut c;
	uint64_t lines = 0;

	(void)state;
	dv_cut_init(&c, true, ',', '"', false);
	/* no quote byte: every '\n' is a boundary */
	assert_int_equal(dv_cut_scan(&c, no_quote, strlen(no_quote), false, &lines), 5);
	assert_int_equal(lines, 2);
	/* a quote after the tab opens a field; after a comma it does not */
	dv_cut_init(&c, true, '\t', '"', true);
	assert_int_equal(first_cut(&c, "a\t\"x\ny\"\n"), 8);
	dv_cut_init(&c, true, '\t', '"', true);
	assert_int_equal(first_cut(&c, "a,\"x\ny\"\n"), 5);
	/* the same, whole, past a sixteen-byte block: the quote opens a
	 * field after the delimiter only, and with quoting on only */
	assert_int_equal(whole_cut(',', true, "0123456789abcde,\"x\ny\nz", &lines), 0);
	assert_int_equal(whole_cut('\t', true, "0123456789abcde\t\"x\ny\nz", &lines), 0);
	assert_int_equal(whole_cut('\t', true, "0123456789abcde,\"x\ny\nz", &lines), 21);
	assert_int_equal(lines, 2);
	assert_int_equal(whole_cut(',', false, "0123456789abcde,\"x\ny\nz", &lines), 21);
	assert_int_equal(lines, 2);
	assert_int_equal(whole_cut(',', true, "0123456789abcdef\"x\ny\nz", &lines), 21);
	assert_int_equal(lines, 2);
}

static void test_cut_jsonl(void **state)
{
	static const char *const text = "{}\r\n{\"a\":\"\\n\"}\n{";
	dv_cut c;
	uint64_t lines = 0;

	(void)state;
	dv_cut_init(&c, false, 0, 0, false);
	assert_int_equal(dv_cut_scan(&c, text, strlen(text), false, &lines),
			 strlen(text) - 1);
	assert_int_equal(lines, 2);
	assert_int_equal(dv_cut_scan(&c, "}", 1, false, &lines), 0);
	assert_int_equal(dv_cut_scan(&c, "\n\n", 2, false, &lines), 2);
	assert_int_equal(lines, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut_hostile_csv),
		cmocka_unit_test(test_cut_random_csv),
		cmocka_unit_test(test_cut_random_sparse_csv),
		cmocka_unit_test(test_cut_quoting_off_and_tsv),
		cmocka_unit_test(test_cut_long_random_csv),
		cmocka_unit_test(test_cut_oracle_short),
		cmocka_unit_test(test_cut_quote_at_block_edges),
		cmocka_unit_test(test_cut_dense_newlines),
		cmocka_unit_test(test_cut_simd_choice),
		cmocka_unit_test(test_cut_jsonl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

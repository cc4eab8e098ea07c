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

/* Cut p at every boundary the scan reports (fed one byte at a time, so
 * that each boundary is the last of its piece) and read the pieces. */
static void rows_by_cuts(const char *p, size_t n, struct got *g)
{
	dv_cut c;
	size_t i, from = 0, cut;
	uint64_t lines = 0, at = 0;

	dv_cut_init(&c, true, ',', '"', true);
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
static void pieces_agree(const char *p, size_t n, size_t piece)
{
	dv_cut a, b;
	size_t pos, k, last, cut;
	uint64_t la = 0, lb = 0, lines_last = 0;

	dv_cut_init(&a, true, ',', '"', true);
	dv_cut_init(&b, true, ',', '"', true);
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

static void check_csv(const char *p, size_t n)
{
	struct got *whole = calloc(1, sizeof(*whole));
	struct got *cut = calloc(1, sizeof(*cut));
	size_t piece;

	assert_non_null(whole);
	assert_non_null(cut);
	rows(p, n, 1, whole);
	rows_by_cuts(p, n, cut);
	if (whole->n != cut->n || memcmp(whole->text, cut->text, whole->n))
		fail_msg("input %.*s:\nwhole %.*s\ncut   %.*s", (int)n, p,
			 (int)whole->n, whole->text, (int)cut->n, cut->text);
	/* short pieces take the scan's byte-wise tail, long ones its
	 * sixteen-byte blocks */
	for (piece = 1; piece <= 7; piece += 3)
		pieces_agree(p, n, piece);
	pieces_agree(p, n, 37);
	pieces_agree(p, n, n ? n : 1);
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
		"\xef\xbb\xbf" "a,b\n1,2\n",
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
		cmocka_unit_test(test_cut_jsonl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests of the CSV row reader (src/read/csvrow.c): rows, fields,
 * start lines and quoting faults as Python's csv module reads them (the
 * expected rows were checked with csv.reader(open(f, newline=''))), fed
 * whole and in every piece size from 1 byte up, so that each state, field
 * and "\r\n" is split across feeds somewhere.
 */
#include "unit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "read/csvrow.h"

/* Rows as text: "LINE:field|field|...;" per row, "!" after LINE when its
 * quoting went wrong; bytes outside printable ASCII as \xNN. */
struct got {
	char text[4096];
	size_t n;
	unsigned big_events;
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

static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	struct got *g = ctx;
	size_t i, k;

	add(g, "%llu%s:", (unsigned long long)row->line,
	    row->bad_quote || row->unterminated ? "!" : "");
	for (i = 0; i < row->nf; i++) {
		const unsigned char *s = (const unsigned char *)row->buf + row->off[i];

		assert_int_equal(s[row->len[i]], '\0');
		for (k = 0; k < row->len[i]; k++) {
			if (s[k] >= 0x20 && s[k] < 0x7f && s[k] != '\\')
				add(g, "%c", s[k]);
			else
				add(g, "\\x%02x", s[k]);
		}
		add(g, "%s", i + 1 < row->nf ? "|" : "");
	}
	add(g, ";");
	return DCVAL_OK;
}

static dcval_status on_big(void *ctx, dv_csvbig ev, uint64_t line,
			   const char *p, size_t n)
{
	struct got *g = ctx;

	(void)p;
	if (ev == DV_CSVBIG_BEGIN)
		add(g, "%llu:BIG;", (unsigned long long)line);
	(void)n;
	g->big_events++;
	return DCVAL_OK;
}

/* Rows of data fed in pieces of `piece` bytes. */
static void read_rows(const char *data, size_t len, char delim, char quote,
		      bool quoting, size_t cap, size_t piece, struct got *g)
{
	dv_csvrow_cb cb = { on_row, on_big, g };
	dv_csvrd r;
	size_t pos, n;

	memset(g, 0, sizeof(*g));
	dv_csvrd_init(&r, delim, quote, quoting, cap, true, &cb);
	for (pos = 0; pos < len; pos += n) {
		n = len - pos < piece ? len - pos : piece;
		assert_int_equal(dv_csvrd_feed(&r, data + pos, n), DCVAL_OK);
	}
	assert_int_equal(dv_csvrd_finish(&r), DCVAL_OK);
	dv_csvrd_release(&r);
}

/* Every piece size gives `want`. */
static void expect_rows_q(const char *data, size_t len, char delim, char quote,
			  bool quoting, const char *want)
{
	size_t piece;
	struct got g;

	for (piece = 1; piece <= len + 1; piece++) {
		read_rows(data, len, delim, quote, quoting, 1 << 20, piece, &g);
		if (strcmp(g.text, want) != 0)
			fail_msg("pieces of %zu: got %s, want %s", piece, g.text, want);
	}
}

/* The rows of a string literal (NUL bytes included), ',' and '"'. */
#define ROWS(lit, want) expect_rows_q(lit, sizeof(lit) - 1, ',', '"', true, want)
#define ROWS_Q(lit, d, q, on, want) expect_rows_q(lit, sizeof(lit) - 1, d, q, on, want)

static void test_csvrow_plain_rows_and_line_ends(void **state)
{
	(void)state;
	ROWS("a,b\n1,2\r\n3,4\r5,6", "1:a|b;2:1|2;3:3|4;4:5|6;");
	ROWS("a,\n,\n,,\r\n", "1:a|;2:|;3:||;");
	ROWS("", "");
}

/* A line with no characters is no row (Python yields [] for it); a row
 * of empty fields is one. */
static void test_csvrow_blank_lines_are_not_rows(void **state)
{
	(void)state;
	ROWS("\n\r\n\ra\n\n\r\nb\r\r", "4:a;7:b;");
	ROWS("a\n\n", "1:a;");
	ROWS("\"\"\n", "1:;");
	ROWS(",\n", "1:|;");
}

static void test_csvrow_quoted_fields(void **state)
{
	(void)state;
	ROWS("\"a,b\",\"c\"\"d\",\"\"\n", "1:a,b|c\"d|;");
	/* line ends inside quotes stay in the field, as they were */
	ROWS("\"x\ny\",1\n\"p\r\nq\rr\",2\nz,3\n",
		    "1:x\\x0ay|1;3:p\\x0d\\x0aq\\x0dr|2;6:z|3;");
	/* a quote elsewhere than at a field's start is a literal byte */
	ROWS("a\"b,c\"\"d\" e\n", "1:a\"b|c\"\"d\" e;");
	ROWS(" \"x\",1\n", "1: \"x\"|1;");
}

/* Issue "Nothing lost": text after a closing quote stays in the field,
 * the field goes on unquoted, and the row ends at its line end; the
 * lines after it are rows of their own. */
static void test_csvrow_text_after_closing_quote(void **state)
{
	(void)state;
	ROWS("1,\"Mooi & Anders\": tokens,5\n2,plain,6\n3,\"x\",7\n",
		    "1!:1|Mooi & Anders: tokens|5;2:2|plain|6;3:3|x|7;");
	ROWS("\"a\"b,c\n", "1!:ab|c;");
	ROWS("\"a\"b\"c\",d\n", "1!:ab\"c\"|d;");
	ROWS("\"a\" \n", "1!:a ;");
	ROWS("x,\"a\"\"\"b\n", "1!:x|a\"b;");
}

/* A quoted field still open at the end of the input ends the last row,
 * which keeps everything after the quote. */
static void test_csvrow_unterminated_at_end(void **state)
{
	(void)state;
	ROWS("a\n\"b,c\nd\n", "1:a;2!:b,c\\x0ad\\x0a;");
	ROWS("\"", "1!:;");
	ROWS("x,\"ab\"\"", "1!:x|ab\";");
	/* closed right at the end: well-formed */
	ROWS("x,\"ab\"", "1:x|ab;");
}

static void test_csvrow_quoting_off_and_other_bytes(void **state)
{
	(void)state;
	ROWS_Q("\"a\tb\"\n\"\"\t\"\n", '\t', '"', false,
		      "1:\"a|b\";2:\"\"|\";");
	ROWS_Q("'it''s';\"q\"\n", ';', '\'', true, "1:it's|\"q\";");
	ROWS("a\0b,\xff\n", "1:a\\x00b|\\xff;");
}

/* A row over the cap streams (BEGIN, BYTES..., END) and the state
 * machine still finds its end; the next row is read as usual. */
static void test_csvrow_oversized_row_streams(void **state)
{
	static const char data[] = "a,b\n\"0123456789\n0123\",x\ny,z\n";
	struct got g;
	size_t piece;

	(void)state;
	for (piece = 1; piece <= sizeof(data); piece++) {
		read_rows(data, sizeof(data) - 1, ',', '"', true, 8, piece, &g);
		assert_string_equal(g.text, "1:a|b;2:BIG;4:y|z;");
		assert_true(g.big_events >= 2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csvrow_plain_rows_and_line_ends),
		cmocka_unit_test(test_csvrow_blank_lines_are_not_rows),
		cmocka_unit_test(test_csvrow_quoted_fields),
		cmocka_unit_test(test_csvrow_text_after_closing_quote),
		cmocka_unit_test(test_csvrow_unterminated_at_end),
		cmocka_unit_test(test_csvrow_quoting_off_and_other_bytes),
		cmocka_unit_test(test_csvrow_oversized_row_streams),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

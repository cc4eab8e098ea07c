/*
 * Unit tests of the CSV and TSV reader (src/read/csv.c) through the public
 * API: a contract from a YAML string, a validator whose callback records
 * every violation, inputs from fmemopen() streams, quarantine outputs in
 * open_memstream() buffers. Line numbers, record numbers and field
 * positions are checked exactly, also across the reader's chunk boundary.
 */
#include "unit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "harness.h"
#include "read/source.h"

static void run_cfg(const char *yaml, const char *data, size_t len,
		    const struct run_cfg *cfg, struct run *r)
{
	struct input in = { data, len };

	run_inputs(yaml, &in, 1, cfg, r);
}

static void run_len(const char *yaml, const char *data, size_t len,
		    struct run *r)
{
	run_cfg(yaml, data, len, NULL, r);
}

static void run1(const char *yaml, const char *data, struct run *r)
{
	run_cfg(yaml, data, strlen(data), NULL, r);
}

/* Expect violation i: rule, record, line, field and column (NULL: none). */
static void expect(const struct run *r, size_t i, const char *rule,
		   uint64_t record, uint64_t line, uint32_t field,
		   const char *column)
{
	if (i >= r->n)
		fail_msg("violation %zu expected (%s), only %zu seen", i, rule,
			 r->n);
	assert_string_equal(r->v[i].rule, rule);
	assert_int_equal(r->v[i].record, record);
	assert_int_equal(r->v[i].line, line);
	assert_int_equal(r->v[i].field, field);
	if (column) {
		assert_true(r->v[i].has_column);
		assert_string_equal(r->v[i].column, column);
	} else {
		assert_false(r->v[i].has_column);
	}
}

static void expect_val(const struct run *r, size_t i, const char *value,
			 size_t len)
{
	assert_true(i < r->n);
	assert_true(r->v[i].has_value);
	assert_int_equal(r->v[i].value_len, len);
	assert_memory_equal(r->v[i].value, value, len);
}

/* A growable text for large inputs. */
struct sb {
	char *p;
	size_t n;
	size_t cap;
};

static void sb_add(struct sb *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_fill(struct sb *b, char c, size_t n)
{
	while (n--)
		sb_add(b, &c, 1);
}

/* A record "ID,aaa...EOL" of exactly `size` bytes. */
static void sb_record(struct sb *b, const char *id, size_t size,
		      const char *eol)
{
	size_t fixed = strlen(id) + 1 + strlen(eol);

	assert_true(size > fixed);
	sb_str(b, id);
	sb_str(b, ",");
	sb_fill(b, 'a', size - fixed);
	sb_str(b, eol);
}

/* Physical line of byte `off` of text p ('\n', '\r\n', lone '\r'). */
static uint64_t line_at(const char *p, size_t off)
{
	uint64_t line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (p[i] == '\n')
			line++;
		else if (p[i] == '\r' && !(i + 1 < off && p[i + 1] == '\n'))
			line++;
	}
	return line;
}

static const char *const ID_S =
	"contract: t\n"
	"columns:\n"
	"  - name: id\n"
	"    type: integer\n"
	"  - name: s\n"
	"    type: string\n";

static const char *const ABC =
	"contract: t\n"
	"columns:\n"
	"  - name: a\n"
	"    type: integer\n"
	"  - name: b\n"
	"    type: string\n"
	"  - name: c\n"
	"    type: integer\n";

/* ---- header ---- */

static void test_csv_header_maps_columns_by_name_in_any_order(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ABC, "c,b,a\n1,x,2\n3,y,z\nq,w,4\n", &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, 3, 3, "a");
	expect_val(&r, 0, "z", 1);
	expect(&r, 1, "type", 3, 4, 1, "c");
	expect_val(&r, 1, "q", 1);
	expect_counts(&r, 3, 2, 2, 0);
	run_free(&r);
}

static void test_csv_header_false_maps_columns_by_position(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"input:\n"
		"  header: false\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"  - name: s\n"
		"    type: string\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "1,a\nid,s\n3,c\n", &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, 2, 1, "id");
	expect_counts(&r, 3, 1, 1, 0);
	run_free(&r);
}

static void test_csv_header_false_empty_file_has_no_violation(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"input: {header: false}\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run_len(yaml, "", 0, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 0);
	expect_counts(&r, 0, 0, 0, 0);
	run_free(&r);
}

static void test_csv_bom_is_not_part_of_first_name(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "\xef\xbb\xbfid,s\n1,a\nx,b\n", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

static void test_csv_header_only_file_is_valid(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n", &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 0);
	expect_counts(&r, 0, 0, 0, 0);
	run_free(&r);
	run1(ID_S, "id,s", &r); /* no final line break */
	assert_int_equal(r.n, 0);
	expect_counts(&r, 0, 0, 0, 0);
	run_free(&r);
	run1(ID_S, "id,s\r\n\r\n\n", &r); /* blank lines after it */
	assert_int_equal(r.n, 0);
	expect_counts(&r, 0, 0, 0, 0);
	run_free(&r);
}

static void test_csv_empty_file_is_header_violation(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_S, "", 0, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "header", 0, 0, 0, NULL);
	expect_counts(&r, 0, 0, 1, 0);
	run_free(&r);
}

static void test_csv_only_blank_lines_is_header_violation(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "\n\r\n\r", &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].rule, "header");
	expect_counts(&r, 0, 0, 1, 0);
	run_free(&r);
}

static void test_csv_header_after_blank_lines_keeps_line_numbers(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "\n\nid,s\n1,a\nx,b\n", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, 5, 1, "id");
	run_free(&r);
}

/* ---- line endings ---- */

static void test_csv_crlf_line_numbers_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\r\n1,a\r\nx,b\r\n\r\ny,c\r\n", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect(&r, 1, "type", 3, 5, 1, "id");
	expect_val(&r, 1, "y", 1);
	expect_counts(&r, 3, 2, 2, 0);
	run_free(&r);
}

static void test_csv_lone_cr_line_numbers_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\r1,a\rx,b\r\ry,c\r", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect(&r, 1, "type", 3, 5, 1, "id");
	expect_val(&r, 1, "y", 1);
	expect_counts(&r, 3, 2, 2, 0);
	run_free(&r);
}

static void test_csv_mixed_line_endings_line_numbers_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n1,a\r\nx,b\ry,c\n\r\rz,d", &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect(&r, 1, "type", 3, 4, 1, "id");
	expect(&r, 2, "type", 4, 7, 1, "id");
	expect_val(&r, 2, "z", 1);
	run_free(&r);
}

/* ---- quoting ---- */

static void test_csv_quoted_newlines_next_record_line_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n1,\"a\nb\r\nc\rd\"\nx,y\n\"2\",\"q\"\"\"\nz,w\n", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, 6, 1, "id");
	expect(&r, 1, "type", 4, 8, 1, "id");
	expect_counts(&r, 4, 2, 2, 0);
	run_free(&r);
}

static void test_csv_quoted_value_is_unescaped(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"  - name: s\n"
		"    type: string\n"
		"    max_length: 2\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "id,s\n1,\"a,\"\n2,\"a\"\"b\"\n3,\"x\ny\"\n", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "max_length", 2, 3, 2, "s");
	expect_val(&r, 0, "a\"b", 3);
	expect(&r, 1, "max_length", 3, 4, 2, "s");
	expect_val(&r, 1, "x\ny", 3);
	run_free(&r);
}

static void test_csv_unterminated_quote_at_eof_is_malformed(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n1,a\n2,\"abc\n3,x\n4,y\n", &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 2, 3, 2, NULL);
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

static void test_csv_unterminated_quote_in_first_field(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n\"1,a", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 1, 2, 1, NULL);
	expect_counts(&r, 1, 1, 1, 0);
	run_free(&r);
}

static void test_csv_custom_delimiter_and_quote(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"input:\n"
		"  delimiter: ';'\n"
		"  quote: \"'\"\n"
		"columns:\n"
		"  - name: a\n"
		"    type: string\n"
		"    max_length: 3\n"
		"  - name: b\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a;b\n'x;y';2\n'x;yz';3\n\"qq\";x\n'it''s';4\n", &r);
	assert_int_equal(r.n, 4);
	expect(&r, 0, "max_length", 2, 3, 1, "a");
	expect_val(&r, 0, "x;yz", 4);
	expect(&r, 1, "max_length", 3, 4, 1, "a"); /* '"' is not the quote */
	expect_val(&r, 1, "\"qq\"", 4);
	expect(&r, 2, "type", 3, 4, 2, "b");
	expect(&r, 3, "max_length", 4, 5, 1, "a");
	expect_val(&r, 3, "it's", 4);
	run_free(&r);
}

static void test_csv_tsv_format_uses_tab(void **state)
{
	struct run r = RUN_INIT;
	struct run_cfg cfg = { .format = DCVAL_FORMAT_TSV, .max_field = 0,
				.quarantine = false, .flags = 0 };
	static const char data[] = "id\ts\n1\ta,b\nx\ty\n";

	(void)state;
	run_cfg(ID_S, data, sizeof(data) - 1, &cfg, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

/* ---- ragged rows, nulls, blank lines ---- */

static void test_csv_ragged_rows_field_count_position(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ABC, "a,b,c\n1,x\n1,x,2,3\n1,x,3\n5\n", &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "field_count", 1, 2, 3, NULL);
	expect(&r, 1, "field_count", 2, 3, 4, NULL);
	expect(&r, 2, "field_count", 4, 5, 2, NULL);
	expect_counts(&r, 4, 3, 3, 0);
	run_free(&r);
}

static void test_csv_ragged_row_present_fields_still_checked(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ABC, "a,b,c\nx,y\n", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "field_count", 1, 2, 3, NULL);
	expect(&r, 1, "type", 1, 2, 1, "a");
	expect_counts(&r, 1, 1, 2, 0);
	run_free(&r);
}

static void test_csv_blank_lines_skipped_but_counted_as_lines(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,s\n\n1,a\n\r\n\n\rx,b\n\n", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, 7, 1, "id");
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

static void test_csv_row_of_empty_fields_is_record_of_nulls(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: a\n"
		"    type: integer\n"
		"    required: true\n"
		"  - name: b\n"
		"    type: string\n"
		"    required: true\n"
		"  - name: c\n"
		"    type: date\n"
		"    required: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b,c\n,,\n", &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "required", 1, 2, 1, "a");
	expect(&r, 1, "required", 1, 2, 2, "b");
	expect(&r, 2, "required", 1, 2, 3, "c");
	expect_counts(&r, 1, 1, 3, 0);
	run_free(&r);
}

static void test_csv_null_tokens_and_quoted_empty(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"input:\n"
		"  null_values: ['', NA]\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"    required: true\n"
		"  - name: n\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "id,n\nNA,NA\n\"\",\"\"\nna,\n1,NA\n", &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "required", 1, 2, 1, "id");
	expect(&r, 1, "required", 2, 3, 1, "id");
	expect(&r, 2, "type", 3, 4, 1, "id"); /* tokens are case-sensitive */
	expect_val(&r, 2, "na", 2);
	expect_counts(&r, 4, 3, 3, 0);
	run_free(&r);
}

static void test_csv_default_null_is_only_empty(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "id\n\"\"\nNA\nnull\n", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, 3, 1, "id");
	expect(&r, 1, "type", 3, 4, 1, "id");
	expect_counts(&r, 3, 2, 2, 0);
	run_free(&r);
}

/* ---- bad bytes ---- */

static void test_csv_invalid_utf8_is_encoding_violation(void **state)
{
	static const char data[] = "id,s\n1,a\xff" "b\n2,\xc3\x28\n3,\xc3\xa9\n";
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_S, data, sizeof(data) - 1, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "encoding", 1, 2, 2, NULL);
	expect_val(&r, 0, "a\xff" "b", 3);
	expect(&r, 1, "encoding", 2, 3, 2, NULL);
	expect_counts(&r, 3, 2, 2, 0);
	run_free(&r);
}

static void test_csv_invalid_utf8_skips_value_checks(void **state)
{
	static const char data[] = "id,s\n\xff,a\n";
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_S, data, sizeof(data) - 1, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "encoding", 1, 2, 1, NULL);
	expect_counts(&r, 1, 1, 1, 0);
	run_free(&r);
}

static void test_csv_nul_bytes_inside_fields(void **state)
{
	static const char data[] = "id,s\n1\0" "2,a\0b\n3,\"x\0\"\n";
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"  - name: s\n"
		"    type: string\n"
		"    max_length: 2\n";
	struct run r = RUN_INIT;

	(void)state;
	run_len(yaml, data, sizeof(data) - 1, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 1, 2, 1, "id");
	expect_val(&r, 0, "1\0" "2", 3);
	expect(&r, 1, "max_length", 1, 2, 2, "s");
	expect_val(&r, 1, "a\0b", 3);
	expect_counts(&r, 2, 1, 2, 0);
	run_free(&r);
}

/* ---- chunk boundary ---- */

/* Records of 100 bytes; the one straddling the first chunk's end is bad. */
static void test_csv_record_spanning_chunk_boundary(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	size_t off_bad = 0, off_last = 0;
	uint64_t k, rec_bad = 0;

	(void)state;
	sb_str(&b, "id,s\n");
	for (k = 1; b.n < 320 * 1024; k++) {
		bool straddles = b.n < DV_SOURCE_CHUNK && b.n + 100 > DV_SOURCE_CHUNK;

		if (straddles) {
			off_bad = b.n;
			rec_bad = k;
		}
		off_last = b.n;
		sb_record(&b, straddles ? "x" : "1", 100, "\n");
	}
	assert_true(rec_bad > 0);
	/* the last record gets a bad id too */
	b.p[off_last] = 'y';
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", rec_bad, line_at(b.p, off_bad), 1, "id");
	expect(&r, 1, "type", k - 1, line_at(b.p, off_last), 1, "id");
	expect_counts(&r, k - 1, 2, 2, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* A quoted field with line breaks spans the chunk boundary. */
static void test_csv_quoted_newlines_spanning_chunk_boundary(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	size_t off_x, off_z;
	uint64_t k = 0, rec_x;
	int i;

	(void)state;
	sb_str(&b, "id,s\n");
	while (b.n + 100 < DV_SOURCE_CHUNK - 300) {
		sb_record(&b, "1", 100, "\n");
		k++;
	}
	sb_str(&b, "2,\"");
	for (i = 0; i < 100; i++)
		sb_str(&b, i % 2 ? "abcdefghi\r\n" : "abcdefghij\n");
	sb_str(&b, "\"\n");
	k++;
	assert_true(b.n > DV_SOURCE_CHUNK);
	off_x = b.n;
	sb_str(&b, "x,b\n");
	rec_x = ++k;
	while (b.n < 300 * 1024) {
		sb_record(&b, "1", 100, "\n");
		k++;
	}
	off_z = b.n;
	sb_str(&b, "z,b\r\n");
	k++;
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", rec_x, line_at(b.p, off_x), 1, "id");
	expect(&r, 1, "type", k, line_at(b.p, off_z), 1, "id");
	expect_counts(&r, k, 2, 2, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/*
 * Build header + 100-byte records, then one record whose line break is
 * `eol` placed so that its first byte is the last byte of the first
 * chunk, then "x,b\r\n" and more records; returns the bad record's offset.
 */
static size_t build_eol_at_chunk_end(struct sb *b, const char *eol,
				     const char *blank, uint64_t *rec_bad)
{
	uint64_t k = 0;
	size_t off_bad;

	sb_str(b, "id,s\r\n");
	while (b->n + 200 < DV_SOURCE_CHUNK) {
		sb_record(b, "1", 100, "\r\n");
		k++;
	}
	/* the line break's first byte is byte DV_SOURCE_CHUNK - 1 */
	sb_record(b, "1", DV_SOURCE_CHUNK - 1 - b->n + strlen(eol), eol);
	k++;
	assert_int_equal(b->p[DV_SOURCE_CHUNK - 1], '\r');
	sb_str(b, blank);
	off_bad = b->n;
	sb_str(b, "x,b\r\n");
	k++;
	*rec_bad = k;
	while (b->n < 300 * 1024)
		sb_record(b, "1", 100, "\r\n");
	return off_bad;
}

static void test_csv_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	uint64_t rec_bad;
	size_t off = build_eol_at_chunk_end(&b, "\r\n", "", &rec_bad);

	(void)state;
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", rec_bad, line_at(b.p, off), 1, "id");
	assert_int_equal(r.counts.invalid_records, 1);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_lone_cr_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	uint64_t rec_bad;
	size_t off = build_eol_at_chunk_end(&b, "\r", "", &rec_bad);

	(void)state;
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", rec_bad, line_at(b.p, off), 1, "id");
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_blank_crlf_line_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	uint64_t rec_bad;
	size_t off;

	(void)state;
	/* the record ends with "\r\n" before the boundary; a blank "\r\n" straddles */
	sb_str(&b, "id,s\r\n");
	rec_bad = 0;
	while (b.n + 200 < DV_SOURCE_CHUNK) {
		sb_record(&b, "1", 100, "\r\n");
		rec_bad++;
	}
	sb_record(&b, "1", DV_SOURCE_CHUNK - 1 - b.n, "\r\n");
	rec_bad++;
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 3], '\r');
	sb_str(&b, "\r\n\r\n");
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 1], '\r');
	off = b.n;
	sb_str(&b, "x,b\r\n");
	rec_bad++;
	while (b.n < 300 * 1024)
		sb_record(&b, "1", 100, "\r\n");
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", rec_bad, line_at(b.p, off), 1, "id");
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* A quoted field holds a "\r\n" split by the chunk boundary. */
static void test_csv_quoted_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	uint64_t k = 0;
	size_t off;

	(void)state;
	sb_str(&b, "id,s\n");
	while (b.n + 200 < DV_SOURCE_CHUNK) {
		sb_record(&b, "1", 100, "\n");
		k++;
	}
	sb_str(&b, "2,\"");
	sb_fill(&b, 'q', DV_SOURCE_CHUNK - 1 - b.n);
	sb_str(&b, "\r\nrest\r\nmore\"\n");
	k++;
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 1], '\r');
	off = b.n;
	sb_str(&b, "x,b\n");
	k++;
	while (b.n < 300 * 1024)
		sb_record(&b, "1", 100, "\n");
	run_len(ID_S, b.p, b.n, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", k, line_at(b.p, off), 1, "id");
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* ---- records over the field size cap ---- */

static void test_csv_oversized_record_is_one_malformed_and_resyncs(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n3,c\ny,d\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "malformed", 2, 3, 0, NULL);
	expect(&r, 1, "type", 3, 4, 1, "id");
	expect(&r, 2, "type", 5, 6, 1, "id");
	expect_counts(&r, 5, 3, 3, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_oversized_quoted_record_with_newlines_resyncs(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	int i;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"");
	for (i = 0; i < 40; i++) {
		sb_fill(&b, 'z', 99);
		sb_str(&b, i % 3 ? "\n" : "\r\n");
	}
	sb_str(&b, "a \"\"quoted\"\", b\n\"\r\nx,b\n3,c\ny,d\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "malformed", 2, 3, 0, NULL);
	expect(&r, 1, "type", 3, 45, 1, "id");
	expect(&r, 2, "type", 5, 47, 1, "id");
	expect_counts(&r, 5, 3, 3, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* A quote inside an unquoted field is a literal byte (Python's csv): it
 * must not make the oversized record's scan swallow later records. */
static void test_csv_oversized_record_with_literal_quote_resyncs(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,ab\"c");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n3,c\ny,d\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "malformed", 2, 3, 0, NULL);
	expect(&r, 1, "type", 3, 4, 1, "id");
	expect(&r, 2, "type", 5, 6, 1, "id");
	expect_counts(&r, 5, 3, 3, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* Text after a closing quote does not reopen the quotes (Python's csv):
 * the record ends at that line's end, and the oversized line after it is
 * a record of its own, whose quotes are literal bytes. */
static void test_csv_oversized_record_after_text_after_close_quote(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"ab\"c\n");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\"\"\"\nx,b\n3,c\ny,d\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 4);
	expect(&r, 0, "malformed", 2, 3, 2, NULL);
	expect(&r, 1, "malformed", 3, 4, 0, NULL);
	expect(&r, 2, "type", 4, 5, 1, "id");
	expect(&r, 3, "type", 6, 7, 1, "id");
	expect_counts(&r, 6, 4, 4, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_oversized_record_at_eof(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"");
	sb_fill(&b, 'z', 3000);
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 2, 3, 0, NULL);
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_oversized_header_is_malformed(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,");
	sb_fill(&b, 's', 2000);
	sb_str(&b, "\n1,a\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 0, 1, 0, NULL);
	expect_counts(&r, 0, 0, 1, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

static void test_csv_oversized_record_fail_fast_is_counted(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = false, .flags = DCVAL_VALIDATE_FAIL_FAST };
	struct sb b = { 0 };
	struct run r = RUN_INIT;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.st, DCVAL_STOP);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 2, 3, 0, NULL);
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* ---- quarantine ---- */

/* valid and invalid each start with `header`; their records, merged in
 * input order, are `records`. Checks each side holds what it should. */
static void expect_quarantine(const struct run *r, const char *header,
			      const char *valid_recs, const char *invalid_recs)
{
	size_t h = strlen(header);

	assert_int_equal(r->valid_len, h + strlen(valid_recs));
	assert_int_equal(r->invalid_len, h + strlen(invalid_recs));
	assert_memory_equal(r->valid, header, h);
	assert_memory_equal(r->invalid, header, h);
	assert_memory_equal(r->valid + h, valid_recs, strlen(valid_recs));
	assert_memory_equal(r->invalid + h, invalid_recs, strlen(invalid_recs));
}

static void test_csv_quarantine_splits_records_byte_exact(void **state)
{
	static const char data[] =
		"id,s\r\n1,a\r\nx,b\r\n2,\"multi\r\nline\"\n\"3\",c\r\"y\",d\n4,e";
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct run r = RUN_INIT;

	(void)state;
	run_cfg(ID_S, data, sizeof(data) - 1, &cfg, &r);
	assert_int_equal(r.n, 2);
	expect_counts(&r, 6, 2, 2, 0);
	expect_quarantine(&r, "id,s\r\n",
			  "1,a\r\n2,\"multi\r\nline\"\n\"3\",c\r4,e\n",
			  "x,b\r\n\"y\",d\n");
	run_free(&r);
}

static void test_csv_quarantine_header_only_to_both(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct run r = RUN_INIT;

	(void)state;
	run_cfg(ID_S, "id,s\n", 5, &cfg, &r);
	expect_quarantine(&r, "id,s\n", "", "");
	run_free(&r);
}

/* The outputs start as the input did: the byte order mark, then the
 * header line, on both sides; a header-less input gets the mark alone. */
static void test_csv_quarantine_bom_starts_both_outputs(void **state)
{
	static const char data[] = "\xef\xbb\xbfid,s\n1,a\n";
	static const char pos_yaml[] =
		"contract: t\ninput: {header: false}\ncolumns:\n"
		"  - {name: id, type: integer}\n";
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct run r = RUN_INIT;

	(void)state;
	run_cfg(ID_S, data, sizeof(data) - 1, &cfg, &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.valid_len, 12);
	assert_memory_equal(r.valid, "\xef\xbb\xbfid,s\n1,a\n", 12);
	assert_int_equal(r.invalid_len, 8);
	assert_memory_equal(r.invalid, "\xef\xbb\xbfid,s\n", 8);
	run_cfg(pos_yaml, "\xef\xbb\xbf" "7\nx\n", 7, &cfg, &r);
	assert_int_equal(r.valid_len, 5);
	assert_memory_equal(r.valid, "\xef\xbb\xbf" "7\n", 5);
	assert_int_equal(r.invalid_len, 5);
	assert_memory_equal(r.invalid, "\xef\xbb\xbf" "x\n", 5);
	run_free(&r);
}

static void test_csv_quarantine_malformed_and_ragged_go_invalid(void **state)
{
	static const char data[] = "id,s\n1,a\n2\n3,b,c\n4,d\n5,\"open\nend";
	static const char data_bad_utf8[] = "id,s\n1,\xff\n2,b\n";
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct run r = RUN_INIT;

	(void)state;
	run_cfg(ID_S, data, sizeof(data) - 1, &cfg, &r);
	expect_counts(&r, 5, 3, 3, 0);
	expect_quarantine(&r, "id,s\n", "1,a\n4,d\n",
			  "2\n3,b,c\n5,\"open\nend\n");
	run_free(&r);
	run_cfg(ID_S, data_bad_utf8, sizeof(data_bad_utf8) - 1, &cfg, &r);
	expect_quarantine(&r, "id,s\n", "2,b\n", "1,\xff\n");
	run_free(&r);
}

static void test_csv_quarantine_oversized_record_streamed_whole(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = true, .flags = 0 };
	struct sb b = { 0 }, big = { 0 };
	struct run r = RUN_INIT;
	int i;

	(void)state;
	sb_str(&big, "2,\"");
	for (i = 0; i < 30; i++) {
		sb_fill(&big, 'z', 98);
		sb_str(&big, "\r\n");
	}
	sb_str(&big, "\"\r\n");
	sb_str(&b, "id,s\r\n1,a\r\n");
	sb_add(&b, big.p, big.n);
	sb_str(&b, "x,b\r\n3,c\r\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 1, "type", 3, 34, 1, "id");
	expect_counts(&r, 4, 2, 2, 0);
	sb_str(&big, "x,b\r\n");
	expect_quarantine(&r, "id,s\r\n", "1,a\r\n3,c\r\n", big.p);
	run_free(&r);
	free(b.p);
	free(big.p);
	run_free(&r);
}

/* Large input: every record on exactly one side, byte for byte. */
static void test_csv_quarantine_large_input_concatenation(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct sb b = { 0 }, valid = { 0 }, invalid = { 0 };
	struct run r = RUN_INIT;
	size_t start;
	int k;

	(void)state;
	sb_str(&b, "id,s\r\n");
	for (k = 0; b.n < 700 * 1024; k++) {
		start = b.n;
		if (k % 97 == 0)
			sb_str(&b, "bad,\"x\r\ny\"\r\n");
		else if (k % 89 == 0)
			sb_str(&b, "1,\"q\rq\"\r");
		else
			sb_record(&b, "7", 37 + (size_t)(k % 13), k % 2 ? "\r\n" : "\n");
		if (k % 97 == 0)
			sb_add(&invalid, b.p + start, b.n - start);
		else
			sb_add(&valid, b.p + start, b.n - start);
	}
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.counts.records, (uint64_t)k);
	expect_quarantine(&r, "id,s\r\n", valid.p, invalid.p);
	run_free(&r);
	free(b.p);
	free(valid.p);
	free(invalid.p);
	run_free(&r);
}

static void test_csv_quarantine_crlf_split_at_chunk_end(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	uint64_t rec_bad;
	size_t off = build_eol_at_chunk_end(&b, "\r\n", "", &rec_bad);

	(void)state;
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.invalid_len, 6 + 5);
	assert_memory_equal(r.invalid + 6, "x,b\r\n", 5);
	assert_int_equal(r.valid_len, b.n - 5);
	assert_memory_equal(r.valid, b.p, off);
	assert_memory_equal(r.valid + off, b.p + off + 5, b.n - off - 5);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/* An oversized record whose "\r\n" is split by the chunk boundary: the
 * '\n' belongs to the record and goes to the invalid output with it. */
static void test_csv_quarantine_oversized_crlf_split_at_chunk_end(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 1024,
				.quarantine = true, .flags = 0 };
	struct sb b = { 0 };
	struct run r = RUN_INIT;
	size_t start, off;
	uint64_t k = 0;

	(void)state;
	sb_str(&b, "id,s\r\n");
	while (b.n + 3000 < DV_SOURCE_CHUNK) {
		sb_record(&b, "1", 100, "\r\n");
		k++;
	}
	start = b.n;
	sb_record(&b, "2", DV_SOURCE_CHUNK - 1 - b.n + 2, "\r\n");
	k++;
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 1], '\r');
	off = b.n;
	sb_str(&b, "x,b\r\n");
	k++;
	while (b.n < 300 * 1024)
		sb_record(&b, "1", 100, "\r\n");
	run_cfg(ID_S, b.p, b.n, &cfg, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", k - 1, line_at(b.p, start), 0, NULL);
	expect(&r, 1, "type", k, line_at(b.p, off), 1, "id");
	assert_int_equal(r.invalid_len, 6 + (off - start) + 5);
	assert_memory_equal(r.invalid + 6, b.p + start, off - start + 5);
	assert_int_equal(r.valid_len, b.n - (off - start) - 5);
	run_free(&r);
	free(b.p);
	run_free(&r);
}

/*
 * Unquoted fields are split with memchr() on the delimiter, quoted ones
 * scanned for the quote: unquoted, partly and fully quoted lines must
 * give the same fields, lines and counts.
 */
static void test_csv_unquoted_and_quoted_fields_read_alike(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - {name: a, type: integer}\n"
		"  - {name: b, type: integer}\n"
		"  - {name: c, type: integer}\n";
	static const char plain[] =
		"a,b,c\r\nx,,y z\n\n,1,\r2,w ,\t\r\nq,r\n";
	static const char quoted[] =
		"a,b,c\r\n\"x\",\"\",\"y z\"\n\n\"\",1,\"\"\r2,\"w \",\"\t\"\r\n"
		"\"q\",r\n";
	static const char partly[] =
		"a,b,c\r\nx,,\"y z\"\n\n,1,\"\"\r2,w ,\"\t\"\r\nq,\"r\"\n";
	struct run r1 = RUN_INIT, r2 = RUN_INIT, r3 = RUN_INIT;
	size_t i;

	(void)state;
	run1(yaml, plain, &r1);
	run1(yaml, partly, &r3);
	assert_string_equal(r1.digest, r3.digest);
	for (i = 0; i < r1.n; i++)
		assert_memory_equal(r1.v[i].value, r3.v[i].value, r1.v[i].value_len);
	run_free(&r3);
	run1(yaml, quoted, &r2);
	assert_string_equal(r1.digest, r2.digest);
	assert_int_equal(r1.n, r2.n);
	for (i = 0; i < r1.n; i++) {
		assert_int_equal(r1.v[i].value_len, r2.v[i].value_len);
		assert_memory_equal(r1.v[i].value, r2.v[i].value, r1.v[i].value_len);
	}
	expect_counts(&r1, 4, 3, 7, 0);
	assert_string_equal(r1.digest,
			    "type:1:2:1:a type:1:2:3:c type:3:5:2:b type:3:5:3:c "
			    "field_count:4:6:3:- type:4:6:1:a type:4:6:2:b");
	run_free(&r1);
	run_free(&r2);
}

/* ---- Python's csv boundaries (issue "Nothing lost") ---- */

/* A quote that closes mid-field makes its record one malformed
 * violation, and nothing more; the lines after it are records. */
static void test_csv_text_after_closing_quote_is_one_malformed_record(void **state)
{
	static const char yaml[] =
		"contract: t\ncolumns:\n"
		"  - {name: id, type: integer}\n"
		"  - {name: name, type: string, max_length: 3}\n"
		"  - {name: n, type: integer}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "id,name,n\n1,\"Mooi & Anders\": tokens,5\n2,plain,6\n"
		   "3,\"x\",7\n4,y,8\n", &r);
	assert_string_equal(r.digest, "malformed:1:2:2:- max_length:2:3:2:name");
	assert_string_equal(r.v[0].detail,
			    "closing quote is followed by text, not by the delimiter or the line end");
	assert_false(r.v[0].has_value);
	expect_counts(&r, 4, 2, 2, 0);
	run_free(&r);
}

/* A header whose quoting went wrong is reported (record null) and its
 * names, as Python reads them, are used. */
static void test_csv_malformed_header_is_reported_and_used(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_S, "id,\"s\"x\n1,a\n", &r);
	assert_string_equal(r.digest, "malformed:0:1:2:- missing_column:0:0:0:s "
				      "extra_column:0:1:2:sx");
	expect_counts(&r, 1, 0, 3, 0);
	run_free(&r);
}

/* input.quote: null: every quote byte is literal, a quoted field is not. */
static void test_csv_quote_null_reads_quotes_as_bytes(void **state)
{
	static const char yaml[] =
		"contract: t\ninput: {quote: null}\ncolumns:\n"
		"  - {name: a, type: string, max_length: 1}\n"
		"  - {name: b, type: integer}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b\n\"x,1\n\"\"\",2\n\"y\",3\n", &r);
	assert_string_equal(r.digest, "max_length:1:2:1:a max_length:2:3:1:a "
				      "max_length:3:4:1:a");
	expect_val(&r, 0, "\"x", 2);
	expect_val(&r, 1, "\"\"\"", 3);
	expect_val(&r, 2, "\"y\"", 3);
	expect_counts(&r, 3, 3, 3, 0);
	run_free(&r);
}

static void test_csv_header_invalid_utf8_is_encoding_violation(void **state)
{
	static const char yaml[] =
		"contract: t\nschema: {extra_columns: ignore}\ncolumns:\n"
		"  - {name: a, type: integer}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b\xff" "c,\xc3\n1,2,3\n", &r);
	assert_string_equal(r.digest, "encoding:0:1:2:- encoding:0:1:3:-");
	expect_val(&r, 0, "b\xff" "c", 3);
	assert_false(r.v[0].redacted);
	expect_counts(&r, 1, 0, 2, 0);
	run_free(&r);
}

/* The encoding violation of a sensitive column's field is redacted; an
 * other column's is not. */
static void test_csv_invalid_utf8_in_sensitive_column_is_redacted(void **state)
{
	static const char yaml[] =
		"contract: t\ncolumns:\n"
		"  - {name: user, type: string}\n"
		"  - {name: pw, type: string, sensitive: true}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "user,pw\nbob,hu\xffnter4\nal\xff" "ce,x\n", &r);
	assert_string_equal(r.digest, "encoding:1:2:2:- encoding:2:3:1:-");
	assert_true(r.v[0].redacted);
	assert_false(r.v[1].redacted);
	run_free(&r);
}

/* Several inputs, one quarantine output: one header line (the first
 * input's; another line end is the same header), a "\n" after a last
 * record that had none (also a streamed oversized one), and the byte
 * order mark of the first input only. */
static void test_csv_quarantine_several_inputs_one_header(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 64,
				.quarantine = true, .flags = 0 };
	struct input in[3] = {
		{ "\xef\xbb\xbfid,s\n1,a\n2,b", 0 },
		{ "id,s\r\n3,c\r\nx,d\r\n4,\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 0 },
		{ "\xef\xbb\xbfid,s\n5,e\n", 0 },
	};
	struct run r = RUN_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		in[i].len = strlen(in[i].data);
	run_inputs(ID_S, in, 3, &cfg, &r);
	assert_int_equal(r.st, DCVAL_OK);
	expect_counts(&r, 6, 2, 2, 0);
	assert_string_equal(r.valid, "\xef\xbb\xbfid,s\n1,a\n2,b\n3,c\r\n5,e\n");
	assert_string_equal(r.invalid, "\xef\xbb\xbfid,s\nx,d\r\n4,\"zzzzzzzzzzzzzzzzzzzz"
				       "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n");
	run_free(&r);
}

/* An input whose header line differs cannot join the outputs: the run
 * stops with an input error there, the earlier records are written. */
static void test_csv_quarantine_other_header_cannot_join(void **state)
{
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV, .max_field = 0,
				.quarantine = true, .flags = 0 };
	const struct input in[2] = { { "id,s\n1,a\n", 9 }, { "s,id\na,2\n", 9 } };
	struct run r = RUN_INIT;

	(void)state;
	run_inputs(ID_S, in, 2, &cfg, &r);
	assert_int_equal(r.st, DCVAL_EIO);
	assert_int_equal(r.n, 0);
	expect_counts(&r, 1, 0, 0, 0);
	assert_string_equal(r.valid, "id,s\n1,a\n");
	assert_string_equal(r.invalid, "id,s\n");
	run_free(&r);
	/* without quarantine outputs any header may follow */
	cfg.quarantine = false;
	run_inputs(ID_S, in, 2, &cfg, &r);
	assert_int_equal(r.st, DCVAL_OK);
	expect_counts(&r, 2, 0, 0, 0);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_unquoted_and_quoted_fields_read_alike),
		cmocka_unit_test(test_csv_header_maps_columns_by_name_in_any_order),
		cmocka_unit_test(test_csv_header_false_maps_columns_by_position),
		cmocka_unit_test(test_csv_header_false_empty_file_has_no_violation),
		cmocka_unit_test(test_csv_bom_is_not_part_of_first_name),
		cmocka_unit_test(test_csv_header_only_file_is_valid),
		cmocka_unit_test(test_csv_empty_file_is_header_violation),
		cmocka_unit_test(test_csv_only_blank_lines_is_header_violation),
		cmocka_unit_test(test_csv_header_after_blank_lines_keeps_line_numbers),
		cmocka_unit_test(test_csv_crlf_line_numbers_exact),
		cmocka_unit_test(test_csv_lone_cr_line_numbers_exact),
		cmocka_unit_test(test_csv_mixed_line_endings_line_numbers_exact),
		cmocka_unit_test(test_csv_quoted_newlines_next_record_line_exact),
		cmocka_unit_test(test_csv_quoted_value_is_unescaped),
		cmocka_unit_test(test_csv_unterminated_quote_at_eof_is_malformed),
		cmocka_unit_test(test_csv_unterminated_quote_in_first_field),
		cmocka_unit_test(test_csv_custom_delimiter_and_quote),
		cmocka_unit_test(test_csv_tsv_format_uses_tab),
		cmocka_unit_test(test_csv_ragged_rows_field_count_position),
		cmocka_unit_test(test_csv_ragged_row_present_fields_still_checked),
		cmocka_unit_test(test_csv_blank_lines_skipped_but_counted_as_lines),
		cmocka_unit_test(test_csv_row_of_empty_fields_is_record_of_nulls),
		cmocka_unit_test(test_csv_null_tokens_and_quoted_empty),
		cmocka_unit_test(test_csv_default_null_is_only_empty),
		cmocka_unit_test(test_csv_invalid_utf8_is_encoding_violation),
		cmocka_unit_test(test_csv_invalid_utf8_skips_value_checks),
		cmocka_unit_test(test_csv_nul_bytes_inside_fields),
		cmocka_unit_test(test_csv_record_spanning_chunk_boundary),
		cmocka_unit_test(test_csv_quoted_newlines_spanning_chunk_boundary),
		cmocka_unit_test(test_csv_crlf_split_at_chunk_end),
		cmocka_unit_test(test_csv_lone_cr_at_chunk_end),
		cmocka_unit_test(test_csv_blank_crlf_line_split_at_chunk_end),
		cmocka_unit_test(test_csv_quoted_crlf_split_at_chunk_end),
		cmocka_unit_test(test_csv_oversized_record_is_one_malformed_and_resyncs),
		cmocka_unit_test(test_csv_oversized_quoted_record_with_newlines_resyncs),
		cmocka_unit_test(test_csv_oversized_record_with_literal_quote_resyncs),
		cmocka_unit_test(test_csv_oversized_record_after_text_after_close_quote),
		cmocka_unit_test(test_csv_oversized_record_at_eof),
		cmocka_unit_test(test_csv_oversized_header_is_malformed),
		cmocka_unit_test(test_csv_oversized_record_fail_fast_is_counted),
		cmocka_unit_test(test_csv_quarantine_splits_records_byte_exact),
		cmocka_unit_test(test_csv_quarantine_header_only_to_both),
		cmocka_unit_test(test_csv_quarantine_bom_starts_both_outputs),
		cmocka_unit_test(test_csv_quarantine_malformed_and_ragged_go_invalid),
		cmocka_unit_test(test_csv_quarantine_oversized_record_streamed_whole),
		cmocka_unit_test(test_csv_quarantine_large_input_concatenation),
		cmocka_unit_test(test_csv_quarantine_crlf_split_at_chunk_end),
		cmocka_unit_test(test_csv_quarantine_oversized_crlf_split_at_chunk_end),
		cmocka_unit_test(test_csv_text_after_closing_quote_is_one_malformed_record),
		cmocka_unit_test(test_csv_malformed_header_is_reported_and_used),
		cmocka_unit_test(test_csv_quote_null_reads_quotes_as_bytes),
		cmocka_unit_test(test_csv_header_invalid_utf8_is_encoding_violation),
		cmocka_unit_test(test_csv_invalid_utf8_in_sensitive_column_is_redacted),
		cmocka_unit_test(test_csv_quarantine_several_inputs_one_header),
		cmocka_unit_test(test_csv_quarantine_other_header_cannot_join),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

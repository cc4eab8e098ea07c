/*
 * Unit tests of the CSV and TSV reader (src/read/csv.c) through the public
 * API: a contract from a YAML string, a validator whose callback records
 * every violation, inputs from fmemopen() streams, quarantine outputs in
 * open_memstream() buffers. Line numbers, record numbers and field
 * positions are checked exactly, also across the reader's chunk boundary.
 *
 * Most scenarios are rows of one table (struct tcase, harness.h): input
 * bytes, contract, expected violations, counts and quarantine outputs;
 * a row whose bytes hold no quote or tab runs as tsv too. Inputs built
 * at run time (chunk boundaries, oversized records) are functions that
 * fill in a case and run it with run_case_with().
 */
#include "unit.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "harness.h"
#include "read/source.h"

#define ID_S_COLUMNS \
	"columns:\n" \
	"  - name: id\n" \
	"    type: integer\n" \
	"  - name: s\n" \
	"    type: string\n"

#define ID_S "contract: t\n" ID_S_COLUMNS

/* ID_S with s at most 2 characters long. */
#define ID_S2 ID_S "    max_length: 2\n"

#define ABC \
	"contract: t\n" \
	"columns:\n" \
	"  - name: a\n" \
	"    type: integer\n" \
	"  - name: b\n" \
	"    type: string\n" \
	"  - name: c\n" \
	"    type: integer\n"

#define QUARANTINE .cfg = { .quarantine = true }

static const struct tcase cases[] = {
	/* ---- header ---- */
	{ "csv_header_maps_columns_by_name_in_any_order", ABC,
	  { "c,b,a\n1,x,2\n3,y,z\nq,w,4\n" },
	  .digest = "type:2:3:3:a type:3:4:1:c",
	  .want = { VAL(0, "z"), VAL(1, "q") }, COUNTS(3, 2, 2, 0) },
	{ "csv_header_false_maps_columns_by_position",
	  "contract: t\ninput:\n  header: false\n" ID_S_COLUMNS,
	  { "1,a\nid,s\n3,c\n" },
	  .digest = "type:2:2:1:id", COUNTS(3, 1, 1, 0) },
	{ "csv_header_false_empty_file_has_no_violation",
	  "contract: t\ninput: {header: false}\ncolumns:\n"
	  "  - name: id\n    type: integer\n",
	  { "" }, .digest = "", COUNTS(0, 0, 0, 0) },
	{ "csv_bom_is_not_part_of_first_name", ID_S,
	  { "\xef\xbb\xbfid,s\n1,a\nx,b\n" },
	  .digest = "type:2:3:1:id", COUNTS(2, 1, 1, 0) },
	{ "csv_header_only_file_is_valid", ID_S, { "id,s\n" },
	  .digest = "", COUNTS(0, 0, 0, 0) },
	{ "csv_header_only_file_without_final_line_break_is_valid", ID_S,
	  { "id,s" }, .digest = "", COUNTS(0, 0, 0, 0) },
	{ "csv_header_only_file_with_blank_lines_after_is_valid", ID_S,
	  { "id,s\r\n\r\n\n" }, .digest = "", COUNTS(0, 0, 0, 0) },
	{ "csv_empty_file_is_header_violation", ID_S, { "" },
	  .digest = "header:0:0:0:-", COUNTS(0, 0, 1, 0) },
	{ "csv_only_blank_lines_is_header_violation", ID_S, { "\n\r\n\r" },
	  .digest = "header:0:0:0:-", COUNTS(0, 0, 1, 0) },
	{ "csv_header_after_blank_lines_keeps_line_numbers", ID_S,
	  { "\n\nid,s\n1,a\nx,b\n" }, .digest = "type:2:5:1:id" },

	/* ---- line endings ---- */
	{ "csv_crlf_line_numbers_exact", ID_S,
	  { "id,s\r\n1,a\r\nx,b\r\n\r\ny,c\r\n" },
	  .digest = "type:2:3:1:id type:3:5:1:id",
	  .want = { VAL(1, "y") }, COUNTS(3, 2, 2, 0) },
	{ "csv_lone_cr_line_numbers_exact", ID_S,
	  { "id,s\r1,a\rx,b\r\ry,c\r" },
	  .digest = "type:2:3:1:id type:3:5:1:id",
	  .want = { VAL(1, "y") }, COUNTS(3, 2, 2, 0) },
	{ "csv_mixed_line_endings_line_numbers_exact", ID_S,
	  { "id,s\n1,a\r\nx,b\ry,c\n\r\rz,d" },
	  .digest = "type:2:3:1:id type:3:4:1:id type:4:7:1:id",
	  .want = { VAL(2, "z") } },

	/* ---- quoting ---- */
	{ "csv_quoted_newlines_next_record_line_exact", ID_S,
	  { "id,s\n1,\"a\nb\r\nc\rd\"\nx,y\n\"2\",\"q\"\"\"\nz,w\n" },
	  .digest = "type:2:6:1:id type:4:8:1:id", COUNTS(4, 2, 2, 0) },
	{ "csv_quoted_value_is_unescaped", ID_S2,
	  { "id,s\n1,\"a,\"\n2,\"a\"\"b\"\n3,\"x\ny\"\n" },
	  .digest = "max_length:2:3:2:s max_length:3:4:2:s",
	  .want = { VAL(0, "a\"b"), VAL(1, "x\ny") } },
	{ "csv_unterminated_quote_at_eof_is_malformed", ID_S,
	  { "id,s\n1,a\n2,\"abc\n3,x\n4,y\n" },
	  .digest = "malformed:2:3:2:-", COUNTS(2, 1, 1, 0) },
	{ "csv_unterminated_quote_in_first_field", ID_S, { "id,s\n\"1,a" },
	  .digest = "malformed:1:2:1:-", COUNTS(1, 1, 1, 0) },
	{ "csv_custom_delimiter_and_quote",
	  "contract: t\ninput:\n  delimiter: ';'\n  quote: \"'\"\ncolumns:\n"
	  "  - name: a\n    type: string\n    max_length: 3\n"
	  "  - name: b\n    type: integer\n",
	  { "a;b\n'x;y';2\n'x;yz';3\n\"qq\";x\n'it''s';4\n" },
	  /* '"' is not the quote: "qq" is a value with its quotes */
	  .digest = "max_length:2:3:1:a max_length:3:4:1:a type:3:4:2:b "
		    "max_length:4:5:1:a",
	  .want = { VAL(0, "x;yz"), VAL(1, "\"qq\""), VAL(3, "it's") } },
	{ "csv_tsv_format_uses_tab", ID_S, { "id\ts\n1\ta,b\nx\ty\n" },
	  .cfg = { .format = DCVAL_FORMAT_TSV },
	  .digest = "type:2:3:1:id", COUNTS(2, 1, 1, 0) },

	/* ---- ragged rows, nulls, blank lines ---- */
	{ "csv_ragged_rows_field_count_position", ABC,
	  { "a,b,c\n1,x\n1,x,2,3\n1,x,3\n5\n" },
	  .digest = "field_count:1:2:3:- field_count:2:3:4:- field_count:4:5:2:-",
	  COUNTS(4, 3, 3, 0) },
	{ "csv_ragged_row_present_fields_still_checked", ABC, { "a,b,c\nx,y\n" },
	  .digest = "field_count:1:2:3:- type:1:2:1:a", COUNTS(1, 1, 2, 0) },
	{ "csv_blank_lines_skipped_but_counted_as_lines", ID_S,
	  { "id,s\n\n1,a\n\r\n\n\rx,b\n\n" },
	  .digest = "type:2:7:1:id", COUNTS(2, 1, 1, 0) },
	{ "csv_row_of_empty_fields_is_record_of_nulls",
	  "contract: t\ncolumns:\n"
	  "  - name: a\n    type: integer\n    required: true\n"
	  "  - name: b\n    type: string\n    required: true\n"
	  "  - name: c\n    type: date\n    required: true\n",
	  { "a,b,c\n,,\n" },
	  .digest = "required:1:2:1:a required:1:2:2:b required:1:2:3:c",
	  COUNTS(1, 1, 3, 0) },
	{ "csv_null_tokens_and_quoted_empty",
	  "contract: t\ninput:\n  null_values: ['', NA]\ncolumns:\n"
	  "  - name: id\n    type: integer\n    required: true\n"
	  "  - name: n\n    type: integer\n",
	  { "id,n\nNA,NA\n\"\",\"\"\nna,\n1,NA\n" },
	  /* tokens are case-sensitive */
	  .digest = "required:1:2:1:id required:2:3:1:id type:3:4:1:id",
	  .want = { VAL(2, "na") }, COUNTS(4, 3, 3, 0) },
	{ "csv_default_null_is_only_empty",
	  "contract: t\ncolumns:\n  - name: id\n    type: integer\n",
	  { "id\n\"\"\nNA\nnull\n" },
	  .digest = "type:2:3:1:id type:3:4:1:id", COUNTS(3, 2, 2, 0) },

	/* ---- bad bytes ---- */
	{ "csv_invalid_utf8_is_encoding_violation", ID_S,
	  BYTES("id,s\n1,a\xff" "b\n2,\xc3\x28\n3,\xc3\xa9\n"),
	  .digest = "encoding:1:2:2:- encoding:2:3:2:-",
	  .want = { VAL(0, "a\xff" "b") }, COUNTS(3, 2, 2, 0) },
	{ "csv_invalid_utf8_skips_value_checks", ID_S, BYTES("id,s\n\xff,a\n"),
	  .digest = "encoding:1:2:1:-", COUNTS(1, 1, 1, 0) },
	{ "csv_nul_bytes_inside_fields", ID_S2,
	  BYTES("id,s\n1\0" "2,a\0b\n3,\"x\0\"\n"),
	  .digest = "type:1:2:1:id max_length:1:2:2:s",
	  .want = { VAL(0, "1\0" "2"), VAL(1, "a\0b") }, COUNTS(2, 1, 2, 0) },

	/* ---- quarantine ---- */
	{ "csv_quarantine_splits_records_byte_exact", ID_S,
	  { "id,s\r\n1,a\r\nx,b\r\n2,\"multi\r\nline\"\n\"3\",c\r\"y\",d\n4,e" },
	  QUARANTINE, .digest = "type:2:3:1:id type:5:7:1:id", COUNTS(6, 2, 2, 0),
	  .valid = "id,s\r\n1,a\r\n2,\"multi\r\nline\"\n\"3\",c\r4,e\n",
	  .invalid = "id,s\r\nx,b\r\n\"y\",d\n" },
	{ "csv_quarantine_header_only_to_both", ID_S, { "id,s\n" }, QUARANTINE,
	  .digest = "", .valid = "id,s\n", .invalid = "id,s\n" },
	/* The outputs start as the input did: the byte order mark, then the
	 * header line, on both sides; a header-less input gets the mark alone. */
	{ "csv_quarantine_bom_starts_both_outputs", ID_S,
	  { "\xef\xbb\xbfid,s\n1,a\n" }, QUARANTINE, .digest = "",
	  .valid = "\xef\xbb\xbfid,s\n1,a\n", .invalid = "\xef\xbb\xbfid,s\n" },
	{ "csv_quarantine_bom_starts_both_outputs_without_header",
	  "contract: t\ninput: {header: false}\ncolumns:\n"
	  "  - {name: id, type: integer}\n",
	  { "\xef\xbb\xbf" "7\nx\n" }, QUARANTINE, .digest = "type:2:2:1:id",
	  .valid = "\xef\xbb\xbf" "7\n", .invalid = "\xef\xbb\xbf" "x\n" },
	{ "csv_quarantine_malformed_and_ragged_go_invalid", ID_S,
	  { "id,s\n1,a\n2\n3,b,c\n4,d\n5,\"open\nend" }, QUARANTINE,
	  .digest = "field_count:2:3:2:- field_count:3:4:3:- malformed:5:6:2:-",
	  COUNTS(5, 3, 3, 0),
	  .valid = "id,s\n1,a\n4,d\n", .invalid = "id,s\n2\n3,b,c\n5,\"open\nend\n" },
	{ "csv_quarantine_bad_utf8_goes_invalid", ID_S,
	  { "id,s\n1,\xff\n2,b\n" }, QUARANTINE, .digest = "encoding:1:2:2:-",
	  .valid = "id,s\n2,b\n", .invalid = "id,s\n1,\xff\n" },
	/* Several inputs, one quarantine output: one header line (the first
	 * input's; another line end is the same header), a "\n" after a last
	 * record that had none (also a streamed oversized one), and the byte
	 * order mark of the first input only. */
	{ "csv_quarantine_several_inputs_one_header", ID_S,
	  { "\xef\xbb\xbfid,s\n1,a\n2,b",
	    "id,s\r\n3,c\r\nx,d\r\n4,\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
	    "\xef\xbb\xbfid,s\n5,e\n" },
	  .cfg = { .max_field = 64, .quarantine = true },
	  .digest = "type:2:3:1:id malformed:3:4:0:-", COUNTS(6, 2, 2, 0),
	  .valid = "\xef\xbb\xbfid,s\n1,a\n2,b\n3,c\r\n5,e\n",
	  .invalid = "\xef\xbb\xbfid,s\nx,d\r\n4,\"zzzzzzzzzzzzzzzzzzzz"
		     "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n" },
	/* An input whose header line differs cannot join the outputs: the run
	 * stops with an input error there, the earlier records are written. */
	{ "csv_quarantine_other_header_cannot_join", ID_S,
	  { "id,s\n1,a\n", "s,id\na,2\n" }, QUARANTINE, .st = DCVAL_EIO,
	  .digest = "", COUNTS(1, 0, 0, 0),
	  .valid = "id,s\n1,a\n", .invalid = "id,s\n" },
	/* without quarantine outputs any header may follow */
	{ "csv_other_header_joins_without_quarantine", ID_S,
	  { "id,s\n1,a\n", "s,id\na,2\n" }, .digest = "", COUNTS(2, 0, 0, 0) },

	/* ---- Python's csv boundaries (issue "Nothing lost") ---- */

	/* A quote that closes mid-field makes its record one malformed
	 * violation, and nothing more; the lines after it are records. */
	{ "csv_text_after_closing_quote_is_one_malformed_record",
	  "contract: t\ncolumns:\n"
	  "  - {name: id, type: integer}\n"
	  "  - {name: name, type: string, max_length: 3}\n"
	  "  - {name: n, type: integer}\n",
	  { "id,name,n\n1,\"Mooi & Anders\": tokens,5\n2,plain,6\n3,\"x\",7\n4,y,8\n" },
	  .digest = "malformed:1:2:2:- max_length:2:3:2:name",
	  .want = { { .i = 0, .has_value = T_NO,
		      .detail = "closing quote is followed by text, not by the "
				"delimiter or the line end" } },
	  COUNTS(4, 2, 2, 0) },
	/* A header whose quoting went wrong is reported (record null) and its
	 * names, as Python reads them, are used. */
	{ "csv_malformed_header_is_reported_and_used", ID_S,
	  { "id,\"s\"x\n1,a\n" },
	  .digest = "malformed:0:1:2:- missing_column:0:0:0:s extra_column:0:1:2:sx",
	  COUNTS(1, 0, 3, 0) },
	/* input.quote: null: every quote byte is literal, a quoted field is not. */
	{ "csv_quote_null_reads_quotes_as_bytes",
	  "contract: t\ninput: {quote: null}\ncolumns:\n"
	  "  - {name: a, type: string, max_length: 1}\n"
	  "  - {name: b, type: integer}\n",
	  { "a,b\n\"x,1\n\"\"\",2\n\"y\",3\n" },
	  .digest = "max_length:1:2:1:a max_length:2:3:1:a max_length:3:4:1:a",
	  .want = { VAL(0, "\"x"), VAL(1, "\"\"\""), VAL(2, "\"y\"") },
	  COUNTS(3, 3, 3, 0) },
	{ "csv_header_invalid_utf8_is_encoding_violation",
	  "contract: t\nschema: {extra_columns: ignore}\ncolumns:\n"
	  "  - {name: a, type: integer}\n",
	  { "a,b\xff" "c,\xc3\n1,2,3\n" },
	  .digest = "encoding:0:1:2:- encoding:0:1:3:-",
	  .want = { { .i = 0, .value = "b\xff" "c", .redacted = T_NO } },
	  COUNTS(1, 0, 2, 0) },
	/* The encoding violation of a sensitive column's field is redacted; an
	 * other column's is not. */
	{ "csv_invalid_utf8_in_sensitive_column_is_redacted",
	  "contract: t\ncolumns:\n"
	  "  - {name: user, type: string}\n"
	  "  - {name: pw, type: string, sensitive: true}\n",
	  { "user,pw\nbob,hu\xffnter4\nal\xff" "ce,x\n" },
	  .digest = "encoding:1:2:2:- encoding:2:3:1:-",
	  .want = { { .i = 0, .redacted = T_YES }, { .i = 1, .redacted = T_NO } } },
};

/* ---- inputs built at run time ---- */

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

/* Run case c (contract ID_S unless set) on the text of b, then free b. */
static void run_sb(struct tcase *c, struct sb *b)
{
	struct input in = { b->p, b->n };

	if (!c->contract)
		c->contract = ID_S;
	run_case_with(c, &in, 1);
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* "RULE:RECORD:LINE:FIELD:COLUMN" appended to the digest d. */
static void dig(char *d, size_t cap, const char *rule, uint64_t record,
		uint64_t line, unsigned field, const char *column)
{
	size_t n = strlen(d);

	snprintf(d + n, cap - n, "%s%s:%" PRIu64 ":%" PRIu64 ":%u:%s",
		 n ? " " : "", rule, record, line, field, column);
}

/* ---- chunk boundary ---- */

/* Records of 100 bytes; the one straddling the first chunk's end is bad. */
static void test_csv_record_spanning_chunk_boundary(void **state)
{
	struct sb b = { 0 };
	char d[128] = "";
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
	dig(d, sizeof(d), "type", rec_bad, line_at(b.p, off_bad), 1, "id");
	dig(d, sizeof(d), "type", k - 1, line_at(b.p, off_last), 1, "id");
	run_sb(&(struct tcase){ .digest = d, COUNTS(k - 1, 2, 2, 0) }, &b);
}

/* A quoted field with line breaks spans the chunk boundary. */
static void test_csv_quoted_newlines_spanning_chunk_boundary(void **state)
{
	struct sb b = { 0 };
	char d[128] = "";
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
	rec_x = ++k;
	dig(d, sizeof(d), "type", rec_x, line_at(b.p, b.n), 1, "id");
	sb_str(&b, "x,b\n");
	while (b.n < 300 * 1024) {
		sb_record(&b, "1", 100, "\n");
		k++;
	}
	dig(d, sizeof(d), "type", ++k, line_at(b.p, b.n), 1, "id");
	sb_str(&b, "z,b\r\n");
	run_sb(&(struct tcase){ .digest = d, COUNTS(k, 2, 2, 0) }, &b);
}

/*
 * Build header + 100-byte records, then one record whose line break is
 * `eol` placed so that its first byte is the last byte of the first
 * chunk, then "x,b\r\n" and more records; returns the bad record's
 * offset, its number in *rec_bad and the number of records in *total.
 */
static size_t build_eol_at_chunk_end(struct sb *b, const char *eol,
				     uint64_t *rec_bad, uint64_t *total)
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
	off_bad = b->n;
	sb_str(b, "x,b\r\n");
	*rec_bad = ++k;
	while (b->n < 300 * 1024) {
		sb_record(b, "1", 100, "\r\n");
		k++;
	}
	*total = k;
	return off_bad;
}

static void test_csv_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	char d[64] = "";
	uint64_t rec_bad, total;
	size_t off = build_eol_at_chunk_end(&b, "\r\n", &rec_bad, &total);

	(void)state;
	dig(d, sizeof(d), "type", rec_bad, line_at(b.p, off), 1, "id");
	run_sb(&(struct tcase){ .digest = d, COUNTS(total, 1, 1, 0) }, &b);
}

static void test_csv_lone_cr_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	char d[64] = "";
	uint64_t rec_bad, total;
	size_t off = build_eol_at_chunk_end(&b, "\r", &rec_bad, &total);

	(void)state;
	dig(d, sizeof(d), "type", rec_bad, line_at(b.p, off), 1, "id");
	run_sb(&(struct tcase){ .digest = d, COUNTS(total, 1, 1, 0) }, &b);
}

static void test_csv_blank_crlf_line_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	char d[64] = "";
	uint64_t rec_bad = 0;

	(void)state;
	/* the record ends with "\r\n" before the boundary; a blank "\r\n" straddles */
	sb_str(&b, "id,s\r\n");
	while (b.n + 200 < DV_SOURCE_CHUNK) {
		sb_record(&b, "1", 100, "\r\n");
		rec_bad++;
	}
	sb_record(&b, "1", DV_SOURCE_CHUNK - 1 - b.n, "\r\n");
	rec_bad++;
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 3], '\r');
	sb_str(&b, "\r\n\r\n");
	assert_int_equal(b.p[DV_SOURCE_CHUNK - 1], '\r');
	dig(d, sizeof(d), "type", ++rec_bad, line_at(b.p, b.n), 1, "id");
	sb_str(&b, "x,b\r\n");
	while (b.n < 300 * 1024)
		sb_record(&b, "1", 100, "\r\n");
	run_sb(&(struct tcase){ .digest = d }, &b);
}

/* A quoted field holds a "\r\n" split by the chunk boundary. */
static void test_csv_quoted_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 };
	char d[64] = "";
	uint64_t k = 0;

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
	dig(d, sizeof(d), "type", ++k, line_at(b.p, b.n), 1, "id");
	sb_str(&b, "x,b\n");
	while (b.n < 300 * 1024)
		sb_record(&b, "1", 100, "\n");
	run_sb(&(struct tcase){ .digest = d }, &b);
}

/* ---- records over the field size cap (max_field 1024) ---- */

#define CAPPED .cfg = { .max_field = 1024 }

static void test_csv_oversized_record_is_one_malformed_and_resyncs(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n3,c\ny,d\n");
	run_sb(&(struct tcase){ CAPPED,
		.digest = "malformed:2:3:0:- type:3:4:1:id type:5:6:1:id",
		COUNTS(5, 3, 3, 0) }, &b);
}

static void test_csv_oversized_quoted_record_with_newlines_resyncs(void **state)
{
	struct sb b = { 0 };
	int i;

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"");
	for (i = 0; i < 40; i++) {
		sb_fill(&b, 'z', 99);
		sb_str(&b, i % 3 ? "\n" : "\r\n");
	}
	sb_str(&b, "a \"\"quoted\"\", b\n\"\r\nx,b\n3,c\ny,d\n");
	run_sb(&(struct tcase){ CAPPED,
		.digest = "malformed:2:3:0:- type:3:45:1:id type:5:47:1:id",
		COUNTS(5, 3, 3, 0) }, &b);
}

/* A quote inside an unquoted field is a literal byte (Python's csv): it
 * must not make the oversized record's scan swallow later records. */
static void test_csv_oversized_record_with_literal_quote_resyncs(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,ab\"c");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n3,c\ny,d\n");
	run_sb(&(struct tcase){ CAPPED,
		.digest = "malformed:2:3:0:- type:3:4:1:id type:5:6:1:id",
		COUNTS(5, 3, 3, 0) }, &b);
}

/* Text after a closing quote does not reopen the quotes (Python's csv):
 * the record ends at that line's end, and the oversized line after it is
 * a record of its own, whose quotes are literal bytes. */
static void test_csv_oversized_record_after_text_after_close_quote(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"ab\"c\n");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\"\"\"\nx,b\n3,c\ny,d\n");
	run_sb(&(struct tcase){ CAPPED,
		.digest = "malformed:2:3:2:- malformed:3:4:0:- type:4:5:1:id "
			  "type:6:7:1:id",
		COUNTS(6, 4, 4, 0) }, &b);
}

static void test_csv_oversized_record_at_eof(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,\"");
	sb_fill(&b, 'z', 3000);
	run_sb(&(struct tcase){ CAPPED, .digest = "malformed:2:3:0:-",
		COUNTS(2, 1, 1, 0) }, &b);
}

static void test_csv_oversized_header_is_malformed(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,");
	sb_fill(&b, 's', 2000);
	sb_str(&b, "\n1,a\n");
	run_sb(&(struct tcase){ CAPPED, .digest = "malformed:0:1:0:-",
		COUNTS(0, 0, 1, 0) }, &b);
}

static void test_csv_oversized_record_fail_fast_is_counted(void **state)
{
	struct sb b = { 0 };

	(void)state;
	sb_str(&b, "id,s\n1,a\n2,");
	sb_fill(&b, 'z', 3000);
	sb_str(&b, "\nx,b\n");
	run_sb(&(struct tcase){
		.cfg = { .max_field = 1024, .flags = DCVAL_VALIDATE_FAIL_FAST },
		.st = DCVAL_STOP, .digest = "malformed:2:3:0:-",
		COUNTS(2, 1, 1, 0) }, &b);
}

/* ---- quarantine of built inputs ---- */

static void test_csv_quarantine_oversized_record_streamed_whole(void **state)
{
	struct sb b = { 0 }, big = { 0 }, invalid = { 0 };
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
	sb_str(&invalid, "id,s\r\n");
	sb_add(&invalid, big.p, big.n);
	sb_str(&invalid, "x,b\r\n");
	run_sb(&(struct tcase){
		.cfg = { .max_field = 1024, .quarantine = true },
		.digest = "malformed:2:3:0:- type:3:34:1:id", COUNTS(4, 2, 2, 0),
		.valid = "id,s\r\n1,a\r\n3,c\r\n", .invalid = invalid.p }, &b);
	free(big.p);
	free(invalid.p);
}

/* Large input: every record on exactly one side, byte for byte. */
static void test_csv_quarantine_large_input_concatenation(void **state)
{
	struct sb b = { 0 }, valid = { 0 }, invalid = { 0 };
	size_t start;
	uint64_t k;

	(void)state;
	sb_str(&b, "id,s\r\n");
	sb_str(&valid, "id,s\r\n");
	sb_str(&invalid, "id,s\r\n");
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
	run_sb(&(struct tcase){ QUARANTINE, .digest = NULL,
		COUNTS(k, (k + 96) / 97, (k + 96) / 97, 0),
		.valid = valid.p, .invalid = invalid.p }, &b);
	free(valid.p);
	free(invalid.p);
}

static void test_csv_quarantine_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 }, valid = { 0 };
	char d[64] = "";
	uint64_t rec_bad, total;
	size_t off = build_eol_at_chunk_end(&b, "\r\n", &rec_bad, &total);

	(void)state;
	dig(d, sizeof(d), "type", rec_bad, line_at(b.p, off), 1, "id");
	sb_add(&valid, b.p, off);
	sb_add(&valid, b.p + off + 5, b.n - off - 5);
	run_sb(&(struct tcase){ QUARANTINE, .digest = d,
		COUNTS(total, 1, 1, 0), .valid = valid.p,
		.invalid = "id,s\r\nx,b\r\n" }, &b);
	free(valid.p);
}

/* An oversized record whose "\r\n" is split by the chunk boundary: the
 * '\n' belongs to the record and goes to the invalid output with it. */
static void test_csv_quarantine_oversized_crlf_split_at_chunk_end(void **state)
{
	struct sb b = { 0 }, valid = { 0 }, invalid = { 0 };
	char d[64] = "";
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
	dig(d, sizeof(d), "malformed", k - 1, line_at(b.p, start), 0, "-");
	dig(d, sizeof(d), "type", k, line_at(b.p, off), 1, "id");
	sb_add(&valid, b.p, start);
	sb_add(&valid, b.p + off + 5, b.n - off - 5);
	sb_str(&invalid, "id,s\r\n");
	sb_add(&invalid, b.p + start, off - start + 5);
	run_sb(&(struct tcase){
		.cfg = { .max_field = 1024, .quarantine = true }, .digest = d,
		.valid = valid.p, .invalid = invalid.p }, &b);
	free(valid.p);
	free(invalid.p);
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
	static const struct input in[3] = {
		{ "a,b,c\r\nx,,y z\n\n,1,\r2,w ,\t\r\nq,r\n", 0 },
		{ "a,b,c\r\n\"x\",\"\",\"y z\"\n\n\"\",1,\"\"\r2,\"w \",\"\t\"\r\n"
		  "\"q\",r\n", 0 },
		{ "a,b,c\r\nx,,\"y z\"\n\n,1,\"\"\r2,w ,\"\t\"\r\nq,\"r\"\n", 0 },
	};
	struct run r[3] = { RUN_INIT, RUN_INIT, RUN_INIT };
	size_t i, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		struct input one = { in[k].data, strlen(in[k].data) };

		run_inputs(yaml, &one, 1, NULL, &r[k]);
		assert_string_equal(r[k].digest,
				    "type:1:2:1:a type:1:2:3:c type:3:5:2:b type:3:5:3:c "
				    "field_count:4:6:3:- type:4:6:1:a type:4:6:2:b");
		expect_counts(&r[k], 4, 3, 7, 0);
		for (i = 0; i < r[0].n; i++) {
			assert_int_equal(r[0].v[i].value_len, r[k].v[i].value_len);
			assert_memory_equal(r[0].v[i].value, r[k].v[i].value,
					    r[0].v[i].value_len);
		}
	}
	for (k = 0; k < 3; k++)
		run_free(&r[k]);
}

int main(void)
{
	static const struct CMUnitTest built[] = {
		cmocka_unit_test(test_csv_unquoted_and_quoted_fields_read_alike),
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
		cmocka_unit_test(test_csv_quarantine_oversized_record_streamed_whole),
		cmocka_unit_test(test_csv_quarantine_large_input_concatenation),
		cmocka_unit_test(test_csv_quarantine_crlf_split_at_chunk_end),
		cmocka_unit_test(test_csv_quarantine_oversized_crlf_split_at_chunk_end),
	};

	return run_table("csv", cases, sizeof(cases) / sizeof(cases[0]), built,
			 sizeof(built) / sizeof(built[0]));
}

/*
 * Unit tests of the JSON Lines reader (src/read/jsonl.c) and the shared
 * JSON value walk (src/read/jsonval.c), through the public API: a
 * contract from a YAML string, a validator with a callback that records
 * violations, inputs from temporary files.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#define DV_TEST_JSON_FORMAT DCVAL_FORMAT_JSONL
#include "json_harness.h"

static const char *const ID_YAML =
	"contract: t\n"
	"columns:\n"
	"  - name: id\n"
	"    type: integer\n"
	"  - name: s\n"
	"    type: string\n";

static const char *const NESTED_YAML =
	"contract: t\n"
	"columns:\n"
	"  - name: id\n"
	"    type: integer\n"
	"  - name: user.country\n"
	"    type: string\n"
	"    required: true\n"
	"  - name: user.geo.lat\n"
	"    type: number\n";

static void test_jsonl_valid_records_no_violations(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"id\":1,\"s\":\"a\"}\n{\"id\":2,\"s\":null}\n{\"id\":3}\n",
	     &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.counts.invalid_records, 0);
	run_free(&r);
}

static void test_jsonl_type_violation_line_and_value(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"id\":1}\n{\"id\":\"7\"}\n{\"id\":0.5}\n{\"id\":7.0}\n",
	     &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, "id");
	assert_string_equal(r.v[0].value, "7");
	assert_int_equal(r.v[0].record, 2);
	expect(&r, 1, "type", 3, "id");
	assert_string_equal(r.v[1].value, "0.5");
	run_free(&r);
}

static void test_jsonl_crlf_and_quarantine_bytes(void **state)
{
	static const char data[] = "{\"id\":1}\r\n{\"id\":\"x\"}\r\n{\"id\":3}\r\n";
	struct input in = { data, sizeof(data) - 1 };
	struct run r = RUN_INIT;

	(void)state;
	run_many(ID_YAML, &in, 1, true, 0, &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, "id");
	assert_string_equal(r.valid, "{\"id\":1}\r\n{\"id\":3}\r\n");
	assert_string_equal(r.invalid, "{\"id\":\"x\"}\r\n");
	run_free(&r);
}

static void test_jsonl_bom_skipped(void **state)
{
	struct input in = { "\xEF\xBB\xBF{\"id\":1}\n{\"id\":\"x\"}\n", 0 };
	struct run r = RUN_INIT;

	(void)state;
	in.len = strlen(in.data);
	run_many(ID_YAML, &in, 1, true, 0, &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, "id");
	/* the mark is not part of the first record */
	assert_string_equal(r.valid, "{\"id\":1}\n");
	run_free(&r);
}

static void test_jsonl_blank_lines_not_records(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "\n  \t\n{\"id\":1}\n\r\n\n{\"id\":\"x\"}\n \n", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 6, "id");
	assert_int_equal(r.v[0].record, 2);
	run_free(&r);
}

static void test_jsonl_empty_input(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_YAML, "", 0, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, 0);
	assert_int_equal(r.n, 0);
	run_free(&r);
}

static void test_jsonl_no_final_newline_counts_and_quarantine(void **state)
{
	struct input in = { "{\"id\":1}\n{\"id\":2}", 0 };
	struct run r = RUN_INIT;

	(void)state;
	in.len = strlen(in.data);
	run_many(ID_YAML, &in, 1, true, 0, &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 0);
	/* a newline is added so the quarantine file stays JSON Lines */
	assert_string_equal(r.valid, "{\"id\":1}\n{\"id\":2}\n");
	run_free(&r);
}

static void test_jsonl_truncated_object_is_malformed(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"id\":1}\n{\"id\":", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.counts.invalid_records, 1);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 2, "");
	assert_int_equal(r.v[0].record, 2);
	assert_non_null(strstr(r.v[0].detail, "invalid JSON at column"));
	run_free(&r);
}

static void test_jsonl_malformed_then_valid_lines_continue(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"id\":1]\nnope\n{\"id\":\"x\"}\n{\"id\":4}\n", &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.counts.invalid_records, 3);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "malformed", 1, "");
	assert_string_equal(r.v[0].detail,
			    "invalid JSON at column 8: expected ',' or '}'");
	expect(&r, 1, "malformed", 2, "");
	expect(&r, 2, "type", 3, "id");
	run_free(&r);
}

static void test_jsonl_malformed_record_has_no_other_checks(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"    required: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "{bad\n", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 1, "");
	run_free(&r);
}

static void test_jsonl_not_an_object_is_malformed(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[1,2]\n\"x\"\n42\nnull\n", &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.n, 4);
	expect(&r, 0, "malformed", 1, "");
	assert_string_equal(r.v[0].detail, "record is not a JSON object");
	expect(&r, 3, "malformed", 4, "");
	run_free(&r);
}

static void test_jsonl_invalid_utf8_is_encoding(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"s\":\"a\xff\"}\n{\"s\":\"\xc3\xa9\"}\n{\"s\":\"\xed\xa0\x80\"}\n",
	     &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "encoding", 1, "");
	assert_string_equal(r.v[0].detail, "invalid UTF-8");
	expect(&r, 1, "encoding", 3, ""); /* an encoded surrogate */
	run_free(&r);
}

static void test_jsonl_nul_byte_in_line_is_malformed(void **state)
{
	static const char data[] = "{\"s\":\"a\0b\"}\n{\"id\":1}\n";
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_YAML, data, sizeof(data) - 1, &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 1, "");
	run_free(&r);
}

static void test_jsonl_unicode_escapes(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: s\n"
		"    type: string\n"
		"    max_length: 2\n"
		"  - name: ab\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	/* é and U+1F600 from a surrogate pair: 2 code points */
	run1(yaml, "{\"s\":\"\\u00e9\\ud83d\\ude00\"}\n"
		   "{\"s\":\"abc\"}\n"
		   "{\"a\\u0062\":\"x\"}\n"
		   "{\"s\":\"a\\u0000\"}\n"
		   "{\"s\":\"a\\u0000bc\"}\n",
	     &r);
	assert_int_equal(r.counts.records, 5);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "max_length", 2, "s");
	/* "a\u0062" is the key "ab" */
	expect(&r, 1, "type", 3, "ab");
	/* "\u0000" is kept: the string has 4 code points */
	expect(&r, 2, "max_length", 5, "s");
	run_free(&r);
}

static void test_jsonl_lone_surrogate_is_malformed(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"s\":\"\\ud800\"}\n{\"s\":\"\\udc00x\"}\n", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 1, "");
	expect(&r, 1, "malformed", 2, "");
	run_free(&r);
}

static void test_jsonl_duplicate_keys_are_malformed(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "{\"id\":1,\"id\":2}\n", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 1, "");
	assert_non_null(strstr(r.v[0].detail, "duplicate object key"));
	run_free(&r);
}

static void test_jsonl_huge_numbers(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: i\n"
		"    type: integer\n"
		"  - name: n\n"
		"    type: number\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml,
	     "{\"i\":9223372036854775807,\"n\":1}\n"
	     "{\"i\":99999999999999999999}\n"
	     "{\"n\":99999999999999999999}\n"
	     "{\"n\":-99999999999999999999,\"i\":3}\n"
	     "{\"n\":1e400}\n"
	     "{\"i\":1e2}\n"
	     "{\"i\":-9223372036854775808}\n"
	     "{\"i\":-9223372036854775809}\n"
	     "{\"i\":1e400}\n"
	     "{\"i\":9.2233720368547758070e18,\"n\":-1e-400}\n",
	     &r);
	assert_int_equal(r.counts.records, 10);
	assert_int_equal(r.n, 4);
	/* beyond int64: not an integer */
	expect(&r, 0, "type", 2, "i");
	assert_string_equal(r.v[0].value, "99999999999999999999");
	/* beyond the double range: valid JSON, a type violation (never
	 * malformed), the value shown as written */
	expect(&r, 1, "type", 5, "n");
	assert_string_equal(r.v[1].value, "1e400");
	/* just below the int64 minimum */
	expect(&r, 2, "type", 8, "i");
	expect(&r, 3, "type", 9, "i");
	run_free(&r);
}

/*
 * Regression: an integer beyond 64 bits in one key made jansson re-read
 * the whole line with every integer as a double, so INT64_MAX became "not
 * an integer", 2^53 + 1 passed a maximum of 2^53 and unrelated values
 * became `unique` repeats. Each key is now read on its own text.
 */
static void test_jsonl_big_integer_does_not_change_other_keys(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - {name: i, type: integer, maximum: 9007199254740992}\n"
		"  - {name: n, type: number, unique: true}\n"
		"  - {name: big, type: any}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml,
	     "{\"i\":9223372036854775807,\"big\":123456789012345678901234567890}\n"
	     "{\"i\":9007199254740993,\"big\":1e400}\n"
	     "{\"n\":9007199254740992,\"big\":99999999999999999999}\n"
	     "{\"n\":9007199254740993,\"big\":99999999999999999999}\n"
	     "{\"i\":9007199254740992,\"big\":-99999999999999999999}\n",
	     &r);
	assert_int_equal(r.counts.records, 5);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "maximum", 1, "i");
	assert_string_equal(r.v[0].value, "9223372036854775807");
	expect(&r, 1, "maximum", 2, "i");
	assert_string_equal(r.v[1].value, "9007199254740993");
	run_free(&r);
}

/*
 * `unique` on an `any` column: a string "1" and a number 1 differ;
 * numbers compare by exact value (1, 1.0, 10e-1 are one value), also
 * inside arrays and objects.
 */
static void test_jsonl_unique_any_kind_and_exact_value(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - {name: v, type: any, unique: true}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml,
	     "{\"v\":1}\n{\"v\":\"1\"}\n{\"v\":1.0}\n{\"v\":10e-1}\n"
	     "{\"v\":[1.0,\"a\"]}\n{\"v\":[1, \"a\"]}\n{\"v\":true}\n"
	     "{\"v\":\"true\"}\n{\"v\":9007199254740993}\n"
	     "{\"v\":9007199254740992}\n{\"v\":\"\\u0031\"}\n",
	     &r);
	assert_int_equal(r.counts.records, 11);
	assert_int_equal(r.n, 4);
	expect(&r, 0, "unique", 3, "v");
	assert_string_equal(r.v[0].value, "1.0");
	expect(&r, 1, "unique", 4, "v");
	expect(&r, 2, "unique", 6, "v");
	assert_string_equal(r.v[2].value, "[1,\"a\"]");
	expect(&r, 3, "unique", 11, "v");
	run_free(&r);
}

static void test_jsonl_deep_nesting(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"schema:\n"
		"  extra_columns: ignore\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	size_t depth = 5000, i, n = 0;
	char *data = malloc(2 * depth + 512);
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(data);
	/* 100 levels: fine; 5000 levels: past jansson's limit */
	n += (size_t)sprintf(data + n, "{\"id\":1,\"x\":");
	for (i = 0; i < 100; i++)
		data[n++] = '[';
	for (i = 0; i < 100; i++)
		data[n++] = ']';
	n += (size_t)sprintf(data + n, "}\n{\"x\":");
	for (i = 0; i < depth; i++)
		data[n++] = '[';
	for (i = 0; i < depth; i++)
		data[n++] = ']';
	n += (size_t)sprintf(data + n, "}\n{\"id\":3}\n");
	run_len(yaml, data, n, &r);
	free(data);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "malformed", 2, "");
	run_free(&r);
}

static void test_jsonl_nested_paths(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(NESTED_YAML,
	     "{\"id\":1,\"user\":{\"country\":\"NL\",\"geo\":{\"lat\":1.5}}}\n"
	     "{\"id\":2,\"user\":{\"country\":5}}\n"
	     "{\"id\":3,\"user\":null}\n"
	     "{\"id\":4}\n"
	     "{\"id\":5,\"user\":\"x\"}\n"
	     "{\"id\":6,\"user\":{\"country\":\"DE\",\"geo\":[1,2]}}\n",
	     &r);
	assert_int_equal(r.counts.records, 6);
	assert_int_equal(r.n, 6);
	expect(&r, 0, "type", 2, "user.country");
	assert_string_equal(r.v[0].value, "5");
	/* a missing or null object on the way: its leaves are null */
	expect(&r, 1, "required", 3, "user.country");
	expect(&r, 2, "required", 4, "user.country");
	/* a non-object on the way: a type violation naming the parent and
	 * its kind, never its text (it may hold a sensitive sibling) */
	expect(&r, 3, "type", 5, "user.country");
	assert_false(r.v[3].has_value);
	assert_string_equal(r.v[3].detail,
			    "parent 'user' is a string, not an object");
	expect(&r, 4, "type", 5, "user.geo.lat");
	assert_string_equal(r.v[4].detail,
			    "parent 'user' is a string, not an object");
	expect(&r, 5, "type", 6, "user.geo.lat");
	assert_false(r.v[5].has_value);
	assert_string_equal(r.v[5].detail,
			    "parent 'user.geo' is an array, not an object");
	run_free(&r);
}

static void test_jsonl_key_with_dot_explicit_path(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: bc\n"
		"    path: [a, \"b.c\"]\n"
		"    type: string\n"
		"    required: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "{\"a\":{\"b.c\":\"x\"}}\n{\"a\":{\"b\":{\"c\":\"x\"}}}\n", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "extra_column", 2, "a.b");
	expect(&r, 1, "required", 2, "bc");
	run_free(&r);
}

static void test_jsonl_extra_keys_once_per_key_per_input(void **state)
{
	static const char data[] =
		"{\"id\":1,\"x\":1,\"user\":{\"country\":\"NL\",\"age\":3}}\n"
		"{\"id\":2,\"x\":2,\"user\":{\"age\":4,\"geo\":{\"lat\":1,\"lon\":2}}}\n"
		"{\"id\":3,\"y\":{\"deep\":1},\"user\":{\"geo\":{\"lon\":2}}}\n";
	struct input in[2] = { { data, sizeof(data) - 1 },
			       { data, sizeof(data) - 1 } };
	struct run r = RUN_INIT;

	(void)state;
	run_many(NESTED_YAML, in, 2, false, 0, &r);
	assert_int_equal(r.counts.records, 6);
	/* required user.country on records 2 and 3, per input */
	assert_int_equal(r.n, 12);
	expect(&r, 0, "extra_column", 1, "x");
	assert_string_equal(r.v[0].detail, "key is not declared in the contract");
	assert_string_equal(r.v[0].value, "");
	expect(&r, 1, "extra_column", 1, "user.age");
	/* the reader's findings come before the record's checks */
	expect(&r, 2, "extra_column", 2, "user.geo.lon");
	expect(&r, 3, "required", 2, "user.country");
	/* not "y.deep": no declared path enters "y" */
	expect(&r, 4, "extra_column", 3, "y");
	expect(&r, 5, "required", 3, "user.country");
	/* the second input reports them again */
	expect(&r, 6, "extra_column", 1, "x");
	assert_int_equal(r.v[6].record, 1);
	run_free(&r);
}

static void test_jsonl_extra_keys_warn_and_ignore(void **state)
{
	static const char warn[] =
		"contract: t\n"
		"schema:\n"
		"  extra_columns: warn\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	static const char ignore[] =
		"contract: t\n"
		"schema:\n"
		"  extra_columns: ignore\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(warn, "{\"id\":1,\"z\":1}\n", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "extra_column", 1, "z");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_WARN);
	assert_int_equal(r.counts.invalid_records, 0);
	run1(ignore, "{\"id\":1,\"z\":1}\n", &r);
	assert_int_equal(r.n, 0);
	run_free(&r);
}

/* Records of about `width` bytes until past `total` bytes; every 97th
 * has a type violation. Returns the length; *lines the line count. */
static size_t make_lines(char *buf, size_t total, size_t width, uint64_t *lines)
{
	size_t n = 0;
	uint64_t line = 0;

	while (n < total) {
		line++;
		if (line % 97 == 0)
			n += (size_t)sprintf(buf + n, "{\"id\":\"bad\",\"s\":\"");
		else
			n += (size_t)sprintf(buf + n, "{\"id\":%llu,\"s\":\"",
					     (unsigned long long)line);
		memset(buf + n, 'a' + (char)(line % 26), width + line % 13);
		n += width + line % 13;
		n += (size_t)sprintf(buf + n, "\"}\n");
	}
	*lines = line;
	return n;
}

static void test_jsonl_lines_split_across_chunks(void **state)
{
	size_t total = 3 * 256 * 1024 + 100, n, i;
	char *buf = malloc(total + 4096);
	uint64_t lines;
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(buf);
	n = make_lines(buf, total, 300, &lines);
	run_len(ID_YAML, buf, n, &r);
	free(buf);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, lines);
	assert_int_equal(r.n, lines / 97);
	for (i = 0; i < r.n; i++)
		expect(&r, i, "type", 97 * (i + 1), "id");
	run_free(&r);
}

static void test_jsonl_long_line_over_chunk_boundary(void **state)
{
	/* one line of 600 KiB spans three chunks */
	size_t big = 600 * 1024, n = 0;
	char *buf = malloc(big + 256);
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "{\"id\":1}\n{\"id\":\"x\",\"s\":\"");
	memset(buf + n, 'q', big);
	n += big;
	n += (size_t)sprintf(buf + n, "\"}\r\n{\"id\":\"y\"}\n");
	run_len(ID_YAML, buf, n, &r);
	free(buf);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, "id");
	expect(&r, 1, "type", 3, "id");
	run_free(&r);
}

static void test_jsonl_line_over_cap_is_malformed(void **state)
{
	static const char data[] =
		"{\"id\":1}\n"
		"{\"id\":2,\"s\":\"0123456789abcdef\"}\n"
		"{\"id\":\"x\"}\n"
		"{\"s\":\"0123456789abcdefghij\"}";
	struct input in = { data, sizeof(data) - 1 };
	struct run r = RUN_INIT;

	(void)state;
	run_many(ID_YAML, &in, 1, true, 16, &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.counts.invalid_records, 3);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "malformed", 2, "");
	assert_string_equal(r.v[0].detail, "line longer than 16 bytes");
	expect(&r, 1, "type", 3, "id");
	expect(&r, 2, "malformed", 4, "");
	/* nothing is lost: the long lines reach the invalid output whole */
	assert_string_equal(r.valid, "{\"id\":1}\n");
	assert_string_equal(r.invalid,
			    "{\"id\":2,\"s\":\"0123456789abcdef\"}\n"
			    "{\"id\":\"x\"}\n"
			    "{\"s\":\"0123456789abcdefghij\"}\n");
	run_free(&r);
}

static void test_jsonl_line_over_cap_across_chunks(void **state)
{
	size_t big = 300 * 1024, n = 0;
	char *buf = malloc(big + 256);
	struct input in;
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "{\"id\":1}\n{\"s\":\"");
	memset(buf + n, 'q', big);
	n += big;
	n += (size_t)sprintf(buf + n, "\"}\n{\"id\":\"y\"}\n");
	in.data = buf;
	in.len = n;
	run_many(ID_YAML, &in, 1, false, 1000, &r);
	free(buf);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 2, "");
	expect(&r, 1, "type", 3, "id");
	run_free(&r);
}

static void test_jsonl_any_column_keeps_json_text(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: v\n"
		"    type: any\n"
		"    unique: true\n"
		"  - name: n\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml,
	     "{\"v\":1,\"n\":0.1}\n{\"v\":2}\n{\"v\":[1, 2]}\n{\"v\":1.5}\n"
	     "{\"v\":[1,2]}\n{\"v\":2}\n{\"v\":1.50}\n",
	     &r);
	assert_int_equal(r.counts.records, 7);
	assert_int_equal(r.n, 4);
	expect(&r, 0, "type", 1, "n");
	expect(&r, 1, "unique", 5, "v");
	assert_string_equal(r.v[1].value, "[1,2]");
	expect(&r, 2, "unique", 6, "v");
	expect(&r, 3, "unique", 7, "v");
	/* the value as written */
	assert_string_equal(r.v[3].value, "1.50");
	run_free(&r);
}

static void test_jsonl_coerce_reads_strings_as_text(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"input:\n"
		"  coerce: true\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "{\"id\":\"12\"}\n{\"id\":\"x\"}\n{\"id\":3}\n", &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 2, "id");
	run_free(&r);
}

/*
 * Regression: a line of only spaces longer than --max-line-bytes was
 * counted as a malformed record. A line of only spaces, tabs and CR is
 * blank whatever its length; a long line that turns out not to be blank
 * is still one malformed record with every byte in the invalid output.
 */
static void test_jsonl_long_blank_line_is_not_a_record(void **state)
{
	char data[600];
	struct input in = { data, 0 };
	struct run r = RUN_INIT;
	size_t n = 0;

	(void)state;
	n += (size_t)sprintf(data + n, "{\"id\":1}\n");
	memset(data + n, ' ', 100);
	n += 100;
	n += (size_t)sprintf(data + n, "\t \r\n");
	memset(data + n, ' ', 70);
	n += 70;
	n += (size_t)sprintf(data + n, "\t\t  {\"id\":2}\r\n{\"id\":\"x\"}\n");
	memset(data + n, '\t', 80);
	n += 80; /* a last blank line without a line end */
	in.len = n;
	run_many(ID_YAML, &in, 1, true, 32, &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 3, "");
	assert_string_equal(r.v[0].detail, "line longer than 32 bytes");
	expect(&r, 1, "type", 4, "id");
	assert_string_equal(r.valid, "{\"id\":1}\n");
	/* the long record keeps its blank start, byte for byte */
	assert_int_equal(r.invalid_len, 70 + 4 + 8 + 2 + 11);
	assert_memory_equal(r.invalid + 70, "\t\t  {\"id\":2}\r\n{\"id\":\"x\"}\n", 25);
	run_free(&r);
}

/*
 * With a sensitive column, no message quotes the record: a malformed line
 * names the byte column (jansson's message quoted `near '"hunter12'`), and
 * a non-object parent of a declared path is named without its text.
 */
static void test_jsonl_sensitive_text_never_in_messages(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - {name: id, type: integer}\n"
		"  - {name: user.name, type: string}\n"
		"  - {name: user.pw, type: string, sensitive: true}\n";
	struct run r = RUN_INIT;
	size_t i;

	(void)state;
	run1(yaml,
	     "{\"id\":1,\"pw\":\"hunter12\n"
	     "{\"id\":1,\"user\":{\"pw\":\"hunter13\\q\"}}\n"
	     "{\"id\":1,\"user\":{\"pw\":\"hunter14\\udc00\"}}\n"
	     "{\"user\":[{\"pw\":\"hunter22\",\"name\":\"bob\"}]}\n",
	     &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.n, 5);
	expect(&r, 0, "malformed", 1, "");
	assert_string_equal(r.v[0].detail,
			    "invalid JSON at column 23: unterminated string");
	expect(&r, 1, "malformed", 2, "");
	assert_string_equal(r.v[1].detail,
			    "invalid JSON at column 32: invalid escape in a string");
	expect(&r, 2, "malformed", 3, "");
	expect(&r, 3, "type", 4, "user.name");
	assert_false(r.v[3].has_value);
	assert_string_equal(r.v[3].detail,
			    "parent 'user' is an array, not an object");
	expect(&r, 4, "type", 4, "user.pw");
	assert_false(r.v[4].has_value);
	for (i = 0; i < r.n; i++)
		assert_null(strstr(r.v[i].detail, "hunter"));
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_valid_records_no_violations),
		cmocka_unit_test(test_jsonl_type_violation_line_and_value),
		cmocka_unit_test(test_jsonl_crlf_and_quarantine_bytes),
		cmocka_unit_test(test_jsonl_bom_skipped),
		cmocka_unit_test(test_jsonl_blank_lines_not_records),
		cmocka_unit_test(test_jsonl_empty_input),
		cmocka_unit_test(test_jsonl_no_final_newline_counts_and_quarantine),
		cmocka_unit_test(test_jsonl_truncated_object_is_malformed),
		cmocka_unit_test(test_jsonl_malformed_then_valid_lines_continue),
		cmocka_unit_test(test_jsonl_malformed_record_has_no_other_checks),
		cmocka_unit_test(test_jsonl_not_an_object_is_malformed),
		cmocka_unit_test(test_jsonl_invalid_utf8_is_encoding),
		cmocka_unit_test(test_jsonl_nul_byte_in_line_is_malformed),
		cmocka_unit_test(test_jsonl_unicode_escapes),
		cmocka_unit_test(test_jsonl_lone_surrogate_is_malformed),
		cmocka_unit_test(test_jsonl_duplicate_keys_are_malformed),
		cmocka_unit_test(test_jsonl_huge_numbers),
		cmocka_unit_test(test_jsonl_big_integer_does_not_change_other_keys),
		cmocka_unit_test(test_jsonl_unique_any_kind_and_exact_value),
		cmocka_unit_test(test_jsonl_deep_nesting),
		cmocka_unit_test(test_jsonl_nested_paths),
		cmocka_unit_test(test_jsonl_key_with_dot_explicit_path),
		cmocka_unit_test(test_jsonl_extra_keys_once_per_key_per_input),
		cmocka_unit_test(test_jsonl_extra_keys_warn_and_ignore),
		cmocka_unit_test(test_jsonl_lines_split_across_chunks),
		cmocka_unit_test(test_jsonl_long_line_over_chunk_boundary),
		cmocka_unit_test(test_jsonl_line_over_cap_is_malformed),
		cmocka_unit_test(test_jsonl_line_over_cap_across_chunks),
		cmocka_unit_test(test_jsonl_any_column_keeps_json_text),
		cmocka_unit_test(test_jsonl_coerce_reads_strings_as_text),
		cmocka_unit_test(test_jsonl_long_blank_line_is_not_a_record),
		cmocka_unit_test(test_jsonl_sensitive_text_never_in_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests of the JSON array reader (src/read/json.c) through the
 * public API: a contract from a YAML string, a validator with a callback
 * that records violations, inputs from temporary files.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#define DV_TEST_JSON_FORMAT DCVAL_FORMAT_JSON
#include "json_harness.h"

/* Expect violation i to be a syntax error of the input at line:col. */
static void expect_syntax(const struct run *r, size_t i, uint64_t line,
			  uint32_t col, const char *detail)
{
	assert_true(i < r->n);
	assert_string_equal(r->v[i].rule, "malformed");
	assert_int_equal(r->v[i].record, 0);
	assert_int_equal(r->v[i].line, line);
	assert_int_equal(r->v[i].field, col);
	assert_string_equal(r->v[i].detail, detail);
}

static const char *const ID_YAML =
	"contract: t\n"
	"columns:\n"
	"  - name: id\n"
	"    type: integer\n"
	"  - name: s\n"
	"    type: string\n";

static void test_json_elements_spanning_lines(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML,
	     "[\n"
	     "  {\"id\": 1,\n"
	     "   \"s\": \"a\"},\n"
	     "  {\"id\": \"x\"},\n"
	     "  {\n"
	     "    \"id\": \"y\"\n"
	     "  }\n"
	     "]\n",
	     &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 4, "id");
	assert_int_equal(r.v[0].record, 2);
	expect(&r, 1, "type", 5, "id");
	run_free(&r);
}

static void test_json_empty_array(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[]", &r);
	assert_int_equal(r.counts.records, 0);
	assert_int_equal(r.n, 0);
	run1(ID_YAML, " [ \n\t ]\n\n", &r);
	assert_int_equal(r.counts.records, 0);
	assert_int_equal(r.n, 0);
	run_free(&r);
}

static void test_json_top_level_not_array(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "\n  {\"id\":1}\n", &r);
	assert_int_equal(r.counts.records, 0);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 2, 3,
		      "expected '[': the input must be a JSON array of records");
	run_free(&r);
}

static void test_json_empty_input(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_len(ID_YAML, "", 0, &r);
	assert_int_equal(r.counts.records, 0);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 1, 1, "expected '[' but found the end of the input");
	run_free(&r);
}

static void test_json_junk_between_elements_keeps_records(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},\n{\"id\":\"x\"} x {\"id\":3}]", &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 2, "id");
	expect_syntax(&r, 1, 2, 12, "expected ',' or ']' after an array element");
	run_free(&r);
}

static void test_json_bad_element_reports_line_and_column(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},\n  {\"id\":2,\n   \"s\": tru}, {\"id\":\"x\"}]", &r);
	/* the bad element is one record, on the line where it starts; the
	 * message names the line and byte column of the fault */
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 2, "");
	assert_int_equal(r.v[0].record, 2);
	assert_string_equal(r.v[0].detail,
			    "invalid JSON at line 3, column 9: invalid literal");
	expect(&r, 1, "type", 3, "id");
	run_free(&r);
}

static void test_json_missing_close_bracket(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},{\"id\":\"x\"}\n", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "type", 1, "id");
	expect_syntax(&r, 1, 2, 1, "missing ']' at the end of the input");
	run_free(&r);
}

static void test_json_trailing_comma(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},]", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 1, 11, "expected a value");
	run1(ID_YAML, "[,{\"id\":1}]", &r);
	assert_int_equal(r.counts.records, 0);
	expect_syntax(&r, 0, 1, 2, "expected a value");
	run_free(&r);
}

static void test_json_data_after_array(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1}]\n\n  [{\"id\":2}]", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 3, 3, "unexpected data after the closing ']'");
	run_free(&r);
}

static void test_json_unterminated_element(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},\n {\"id\":\"x", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 2, 2,
		      "array element not terminated at the end of the input");
	run_free(&r);
}

static void test_json_non_object_elements_are_records(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[1, \"x\", true, null, [1, {}],\n-2.5e3, {\"id\":2}]", &r);
	assert_int_equal(r.counts.records, 7);
	assert_int_equal(r.counts.invalid_records, 6);
	assert_int_equal(r.n, 6);
	expect(&r, 0, "malformed", 1, "");
	assert_string_equal(r.v[0].detail, "record is not a JSON object");
	assert_int_equal(r.v[0].record, 1);
	expect(&r, 5, "malformed", 2, "");
	assert_int_equal(r.v[5].record, 6);
	run_free(&r);
}

static void test_json_bare_value_at_end_of_input(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1}, 12", &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 1, "");
	expect_syntax(&r, 1, 1, 14, "missing ']' at the end of the input");
	run_free(&r);
}

static void test_json_brackets_and_escapes_in_strings(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML,
	     "[{\"s\":\"]\\\"}[\\\\\"},{\"s\":\"{\",\"id\":\"}\"},{\"s\":\"\\\\\"}]", &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 1, "id");
	assert_string_equal(r.v[0].value, "}");
	run_free(&r);
}

static void test_json_invalid_utf8_element_is_a_record(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"s\":\"\xff\"},\n{\"id\":1,\"id\":2},\n{\"id\":\"x\"}]", &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "encoding", 1, "");
	assert_string_equal(r.v[0].detail, "invalid UTF-8");
	expect(&r, 1, "malformed", 2, "");
	assert_non_null(strstr(r.v[1].detail, "duplicate object key"));
	expect(&r, 2, "type", 3, "id");
	run_free(&r);
}

static void test_json_deep_nesting_element(void **state)
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
	n += (size_t)sprintf(data, "[{\"id\":1,\"x\":");
	for (i = 0; i < depth; i++)
		data[n++] = '[';
	for (i = 0; i < depth; i++)
		data[n++] = ']';
	n += (size_t)sprintf(data + n, "},\n{\"id\":\"x\"}]");
	run_len(yaml, data, n, &r);
	free(data);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 1, "");
	expect(&r, 1, "type", 2, "id");
	run_free(&r);
}

static void test_json_huge_integer(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":99999999999999999999},{\"id\":-9223372036854775808}]",
	     &r);
	assert_int_equal(r.counts.records, 2);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "type", 1, "id");
	run_free(&r);
}

static void test_json_bom_and_columns(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "\xEF\xBB\xBF[{\"id\":1} x]", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 1, 11, "expected ',' or ']' after an array element");
	run_free(&r);
}

static void test_json_quarantine_writes_json_lines(void **state)
{
	static const char data[] =
		"[\n{\"id\": 1,\r\n \"s\": \"a\"},\n{\"id\":\"x\"},\n"
		"{\"id\": 12345678901234567890123}\n]\n";
	struct input in = { data, sizeof(data) - 1 };
	struct run r = RUN_INIT;

	(void)state;
	run_many(ID_YAML, &in, 1, true, 0, &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	/* the element's own text, line breaks turned into spaces */
	assert_string_equal(r.valid, "{\"id\": 1,   \"s\": \"a\"}\n");
	/* numbers keep their digits */
	assert_string_equal(r.invalid,
			    "{\"id\":\"x\"}\n{\"id\": 12345678901234567890123}\n");
	run_free(&r);
}

/* "[", then elements of two lines each until past `total` bytes, every
 * 97th with a type violation; *elems their number. */
static size_t make_array(char *buf, size_t total, uint64_t *elems)
{
	size_t n = 0, w;
	uint64_t k = 0;

	n += (size_t)sprintf(buf, "[\n");
	while (n < total) {
		k++;
		if (k > 1)
			n += (size_t)sprintf(buf + n, ",\n");
		if (k % 97 == 0)
			n += (size_t)sprintf(buf + n, "{\"id\": \"bad\",\n \"s\": \"");
		else
			n += (size_t)sprintf(buf + n, "{\"id\": %llu,\n \"s\": \"",
					     (unsigned long long)k);
		w = 200 + k % 17;
		memset(buf + n, 'a' + (char)(k % 26), w);
		n += w;
		n += (size_t)sprintf(buf + n, "[{\\\"\"}");
	}
	*elems = k;
	return n;
}

static void test_json_large_array_across_chunks(void **state)
{
	size_t total = 3 * 256 * 1024 + 100, n, i;
	char *buf = malloc(total + 4096);
	uint64_t elems;
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(buf);
	n = make_array(buf, total, &elems);
	n += (size_t)sprintf(buf + n, "\n]\n");
	run_len(ID_YAML, buf, n, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, elems);
	assert_int_equal(r.n, elems / 97);
	/* element k starts on line 2k */
	for (i = 0; i < r.n; i++)
		expect(&r, i, "type", 2 * 97 * (i + 1), "id");

	/* the same, broken at its end: the records before stay checked */
	n -= 3;
	n += (size_t)sprintf(buf + n, ",\n  {\"id\": oops}]");
	run_len(ID_YAML, buf, n, &r);
	free(buf);
	/* a bad element whose extent is clear is one more record */
	assert_int_equal(r.counts.records, elems + 1);
	assert_int_equal(r.n, elems / 97 + 1);
	expect(&r, elems / 97, "malformed", 2 * elems + 2, "");
	assert_string_equal(r.v[elems / 97].detail,
			    "invalid JSON at column 10: invalid literal");
	run_free(&r);
}

static void test_json_element_over_cap(void **state)
{
	static const char data[] =
		"[{\"id\":1},\n {\"s\":\"0123456789012345678901234567890123\"},\n"
		" {\"id\":\"x\"}]";
	struct input in = { data, sizeof(data) - 1 };
	size_t big = 300 * 1024, n = 0;
	char *buf = malloc(big + 256);
	struct run r = RUN_INIT;

	(void)state;
	run_many(ID_YAML, &in, 1, true, 32, &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 2, "");
	assert_string_equal(r.v[0].detail, "array element longer than 32 bytes");
	expect(&r, 1, "type", 3, "id");

	/* over the cap and over a chunk boundary */
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "[{\"id\":1},{\"s\":\"");
	memset(buf + n, 'q', big);
	n += big;
	n += (size_t)sprintf(buf + n, "\"},\n{\"id\":\"y\"}]");
	in.data = buf;
	in.len = n;
	run_many(ID_YAML, &in, 1, false, 1000, &r);
	free(buf);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "malformed", 1, "");
	expect(&r, 1, "type", 2, "id");
	run_free(&r);
}

static void test_json_nested_paths_and_extra_keys(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - name: user.country\n"
		"    type: string\n"
		"    required: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml,
	     "[{\"user\":{\"country\":\"NL\",\"age\":3}},\n"
	     " {\"user\":{\"age\":4}},\n"
	     " {\"user\":[\"NL\"]}]",
	     &r);
	assert_int_equal(r.counts.records, 3);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "extra_column", 1, "user.age");
	expect(&r, 1, "required", 2, "user.country");
	/* a non-object parent is named, its text is not shown */
	expect(&r, 2, "type", 3, "user.country");
	assert_false(r.v[2].has_value);
	assert_string_equal(r.v[2].detail,
			    "parent 'user' is an array, not an object");
	run_free(&r);
}

/*
 * Regression: one element with a raw tab in a string, a trailing comma, a
 * lone surrogate or NaN ended the input, and the elements after it were
 * never counted, checked or quarantined. Each is now one `malformed`
 * record and reading goes on.
 */
static void test_json_bad_elements_are_records(void **state)
{
	static const char data[] =
		"[{\"id\":1},\n"
		" {\"s\":\"a\tb\"},\n"
		" {\"id\":2,},\n"
		" {\"s\":\"\\ud800\"},\n"
		" NaN,\n"
		" {\"s\":[1,]},\n"
		" {\"id\":\"x\"}]\n";
	struct input in = { data, sizeof(data) - 1 };
	struct run r = RUN_INIT;

	(void)state;
	run_many(ID_YAML, &in, 1, true, 0, &r);
	assert_int_equal(r.st, DCVAL_OK);
	assert_int_equal(r.counts.records, 7);
	assert_int_equal(r.counts.invalid_records, 6);
	assert_int_equal(r.n, 6);
	expect(&r, 0, "malformed", 2, "");
	assert_string_equal(r.v[0].detail,
			    "invalid JSON at column 9: control character in a string");
	expect(&r, 1, "malformed", 3, "");
	assert_string_equal(r.v[1].detail,
			    "invalid JSON at column 10: expected a string key");
	expect(&r, 2, "malformed", 4, "");
	assert_string_equal(r.v[2].detail,
			    "invalid JSON at column 8: lone surrogate in a \\u escape");
	expect(&r, 3, "malformed", 5, "");
	assert_string_equal(r.v[3].detail,
			    "invalid JSON at column 2: invalid literal");
	expect(&r, 4, "malformed", 6, "");
	expect(&r, 5, "type", 7, "id");
	assert_int_equal(r.v[5].record, 7);
	/* every element lands on one side, in order */
	assert_string_equal(r.valid, "{\"id\":1}\n");
	assert_string_equal(r.invalid,
			    "{\"s\":\"a\tb\"}\n{\"id\":2,}\n{\"s\":\"\\ud800\"}\n"
			    "NaN\n{\"s\":[1,]}\n{\"id\":\"x\"}\n");
	run_free(&r);
}

/* Brackets of the wrong kind are a break in the array's structure: the
 * element's extent is not clear, so the input ends there. */
static void test_json_mismatched_bracket_ends_input(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(ID_YAML, "[{\"id\":1},\n {\"s\":[1}, {\"id\":2}]", &r);
	assert_int_equal(r.counts.records, 1);
	assert_int_equal(r.n, 1);
	expect_syntax(&r, 0, 2, 9, "'}' does not close the innermost '['");
	run_free(&r);
}

/*
 * With a sensitive column, a malformed record's message names the byte
 * column, never the text (jansson's messages quoted it: `near
 * '"hunter12'`). No message quotes input text at all.
 */
static void test_json_malformed_message_has_no_text(void **state)
{
	static const char yaml[] =
		"contract: t\n"
		"columns:\n"
		"  - {name: id, type: integer}\n"
		"  - {name: pw, type: string, sensitive: true}\n";
	struct run r = RUN_INIT;
	size_t i;

	(void)state;
	run1(yaml,
	     "[{\"id\":1,\"pw\":\"hunter12\\x\"},\n"
	     " {\"id\":1,\"pw\":\"hunter13\\ud800\"},\n"
	     " {\"id\":1,\"pw\":hunter14},\n"
	     " {\"id\":1,\"pw\":\"hunter15\" \"x\"}]",
	     &r);
	assert_int_equal(r.counts.records, 4);
	assert_int_equal(r.n, 4);
	for (i = 0; i < r.n; i++) {
		expect(&r, i, "malformed", i + 1, "");
		assert_null(strstr(r.v[i].detail, "hunter"));
		assert_non_null(strstr(r.v[i].detail, "at column"));
	}
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_elements_spanning_lines),
		cmocka_unit_test(test_json_empty_array),
		cmocka_unit_test(test_json_top_level_not_array),
		cmocka_unit_test(test_json_empty_input),
		cmocka_unit_test(test_json_junk_between_elements_keeps_records),
		cmocka_unit_test(test_json_bad_element_reports_line_and_column),
		cmocka_unit_test(test_json_missing_close_bracket),
		cmocka_unit_test(test_json_trailing_comma),
		cmocka_unit_test(test_json_data_after_array),
		cmocka_unit_test(test_json_unterminated_element),
		cmocka_unit_test(test_json_non_object_elements_are_records),
		cmocka_unit_test(test_json_bare_value_at_end_of_input),
		cmocka_unit_test(test_json_brackets_and_escapes_in_strings),
		cmocka_unit_test(test_json_invalid_utf8_element_is_a_record),
		cmocka_unit_test(test_json_deep_nesting_element),
		cmocka_unit_test(test_json_huge_integer),
		cmocka_unit_test(test_json_bom_and_columns),
		cmocka_unit_test(test_json_quarantine_writes_json_lines),
		cmocka_unit_test(test_json_large_array_across_chunks),
		cmocka_unit_test(test_json_element_over_cap),
		cmocka_unit_test(test_json_nested_paths_and_extra_keys),
		cmocka_unit_test(test_json_bad_elements_are_records),
		cmocka_unit_test(test_json_mismatched_bracket_ends_input),
		cmocka_unit_test(test_json_malformed_message_has_no_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

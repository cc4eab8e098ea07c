/*
 * Unit tests of the reports (src/report/): value display, messages,
 * aggregation, the listing cap, the text and github formats, and what
 * holds for every format (redaction, write errors). The json, jsonl and
 * junit formats are in test_report_json.c. The run summary is hand-made
 * and given through the internal seam dv_report_finish_summary(), so no
 * contract or validator is needed.
 */
#include "report_fixture.h"

/* ---- value display ---- */

static void test_value_plain_and_null(void **state)
{
	dcval_violation v = viol("c", "type", "12,5", 2);
	char buf[DV_REPORT_SHOW_ESC];

	(void)state;
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "12,5");
	v.value = NULL;
	assert_int_equal(dcval_violation_value(&v, true, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

/* contract.md "Decisions users rely on": at most 80 bytes, the "..."
 * included: 77 bytes of the value, then "..." */
static void test_value_cut_at_80_bytes(void **state)
{
	char s[101], want[84];
	dcval_violation v;
	char buf[DV_REPORT_SHOW_ESC];

	(void)state;
	memset(s, 'a', 100);
	s[100] = '\0';
	v = viol("c", "type", s, 2);
	memset(want, 'a', 77);
	memcpy(want + 77, "...", 4);
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 80);
	assert_string_equal(buf, want);
	assert_int_equal(dcval_violation_value(&v, true, buf, sizeof(buf)), 80);
	assert_string_equal(buf, want);
	/* 81 bytes: cut as well */
	v.value_len = 81;
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 80);
	assert_string_equal(buf, want);
	/* exactly 80 bytes: not cut */
	v.value_len = 80;
	assert_int_equal(dcval_violation_value(&v, true, buf, sizeof(buf)), 80);
	assert_memory_equal(buf, s, 80);
	assert_int_equal(buf[80], '\0');
}

static void test_value_cut_at_multibyte_character(void **state)
{
	char s[100], want[100];
	dcval_violation v;
	char buf[DV_REPORT_SHOW_ESC];

	(void)state;
	/* 76 bytes, then "é" (c3 a9) over bytes 77-78: cut before it */
	memset(s, 'x', 76);
	strcpy(s + 76, "\xc3\xa9yzzzzzzz");
	v = viol("c", "type", s, 2);
	memset(want, 'x', 76);
	strcpy(want + 76, "...");
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 79);
	assert_string_equal(buf, want);
	/* "é" over bytes 76-77 fits in 77 */
	memset(s, 'x', 75);
	strcpy(s + 75, "\xc3\xa9yzzzzzzz");
	v = viol("c", "type", s, 2);
	memset(want, 'x', 75);
	strcpy(want + 75, "\xc3\xa9...");
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 80);
	assert_string_equal(buf, want);
	/* a 4-byte character over bytes 75-78 */
	memset(s, 'x', 74);
	strcpy(s + 74, "\xf0\x9f\x98\x80!!!!!!!");
	v = viol("c", "type", s, 2);
	memset(want, 'x', 74);
	strcpy(want + 74, "...");
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf, want);
	/* 80 bytes ending in a 4-byte character: whole, not cut */
	memset(s, 'x', 76);
	strcpy(s + 76, "\xf0\x9f\x98\x80");
	v = viol("c", "type", s, 2);
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 80);
	assert_string_equal(buf, s);
}

static void test_value_redacted(void **state)
{
	dcval_violation v = viol("ssn", "pattern", "123-45-6789", 2);
	char buf[16];

	(void)state;
	v.redacted = true;
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "<redacted>");
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf, "<redacted>");
}

static void test_value_escape(void **state)
{
	static const char s[] = "a\nb\rc\td\\e\"f\x01g\x7fh\xffi\xc3\xa9j";
	dcval_violation v = viol("c", "type", s, 2);
	char buf[DV_REPORT_SHOW_ESC];

	(void)state;
	v.value_len = sizeof(s) - 1;
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf,
			    "a\\nb\\rc\\td\\\\e\\\"f\\x01g\\x7fh\\xffi\xc3\xa9j");
	/* unescaped: the bytes as they are */
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)),
			 sizeof(s) - 1);
	assert_memory_equal(buf, s, sizeof(s));
}

static void test_value_escape_after_cut(void **state)
{
	char s[90], want[100];
	dcval_violation v;
	char buf[DV_REPORT_SHOW_ESC];

	(void)state;
	/* 76 'q', a newline at byte 77, more after: the cut keeps 77 bytes */
	memset(s, 'q', 76);
	strcpy(s + 76, "\n\n\n\n\n");
	v = viol("c", "type", s, 2);
	memset(want, 'q', 76);
	strcpy(want + 76, "\\n...");
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf, want);
	/* NUL bytes are shown, not a string end */
	v.value = "a\0b";
	v.value_len = 3;
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf, "a\\x00b");
}

static void test_value_small_cap(void **state)
{
	dcval_violation v = viol("c", "type", "abcdefghijklmnopqrstuvwxyz", 2);
	char buf[16];

	(void)state;
	assert_int_equal(dcval_violation_value(&v, false, buf, sizeof(buf)), 15);
	assert_string_equal(buf, "abcdefghijkl...");
	v.value = "\x01\x02\x03\x04\x05";
	v.value_len = 5;
	/* escapes are not split: 3 of 4 bytes then "..." */
	dcval_violation_value(&v, true, buf, sizeof(buf));
	assert_string_equal(buf, "\\x01\\x02\\x03...");
}

/* ---- messages ---- */

static void test_message_forms(void **state)
{
	dcval_violation v = viol("c", "type", "a\"b", 2);
	char buf[128];

	(void)state;
	assert_int_equal(dcval_violation_message(&v, buf, sizeof(buf)), 13);
	assert_string_equal(buf, "\"a\\\"b\" is bad");
	v.redacted = true;
	dcval_violation_message(&v, buf, sizeof(buf));
	assert_string_equal(buf, "<redacted> is bad");
	v.value = NULL;
	dcval_violation_message(&v, buf, sizeof(buf));
	assert_string_equal(buf, "is bad");
}

static void test_message_cut_to_cap(void **state)
{
	dcval_violation v = viol("c", "type", NULL, 2);
	char buf[6];

	(void)state;
	v.detail = "ab\xc3\xa9\xc3\xa9";
	/* 5 bytes of room would end inside the second "é" */
	assert_int_equal(dcval_violation_message(&v, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "ab\xc3\xa9");
}

/* ---- report objects ---- */

static void test_format_parse(void **state)
{
	static const char *const names[] = { "text", "json", "jsonl", "junit",
					     "github", "sarif" };
	dcval_report_format f;
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++) {
		assert_true(dcval_report_format_parse(names[i], &f));
		assert_int_equal(f, (dcval_report_format)i);
		assert_string_equal(dcval_report_format_name(f), names[i]);
	}
	assert_null(dcval_report_format_name((dcval_report_format)6));
	assert_null(dcval_report_format_name((dcval_report_format)-1));
	assert_false(dcval_report_format_parse("SARIF", &f));
	assert_false(dcval_report_format_parse("xml", &f));
	assert_false(dcval_report_format_parse("", &f));
}

static void test_new_bad_format_and_free_null(void **state)
{
	dcval_report_opts o = { .format = (dcval_report_format)42 };
	dcval_error err;

	(void)state;
	dcval_error_clear(&err);
	assert_null(dcval_report_new(&o, stdout, &err));
	assert_int_equal(err.status, DCVAL_EUSAGE);
	dcval_report_free(NULL);
}

/* ---- text ---- */

static void test_text_cli_example(void **state)
{
	const dcval_violation vs[] = { v_amount, v_share };

	(void)state;
	assert_render(DCVAL_REPORT_TEXT, 100, vs, 2, &run_events,
		      "events.csv:42:5: error: amount: \"12,5\" is not a number [type]\n"
		      "events.csv:97:2: error: event_type: \"share\" is not one of click, view, purchase, signup, logout [enum]\n"
		      "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
		      "  amount [type]: 1 error: 1 x \"12,5\"\n"
		      "  event_type [enum]: 1 error: 1 x \"share\"\n");
}

static void test_text_line_forms(void **state)
{
	dcval_violation vs[4];
	static const dcval_input_info in[] = {
		{ .path = "e.jsonl", .format = DCVAL_FORMAT_JSONL,
		  .counts = { .records = 1, .invalid_records = 1, .errors = 1,
			      .warnings = 1 } },
		{ .path = "gone.csv", .status = DCVAL_EIO,
		  .error = "No such file or directory" },
	};
	dv_report_run run = { .contract_name = "events", .inputs = in,
			      .n_inputs = 2 };

	(void)state;
	vs[0] = viol("email", "format", "bob@", 7);
	vs[0].path = "e.jsonl";
	vs[0].field = 0;
	vs[0].severity = DCVAL_SEVERITY_WARN;
	vs[1] = viol(NULL, "field_count", NULL, 9);
	vs[1].path = "e.jsonl";
	vs[1].field = 0;
	vs[1].detail = "has 4 fields, expected 5";
	vs[2] = viol("country", "missing_column", NULL, 0);
	vs[2].path = "e.jsonl";
	vs[2].detail = "is missing";
	vs[3] = viol("we\nird", "extra_column", NULL, 0);
	vs[3].path = "e.jsonl";
	vs[3].detail = "is not in the contract";
	assert_render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, vs, 4, &run,
		      "e.jsonl:7: warning: email: \"bob@\" is bad [format]\n"
		      "e.jsonl:9: error: has 4 fields, expected 5 [field_count]\n"
		      "e.jsonl: error: country: is missing [missing_column]\n"
		      "e.jsonl: error: we\\nird: is not in the contract [extra_column]\n"
		      "e.jsonl: 1 error, 1 warning in 1 record (contract events)\n"
		      "gone.csv: cannot be read: No such file or directory\n"
		      "  email [format]: 1 warning: 1 x \"bob@\"\n"
		      "  [field_count]: 1 error\n"
		      "  country [missing_column]: 1 error\n"
		      "  we\\nird [extra_column]: 1 error\n");
}

/*
 * cli.md "Behaviour users count on": nothing printed is a terminal
 * control. A path that holds a newline and a report line, C0, DEL and C1
 * controls in paths, columns, values and details, and bytes that are
 * not UTF-8, in the text report: one line per violation, escapes only.
 */
static const char forged_path[] = "x\nforged.csv:1:1: error: injected.csv";

static void test_text_escapes_paths_and_controls(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = forged_path, .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 2, .invalid_records = 1, .errors = 2 } },
		{ .path = "gone\x1b[2J\xc2\x9b" "31m.csv", .status = DCVAL_EIO,
		  .error = "cannot open 'gone\x1b[2J': \xff" },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 2 };
	dcval_violation vs[2];

	(void)state;
	vs[0] = viol("co\x7fl\xc2\x85", "type", "a\x1b[31m\xc2\x9b" "1m\xc2\xa0\xff", 2);
	vs[0].path = forged_path;
	vs[1] = viol(NULL, "malformed", NULL, 3);
	vs[1].path = forged_path;
	vs[1].field = 0;
	vs[1].detail = "near '\x1b]0;title\x07'\r\n";
	assert_render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, vs, 2, &run,
		      "x\\nforged.csv:1:1: error: injected.csv:2:3: error: co\\x7fl\\u0085: \"a\\x1b[31m\\u009b1m\xc2\xa0\\xff\" is bad [type]\n"
		      "x\\nforged.csv:1:1: error: injected.csv:3: error: near '\\x1b]0;title\\x07'\\r\\n [malformed]\n"
		      "x\\nforged.csv:1:1: error: injected.csv: 2 errors, 0 warnings in 2 records (contract c)\n"
		      "gone\\x1b[2J\\u009b31m.csv: cannot be read: cannot open 'gone\\x1b[2J': \\xff\n"
		      "  co\\x7fl\\u0085 [type]: 1 error: 1 x \"a\\x1b[31m\\u009b1m\xc2\xa0\\xff\"\n"
		      "  [malformed]: 1 error\n");
}

/* The same in the github report: GitHub's own escapes for '%', CR, LF
 * (and ':' ',' in properties), the text report's for other controls. */
static void test_github_escapes_paths_and_controls(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = forged_path, .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 2, .invalid_records = 1, .errors = 1 } },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 1 };
	dcval_violation v = viol("c\x1b\n", "type", "\xc2\x9b\r", 2);
	char *out;
	size_t i;

	(void)state;
	v.path = "a\x1b\t\xc2\x9b\n::error file=b.csv::x.csv";
	v.detail = "is \x01" "bad";
	out = render(DCVAL_REPORT_GITHUB, DCVAL_REPORT_ALL, &v, 1, &run);
	assert_string_equal(out,
			    "::error file=a\\x1b\\t\\u009b%0A%3A%3Aerror file=b.csv%3A%3Ax.csv,line=2,col=3,title=type::c\\x1b%0A: \"\\u009b\\r\" is \\x01bad\n"
			    "x\\nforged.csv:1:1: error: injected.csv: 1 error, 0 warnings in 2 records (contract c)\n"
			    "  c\\x1b\\n [type]: 1 error: 1 x \"\\u009b\\r\"\n");
	for (i = 0; out[i]; i++)
		assert_true((unsigned char)out[i] >= 0x20 || out[i] == '\n');
	free(out);
}

/* A path or column at the start of a text line never reads as a
 * GitHub Actions workflow command (the runner trims leading space). */
static void test_text_lines_are_no_workflow_commands(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = "::error file=a.csv::forged", .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 1, .invalid_records = 1, .errors = 1 } },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 1 };
	dcval_violation v = viol(" ::warning::col", "type", "x", 2);
	int f;

	(void)state;
	v.path = in[0].path;
	assert_render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, &v, 1, &run,
		      "\\x3a:error file=a.csv::forged:2:3: error:  ::warning::col: \"x\" is bad [type]\n"
		      "\\x3a:error file=a.csv::forged: 1 error, 0 warnings in 1 record (contract c)\n"
		      "   \\x3a:warning::col [type]: 1 error: 1 x \"x\"\n");
	for (f = DCVAL_REPORT_TEXT; f <= DCVAL_REPORT_GITHUB; f += DCVAL_REPORT_GITHUB) {
		char *out = render((dcval_report_format)f, DCVAL_REPORT_ALL, &v, 1, &run);
		char *line;

		for (line = out; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
			while (*line == ' ')
				line++;
			if (f == DCVAL_REPORT_GITHUB && strncmp(line, "::error file=", 13) == 0)
				continue; /* the annotation itself */
			assert_true(strncmp(line, "::", 2) != 0);
		}
		free(out);
	}
}

/*
 * contract.md "Drift": a dataset-level violation of several inputs has
 * no path. Text names the program as a compiler does ("dcval: error:"),
 * github leaves out file=, json writes null.
 */
static void test_dataset_violation_without_path(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = "a.csv", .format = DCVAL_FORMAT_CSV, .counts = { .records = 1 } },
		{ .path = "b.csv", .format = DCVAL_FORMAT_CSV, .counts = { .records = 1 } },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 2,
			      .counts = { .records = 2, .errors = 1 } };
	dcval_violation v = viol(NULL, "row_count", NULL, 0);
	char *out;

	(void)state;
	v.path = NULL;
	v.detail = "2 records, fewer than the minimum 5";
	assert_render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, &v, 1, &run,
		      "dcval: error: 2 records, fewer than the minimum 5 [row_count]\n"
		      "a.csv: 0 errors, 0 warnings in 1 record (contract c)\n"
		      "b.csv: 0 errors, 0 warnings in 1 record (contract c)\n"
		      "  [row_count]: 1 error\n");
	out = render(DCVAL_REPORT_GITHUB, DCVAL_REPORT_ALL, &v, 1, &run);
	assert_true(strncmp(out, "::error title=row_count::2 records, fewer than the minimum 5\n", 61) == 0);
	free(out);
	out = render(DCVAL_REPORT_JSONL, DCVAL_REPORT_ALL, &v, 1, &run);
	assert_true(strncmp(out, "{\"path\": null, \"record\": null,", 30) == 0);
	free(out);
}

static void test_text_aggregate_counts_examples(void **state)
{
	dcval_violation *vs = calloc(1203, sizeof(*vs));
	char *out;
	size_t i;

	(void)state;
	assert_non_null(vs);
	for (i = 0; i < 1203; i++)
		vs[i] = viol("event_type", "enum", i % 401 == 400 ? "Share" : "share",
			     (uint64_t)i + 2);
	out = render(DCVAL_REPORT_TEXT, 0, vs, 1203, &run_events);
	assert_string_equal(out,
			    "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
			    "  event_type [enum]: 1203 errors: 1200 x \"share\", 3 x \"Share\"\n"
			    "(listed 0 of 1203 violations; use --max-violations all to see every one)\n");
	free(out);
	free(vs);
}

static void test_text_examples_five_distinct_then_more(void **state)
{
	static const char *const vals[] = { "a", "b", "c", "d", "e", "f", "a",
					    "f", "e", "q\tz" };
	dcval_violation vs[10];
	size_t i;

	(void)state;
	for (i = 0; i < 10; i++)
		vs[i] = viol("x", "enum", vals[i], 2);
	vs[9].column = "y";
	assert_render(DCVAL_REPORT_TEXT, 0, vs, 10, &run_events,
		      "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
		      "  x [enum]: 9 errors: 2 x \"a\", 1 x \"b\", 1 x \"c\", 1 x \"d\", 2 x \"e\", ...\n"
		      "  y [enum]: 1 error: 1 x \"q\\tz\"\n"
		      "(listed 0 of 10 violations; use --max-violations all to see every one)\n");
}

static void test_text_aggregate_key_has_severity(void **state)
{
	dcval_violation vs[3];

	(void)state;
	vs[0] = viol("x", "max_length", "long", 2);
	vs[1] = vs[0];
	vs[1].severity = DCVAL_SEVERITY_WARN;
	vs[2] = viol("x", "max_length", "longer", 3);
	assert_render(DCVAL_REPORT_TEXT, 0, vs, 3, &run_events,
		      "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
		      "  x [max_length]: 2 errors: 1 x \"long\", 1 x \"longer\"\n"
		      "  x [max_length]: 1 warning: 1 x \"long\"\n"
		      "(listed 0 of 3 violations; use --max-violations all to see every one)\n");
}

static void test_text_cap(void **state)
{
	dcval_violation vs[3];
	static const char head[] = "events.csv:2:3: error: a: \"1\" is bad [type]\n";
	char *out;

	(void)state;
	vs[0] = viol("a", "type", "1", 2);
	vs[1] = viol("a", "type", "2", 3);
	vs[2] = viol("a", "type", "3", 4);
	out = render(DCVAL_REPORT_TEXT, 1, vs, 3, &run_events);
	assert_string_equal(out,
			    "events.csv:2:3: error: a: \"1\" is bad [type]\n"
			    "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
			    "  a [type]: 3 errors: 1 x \"1\", 1 x \"2\", 1 x \"3\"\n"
			    "(listed 1 of 3 violations; use --max-violations all to see every one)\n");
	free(out);
	/* exactly at the cap: not truncated */
	out = render(DCVAL_REPORT_TEXT, 3, vs, 3, &run_events);
	assert_memory_equal(out, head, sizeof(head) - 1);
	assert_null(strstr(out, "(listed"));
	assert_non_null(strstr(out, "events.csv:4:3: error: a: \"3\" is bad [type]\n"));
	free(out);
	out = render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, vs, 3, &run_events);
	assert_null(strstr(out, "(listed"));
	free(out);
}

static void test_text_no_violations(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = "ok.csv", .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 1 } },
	};
	dv_report_run run = { .contract_name = "c", .contract_version = "2",
			      .inputs = in, .n_inputs = 1,
			      .counts = { .records = 1 } };

	(void)state;
	assert_render(DCVAL_REPORT_TEXT, 100, NULL, 0, &run,
		      "ok.csv: 0 errors, 0 warnings in 1 record (contract c 2)\n");
}

/* ---- github ---- */

static void test_github_commands_and_summary(void **state)
{
	dcval_violation vs[3];

	(void)state;
	vs[0] = v_amount;
	vs[1] = viol("c", "r:u,le", "50%\r\n", 0);
	vs[1].path = "dir,x/a:b.csv";
	vs[1].severity = DCVAL_SEVERITY_WARN;
	vs[1].detail = "is 100%, with: colon\nand newline";
	vs[2] = viol("c", "type", "x", 5);
	vs[2].field = 0;
	assert_render(DCVAL_REPORT_GITHUB, 100, vs, 3, &run_events,
		      "::error file=events.csv,line=42,col=5,title=type::amount: \"12,5\" is not a number\n"
		      "::warning file=dir%2Cx/a%3Ab.csv,title=r%3Au%2Cle::c: \"50%25\\r\\n\" is 100%25, with: colon\\nand newline\n"
		      "::error file=events.csv,line=5,title=type::c: \"x\" is bad\n"
		      "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n"
		      "  amount [type]: 1 error: 1 x \"12,5\"\n"
		      "  c [r:u,le]: 1 warning: 1 x \"50%\\r\\n\"\n"
		      "  c [type]: 1 error: 1 x \"x\"\n");
}

/* ---- every format ---- */

/* A sensitive value appears in no format, whatever the cap. */
static void test_redacted_never_shown(void **state)
{
	static const char secret[] = "SECRET-123-45-6789";
	dcval_violation vs[3];
	char *out;
	int f;

	(void)state;
	vs[0] = viol("ssn", "pattern", secret, 2);
	vs[0].redacted = true;
	vs[1] = vs[0];
	vs[1].line = 3;
	vs[2] = viol("ssn", "required", NULL, 4);
	vs[2].redacted = true;
	for (f = DCVAL_REPORT_TEXT; f <= DCVAL_REPORT_SARIF; f++) {
		out = render((dcval_report_format)f, DCVAL_REPORT_ALL, vs, 3,
			     &run_events);
		assert_null(strstr(out, "SECRET"));
		assert_null(strstr(out, "6789"));
		assert_non_null(strstr(out, "<redacted>") ? out :
				strstr(out, "&lt;redacted&gt;"));
		free(out);
	}
	out = render(DCVAL_REPORT_TEXT, DCVAL_REPORT_ALL, vs, 3, &run_events);
	assert_non_null(strstr(out, "events.csv:2:3: error: ssn: <redacted> is bad [pattern]\n"));
	assert_non_null(strstr(out, "  ssn [pattern]: 2 errors: <redacted>\n"));
	assert_non_null(strstr(out, "  ssn [required]: 1 error\n"));
	free(out);
	out = render(DCVAL_REPORT_JSON, DCVAL_REPORT_ALL, vs, 3, &run_events);
	assert_non_null(strstr(out, "\"count\": 2, \"examples\": [\"<redacted>\"]}"));
	assert_non_null(strstr(out, "\"value\": \"<redacted>\", \"message\": \"<redacted> is bad\"}"));
	free(out);
}

/* Hundreds of keys (the hash index grows): first-seen order, exact
 * counts; the report has the violation callback's signature. */
static void test_aggregates_many_keys_in_first_seen_order(void **state)
{
	enum { N = 300 };
	dcval_violation_fn fn = dcval_report_violation;
	char names[N][8];
	char expect[N * 48 + 256];
	dcval_violation v;
	capture c;
	size_t i, o;
	char *out;
	int k;

	(void)state;
	cap_open(&c, DCVAL_REPORT_TEXT, 0);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < N; i++) {
			snprintf(names[i], sizeof(names[i]), "c%zu", i);
			v = viol(names[i], "type", k ? "v" : "w", 2);
			assert_int_equal(fn(c.r, &v), DCVAL_OK);
		}
	}
	out = cap_finish(&c, &run_events);
	o = (size_t)snprintf(expect, sizeof(expect), "%s",
			     "events.csv: 2 errors, 0 warnings in 10000 records (contract events 1.4.0)\n");
	for (i = 0; i < N; i++)
		o += (size_t)snprintf(expect + o, sizeof(expect) - o,
				      "  c%zu [type]: 2 errors: 1 x \"w\", 1 x \"v\"\n", i);
	snprintf(expect + o, sizeof(expect) - o,
		 "(listed 0 of %d violations; use --max-violations all to see every one)\n",
		 2 * N);
	assert_string_equal(out, expect);
	free(out);
}

/* Writes that fail give DCVAL_EIO, not a crash, in every format. */
static void test_write_error_is_eio(void **state)
{
	dcval_report_opts o = { .max_violations = DCVAL_REPORT_ALL };
	dcval_report *r;
	dcval_error err;
	dcval_status st;
	FILE *full;
	int f, i;

	(void)state;
	for (f = DCVAL_REPORT_TEXT; f <= DCVAL_REPORT_SARIF; f++) {
		full = fopen("/dev/full", "w");
		if (!full)
			skip();
		setvbuf(full, NULL, _IONBF, 0);
		o.format = (dcval_report_format)f;
		dcval_error_clear(&err);
		r = dcval_report_new(&o, full, &err);
		assert_non_null(r);
		st = DCVAL_OK;
		for (i = 0; i < 3 && st == DCVAL_OK; i++)
			st = dcval_report_violation(r, &v_amount);
		if (f == DCVAL_REPORT_TEXT || f == DCVAL_REPORT_JSONL ||
		    f == DCVAL_REPORT_GITHUB)
			assert_int_equal(st, DCVAL_EIO);
		else
			assert_int_equal(st, DCVAL_OK);
		assert_int_equal(dv_report_finish_summary(r, &run_events),
				 DCVAL_EIO);
		dcval_report_free(r);
		fclose(full);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_plain_and_null),
		cmocka_unit_test(test_value_cut_at_80_bytes),
		cmocka_unit_test(test_value_cut_at_multibyte_character),
		cmocka_unit_test(test_value_redacted),
		cmocka_unit_test(test_value_escape),
		cmocka_unit_test(test_value_escape_after_cut),
		cmocka_unit_test(test_value_small_cap),
		cmocka_unit_test(test_message_forms),
		cmocka_unit_test(test_message_cut_to_cap),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_new_bad_format_and_free_null),
		cmocka_unit_test(test_text_cli_example),
		cmocka_unit_test(test_text_line_forms),
		cmocka_unit_test(test_text_aggregate_counts_examples),
		cmocka_unit_test(test_text_examples_five_distinct_then_more),
		cmocka_unit_test(test_text_aggregate_key_has_severity),
		cmocka_unit_test(test_text_cap),
		cmocka_unit_test(test_text_no_violations),
		cmocka_unit_test(test_github_commands_and_summary),
		cmocka_unit_test(test_text_escapes_paths_and_controls),
		cmocka_unit_test(test_github_escapes_paths_and_controls),
		cmocka_unit_test(test_dataset_violation_without_path),
		cmocka_unit_test(test_text_lines_are_no_workflow_commands),
		cmocka_unit_test(test_redacted_never_shown),
		cmocka_unit_test(test_aggregates_many_keys_in_first_seen_order),
		cmocka_unit_test(test_write_error_is_eio),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

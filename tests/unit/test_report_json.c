/*
 * Unit tests of the json, jsonl and junit reports: exact output, keys in
 * order, output that parses back with jansson, the spill file of the
 * json report. See test_report.c for the rest.
 */
#include "report_fixture.h"

#include <jansson.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- json ---- */

static const char json_example[] =
	"{\n"
	"  \"report_version\": 1,\n"
	"  \"tool\": {\"name\": \"dcval\", \"version\": \"" DCVAL_VERSION "\"},\n"
	"  \"contract\": {\"name\": \"events\", \"version\": \"1.4.0\", \"owner\": null, \"source\": null, \"sha256\": \"ab12\"},\n"
	"  \"valid\": false,\n"
	"  \"inputs\": [\n"
	"    {\"path\": \"events.csv\", \"format\": \"csv\", \"bytes\": 1048576, \"compression\": null, \"records\": 10000, \"errors\": 2, \"warnings\": 0, \"invalid_records\": 2}\n"
	"  ],\n"
	"  \"counts\": {\"records\": 10000, \"invalid_records\": 2, \"errors\": 2, \"warnings\": 0},\n"
	"  \"rules\": [\n"
	"    {\"rule\": \"type\", \"column\": \"amount\", \"severity\": \"error\", \"count\": 1, \"examples\": [\"12,5\"]},\n"
	"    {\"rule\": \"enum\", \"column\": \"event_type\", \"severity\": \"error\", \"count\": 1, \"examples\": [\"share\"]}\n"
	"  ],\n"
	"  \"violations\": [\n"
	"    {\"path\": \"events.csv\", \"record\": 41, \"line\": 42, \"field\": 5, \"column\": \"amount\", \"rule\": \"type\", \"severity\": \"error\", \"value\": \"12,5\", \"message\": \"\\\"12,5\\\" is not a number\"},\n"
	"    {\"path\": \"events.csv\", \"record\": 96, \"line\": 97, \"field\": 2, \"column\": \"event_type\", \"rule\": \"enum\", \"severity\": \"error\", \"value\": \"share\", \"message\": \"\\\"share\\\" is not one of click, view, purchase, signup, logout\"}\n"
	"  ],\n"
	"  \"truncated\": false\n"
	"}\n";

static void test_json_cli_example(void **state)
{
	const dcval_violation vs[] = { v_amount, v_share };

	(void)state;
	assert_render(DCVAL_REPORT_JSON, 100, vs, 2, &run_events, json_example);
}

static void assert_keys(json_t *obj, const char *const *keys, size_t n)
{
	void *it = json_object_iter(obj);
	size_t i;

	assert_int_equal(json_object_size(obj), n);
	for (i = 0; i < n; i++) {
		assert_non_null(it);
		assert_string_equal(json_object_iter_key(it), keys[i]);
		it = json_object_iter_next(obj, it);
	}
	assert_null(it);
}

static const char *const doc_keys[] = { "report_version", "tool", "contract",
					"valid", "inputs", "counts", "rules",
					"violations", "truncated" };
static const char *const viol_keys[] = { "path", "record", "line",
					 "field", "column", "rule",
					 "severity", "value", "message" };

static void test_json_parses_with_keys_in_order(void **state)
{
	static const char *const contract_keys[] = { "name", "version", "owner",
						     "source", "sha256" };
	static const char *const input_keys[] = { "path", "format", "bytes",
						  "compression", "records",
						  "errors", "warnings",
						  "invalid_records" };
	const dcval_violation vs[] = { v_amount, v_share };
	char *out = render(DCVAL_REPORT_JSON, 100, vs, 2, &run_events);
	json_error_t jerr;
	json_t *doc = json_loads(out, 0, &jerr);

	(void)state;
	assert_non_null(doc);
	assert_keys(doc, doc_keys, 9);
	assert_keys(json_object_get(doc, "contract"), contract_keys, 5);
	assert_keys(json_array_get(json_object_get(doc, "inputs"), 0),
		    input_keys, 8);
	assert_keys(json_array_get(json_object_get(doc, "violations"), 1),
		    viol_keys, 9);
	assert_true(json_is_false(json_object_get(doc, "valid")));
	json_decref(doc);
	free(out);
}

static void test_json_nulls_escaping_and_truncation(void **state)
{
	dcval_violation vs[3];
	static const dcval_input_info in[] = {
		{ .path = "-", .error = "read error", .status = DCVAL_EIO },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 1 };

	(void)state;
	/* no error, but an input that could not be read: not valid */
	vs[0] = viol(NULL, "row_count", NULL, 0);
	vs[0].severity = DCVAL_SEVERITY_WARN;
	vs[0].path = "-";
	vs[1] = viol("t", "pattern", "x\x01\xff\"\\/\n", 0);
	vs[1].path = "-";
	vs[2] = vs[1];
	assert_render(DCVAL_REPORT_JSON, 2, vs, 3, &run,
		      "{\n"
		      "  \"report_version\": 1,\n"
		      "  \"tool\": {\"name\": \"dcval\", \"version\": \"" DCVAL_VERSION "\"},\n"
		      "  \"contract\": {\"name\": \"c\", \"version\": null, \"owner\": null, \"source\": null, \"sha256\": null},\n"
		      "  \"valid\": false,\n"
		      "  \"inputs\": [\n"
		      "    {\"path\": \"-\", \"format\": null, \"bytes\": 0, \"compression\": null, \"records\": 0, \"errors\": 0, \"warnings\": 0, \"invalid_records\": 0, \"error\": \"read error\"}\n"
		      "  ],\n"
		      "  \"counts\": {\"records\": 0, \"invalid_records\": 0, \"errors\": 0, \"warnings\": 0},\n"
		      "  \"rules\": [\n"
		      "    {\"rule\": \"row_count\", \"column\": null, \"severity\": \"warn\", \"count\": 1, \"examples\": []},\n"
		      "    {\"rule\": \"pattern\", \"column\": \"t\", \"severity\": \"error\", \"count\": 2, \"examples\": [\"x\\u0001\xef\xbf\xbd\\\"\\\\/\\n\"]}\n"
		      "  ],\n"
		      "  \"violations\": [\n"
		      "    {\"path\": \"-\", \"record\": null, \"line\": null, \"field\": null, \"column\": null, \"rule\": \"row_count\", \"severity\": \"warn\", \"value\": null, \"message\": \"is bad\"},\n"
		      "    {\"path\": \"-\", \"record\": null, \"line\": null, \"field\": null, \"column\": \"t\", \"rule\": \"pattern\", \"severity\": \"error\", \"value\": \"x\\u0001\xef\xbf\xbd\\\"\\\\/\\n\", \"message\": \"\\\"x\\\\x01\\\\xff\\\\\\\"\\\\\\\\/\\\\n\\\" is bad\"}\n"
		      "  ],\n"
		      "  \"truncated\": true\n"
		      "}\n");
}

static void test_json_empty_and_cap_zero(void **state)
{
	const dcval_violation vs[] = { v_amount };
	char *out = render(DCVAL_REPORT_JSON, 0, vs, 1, &run_events);
	json_t *doc = json_loads(out, 0, NULL);

	(void)state;
	assert_non_null(strstr(out, "  \"violations\": [],\n  \"truncated\": true\n}\n"));
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "violations")), 0);
	assert_int_equal(json_integer_value(json_object_get(
				 json_array_get(json_object_get(doc, "rules"), 0),
				 "count")), 1);
	json_decref(doc);
	free(out);
}

static void test_json_spill_many(void **state)
{
	enum { N = 20000 };
	capture c;
	dcval_violation v = v_amount;
	json_t *doc;
	json_t *vs;
	char *out;
	size_t i;

	(void)state;
	cap_open(&c, DCVAL_REPORT_JSON, DCVAL_REPORT_ALL);
	for (i = 0; i < N; i++) {
		v.line = i + 2;
		v.record = i + 1;
		assert_int_equal(dcval_report_violation(c.r, &v), DCVAL_OK);
	}
	out = cap_finish(&c, &run_events);
	doc = json_loads(out, 0, NULL);
	assert_non_null(doc);
	vs = json_object_get(doc, "violations");
	assert_int_equal(json_array_size(vs), N);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(vs, N - 1),
							    "line")), N + 1);
	assert_true(json_is_false(json_object_get(doc, "truncated")));
	json_decref(doc);
	free(out);
}

/* ---- jsonl ---- */

static void test_jsonl_lines_and_summary(void **state)
{
	const dcval_violation vs[] = { v_amount, v_share };
	static const char *const summary_keys[] = { "report_version", "tool",
						    "contract", "valid", "inputs",
						    "counts", "rules", "truncated" };
	char *out = render(DCVAL_REPORT_JSONL, 1, vs, 2, &run_events);
	char *nl = strchr(out, '\n');
	json_t *doc;

	(void)state;
	assert_string_equal(out,
			    "{\"path\": \"events.csv\", \"record\": 41, \"line\": 42, \"field\": 5, \"column\": \"amount\", \"rule\": \"type\", \"severity\": \"error\", \"value\": \"12,5\", \"message\": \"\\\"12,5\\\" is not a number\"}\n"
			    "{\"summary\": {\"report_version\": 1, \"tool\": {\"name\": \"dcval\", \"version\": \"" DCVAL_VERSION "\"}, "
			    "\"contract\": {\"name\": \"events\", \"version\": \"1.4.0\", \"owner\": null, \"source\": null, \"sha256\": \"ab12\"}, "
			    "\"valid\": false, "
			    "\"inputs\": [{\"path\": \"events.csv\", \"format\": \"csv\", \"bytes\": 1048576, \"compression\": null, \"records\": 10000, \"errors\": 2, \"warnings\": 0, \"invalid_records\": 2}], "
			    "\"counts\": {\"records\": 10000, \"invalid_records\": 2, \"errors\": 2, \"warnings\": 0}, "
			    "\"rules\": [{\"rule\": \"type\", \"column\": \"amount\", \"severity\": \"error\", \"count\": 1, \"examples\": [\"12,5\"]}, "
			    "{\"rule\": \"enum\", \"column\": \"event_type\", \"severity\": \"error\", \"count\": 1, \"examples\": [\"share\"]}], "
			    "\"truncated\": true}}\n");
	assert_non_null(nl);
	doc = json_loadb(out, (size_t)(nl - out), 0, NULL);
	assert_non_null(doc);
	assert_keys(doc, viol_keys, 9);
	json_decref(doc);
	doc = json_loads(nl + 1, 0, NULL);
	assert_non_null(doc);
	assert_keys(json_object_get(doc, "summary"), summary_keys, 8);
	json_decref(doc);
	free(out);
}

/* ---- junit ---- */

/*
 * Every junit report a test writes validates against the schema the CLI
 * tests use (tests/junit/junit.xsd, run from the repository root as
 * make check does), when xmllint is there.
 */
static void assert_junit_valid(const char *xml)
{
	char path[] = "/tmp/dcval-junit-XXXXXX";
	char cmd[256];
	int fd = mkstemp(path), rc;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(xml, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof(cmd),
		 "xmllint --noout --schema tests/junit/junit.xsd %s 2>/dev/null", path);
	rc = system(cmd);
	remove(path);
	if (rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 127)
		return; /* no xmllint: the CLI tests say so */
	assert_int_equal(rc, 0);
}

static void assert_junit(const dcval_violation *vs, size_t n,
			 const dv_report_run *run, const char *expected)
{
	char *out = render(DCVAL_REPORT_JUNIT, 0, vs, n, run);

	assert_string_equal(out, expected);
	assert_junit_valid(out);
	free(out);
}

static void test_junit_suites(void **state)
{
	dcval_violation vs[8];
	static const dcval_input_info in[] = {
		{ .path = "a<b>.csv", .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 9, .invalid_records = 7, .errors = 7,
			      .warnings = 1 } },
		{ .path = "ok.csv", .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 3 } },
		{ .path = "gone.csv", .status = DCVAL_EIO,
		  .error = "No such \"file\"" },
	};
	dv_report_run run = { .contract_name = "ev&nts", .inputs = in,
			      .n_inputs = 3 };
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++) {
		vs[i] = viol("amount", "type", "1&2", i + 2);
		vs[i].path = "a<b>.csv";
	}
	vs[0].value = "x\x01<y>'";
	vs[0].value_len = 6;
	vs[6] = viol("email", "format", "bob", 9);
	vs[6].path = "a<b>.csv";
	vs[6].severity = DCVAL_SEVERITY_WARN;
	/* dataset-level, several inputs: no path, a suite of its own */
	vs[7] = viol(NULL, "row_count", NULL, 0);
	vs[7].path = NULL;
	assert_junit(vs, 8, &run,
		      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<testsuites name=\"dcval\" tests=\"5\" failures=\"2\" errors=\"1\">\n"
		      "  <testsuite name=\"a&lt;b&gt;.csv\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
		      "    <testcase classname=\"dcval.ev&amp;nts\" name=\"amount type\">\n"
		      "      <failure type=\"type\" message=\"6 errors\">6 errors\n"
		      "a&lt;b&gt;.csv:2:3: &quot;x\\x01&lt;y&gt;&apos;&quot; is bad\n"
		      "a&lt;b&gt;.csv:3:3: &quot;1&amp;2&quot; is bad\n"
		      "a&lt;b&gt;.csv:4:3: &quot;1&amp;2&quot; is bad\n"
		      "a&lt;b&gt;.csv:5:3: &quot;1&amp;2&quot; is bad\n"
		      "a&lt;b&gt;.csv:6:3: &quot;1&amp;2&quot; is bad\n"
		      "(and 1 more)</failure>\n"
		      "    </testcase>\n"
		      "    <testcase classname=\"dcval.ev&amp;nts\" name=\"email format\">\n"
		      "      <system-out>1 warning\n"
		      "a&lt;b&gt;.csv:9:3: &quot;bob&quot; is bad</system-out>\n"
		      "    </testcase>\n"
		      "  </testsuite>\n"
		      "  <testsuite name=\"ok.csv\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
		      "    <testcase classname=\"dcval.ev&amp;nts\" name=\"contract\"/>\n"
		      "  </testsuite>\n"
		      "  <testsuite name=\"gone.csv\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
		      "    <testcase classname=\"dcval.ev&amp;nts\" name=\"contract\">\n"
		      "      <error message=\"cannot be read: No such &quot;file&quot;\"/>\n"
		      "    </testcase>\n"
		      "  </testsuite>\n"
		      "  <testsuite name=\"(all inputs)\" tests=\"1\" failures=\"1\" errors=\"0\">\n"
		      "    <testcase classname=\"dcval.ev&amp;nts\" name=\"row_count\">\n"
		      "      <failure type=\"row_count\" message=\"1 error\">1 error\n"
		      "is bad</failure>\n"
		      "    </testcase>\n"
		      "  </testsuite>\n"
		      "</testsuites>\n");
}

/* cli.md "Behaviour users count on": junit is well-formed XML 1.0 and
 * the characters XML forbids are written as \uXXXX text */
static void test_junit_xml_escapes_control_bytes(void **state)
{
	dcval_violation v = viol("c\x01ol\xc2\x9b", "type", NULL, 2);
	char *out;

	(void)state;
	v.path = "in\x1b[31m\xef\xbf\xbe\xff.csv";
	v.detail = "bad\x02 \xff byte";
	out = render(DCVAL_REPORT_JUNIT, 0, &v, 1, &run_events);
	assert_junit_valid(out);
	assert_non_null(strstr(out, "name=\"c\\u0001ol\\u009B type\""));
	/* samples are the text report's location and message */
	assert_non_null(strstr(out, "in\\x1b[31m\\uFFFE\\xff.csv:2:3: bad\\x02 \\xff byte"));
	assert_null(strchr(out, '\x01'));
	assert_null(strchr(out, '\x02'));
	assert_null(strchr(out, '\x1b'));
	assert_null(strstr(out, "\xc2\x9b"));
	free(out);
}

/* A value holding U+FFFE or U+FFFF (valid UTF-8, not XML) and a suite
 * named by a path with forbidden characters still parse. */
static void test_junit_xml_noncharacters(void **state)
{
	static const dcval_input_info in[] = {
		{ .path = "a\x01\xef\xbf\xbf\t.csv", .format = DCVAL_FORMAT_CSV,
		  .counts = { .records = 1, .invalid_records = 1, .errors = 1 } },
	};
	dv_report_run run = { .contract_name = "c", .inputs = in, .n_inputs = 1 };
	dcval_violation v = viol("c", "type", "x\xef\xbf\xbey\xef\xbf\xbf", 2);
	char *out;

	(void)state;
	v.path = in[0].path;
	out = render(DCVAL_REPORT_JUNIT, 0, &v, 1, &run);
	assert_junit_valid(out);
	assert_non_null(strstr(out, "<testsuite name=\"a\\u0001\\uFFFF&#9;.csv\""));
	assert_non_null(strstr(out, "&quot;x\\uFFFEy\\uFFFF&quot; is bad"));
	assert_null(strstr(out, "\xef\xbf\xbe"));
	assert_null(strstr(out, "\xef\xbf\xbf"));
	free(out);
}

/* A value cut before a multi-byte character parses back as the cut
 * value with "...". */
static void test_cut_value_in_json_formats(void **state)
{
	char s[90], want[100];
	dcval_violation v;
	json_t *doc;
	char *out;

	(void)state;
	memset(s, 'x', 76);
	strcpy(s + 76, "\xc3\xa9 tail");
	v = viol("c", "type", s, 2);
	memset(want, 'x', 76);
	strcpy(want + 76, "...");
	out = render(DCVAL_REPORT_JSON, DCVAL_REPORT_ALL, &v, 1, &run_events);
	doc = json_loads(out, 0, NULL);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(json_object_get(doc, "violations"), 0),
				    "value")), want);
	json_decref(doc);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_cli_example),
		cmocka_unit_test(test_json_parses_with_keys_in_order),
		cmocka_unit_test(test_json_nulls_escaping_and_truncation),
		cmocka_unit_test(test_json_empty_and_cap_zero),
		cmocka_unit_test(test_json_spill_many),
		cmocka_unit_test(test_jsonl_lines_and_summary),
		cmocka_unit_test(test_junit_suites),
		cmocka_unit_test(test_junit_xml_escapes_control_bytes),
		cmocka_unit_test(test_junit_xml_noncharacters),
		cmocka_unit_test(test_cut_value_in_json_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests of the sarif report: the exact log of a small run, rules in
 * first-seen order from the aggregates (also beyond the listing cap),
 * ruleIndex, paths as URI references, results without a region or a
 * location, unreadable inputs, the rule descriptions of every engine
 * rule id, hostile text. Output is parsed back with jansson.
 */
#include "report_fixture.h"

#include <jansson.h>

#include "value/ruleid.h"

static const char sarif_example[] =
	"{\n"
	"  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	"  \"version\": \"2.1.0\",\n"
	"  \"runs\": [\n"
	"    {\n"
	"      \"tool\": {\n"
	"        \"driver\": {\n"
	"          \"name\": \"dcval\",\n"
	"          \"version\": \"" DCVAL_VERSION "\",\n"
	"          \"rules\": [\n"
	"            {\"id\": \"type\", \"shortDescription\": {\"text\": \"Value is not of the column's type\"}, "
	"\"fullDescription\": {\"text\": \"The value does not parse as the column's declared type (string, integer, number, boolean, date, datetime, time or vector). Its other value checks are skipped, and cross-field rules see it as null.\"}, "
	"\"help\": {\"text\": \"Correct the value so that it parses as the column's type, or change the column's type in the contract if the data is right. In JSON inputs a string such as \\\"12\\\" in an integer column is a type violation unless input.coerce is true.\"}},\n"
	"            {\"id\": \"enum\", \"shortDescription\": {\"text\": \"Value is not one of the allowed values\"}, "
	"\"fullDescription\": {\"text\": \"The value is not in the column's enum list.\"}, "
	"\"help\": {\"text\": \"Use one of the listed values, or add the value to the column's enum if it is legitimate: new values upstream (schema drift) often show here first.\"}}\n"
	"          ]\n"
	"        }\n"
	"      },\n"
	"      \"invocations\": [\n"
	"        {\"executionSuccessful\": true}\n"
	"      ],\n"
	"      \"results\": [\n"
	"        {\"ruleId\": \"type\", \"ruleIndex\": 0, \"level\": \"error\", \"message\": {\"text\": \"\\\"12,5\\\" is not a number\"}, "
	"\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"events.csv\"}, \"region\": {\"startLine\": 42}}}], "
	"\"properties\": {\"record\": 41, \"field\": 5, \"column\": \"amount\", \"value\": \"12,5\"}},\n"
	"        {\"ruleId\": \"enum\", \"ruleIndex\": 1, \"level\": \"error\", \"message\": {\"text\": \"\\\"share\\\" is not one of click, view, purchase, signup, logout\"}, "
	"\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"events.csv\"}, \"region\": {\"startLine\": 97}}}], "
	"\"properties\": {\"record\": 96, \"field\": 2, \"column\": \"event_type\", \"value\": \"share\"}}\n"
	"      ],\n"
	"      \"properties\": {\n"
	"        \"contract\": {\"name\": \"events\", \"version\": \"1.4.0\", \"owner\": null, \"source\": null, \"sha256\": \"ab12\"},\n"
	"        \"valid\": false,\n"
	"        \"counts\": {\"records\": 10000, \"invalid_records\": 2, \"errors\": 2, \"warnings\": 0},\n"
	"        \"truncated\": false\n"
	"      }\n"
	"    }\n"
	"  ]\n"
	"}\n";

static void test_sarif_example(void **state)
{
	const dcval_violation vs[] = { v_amount, v_share };

	(void)state;
	assert_render(DCVAL_REPORT_SARIF, 100, vs, 2, &run_events, sarif_example);
}

/* The rendered log, parsed; runs[0] in *run. */
static json_t *parse_log(const char *out, json_t **run)
{
	json_error_t jerr;
	json_t *doc = json_loads(out, 0, &jerr);

	if (!doc)
		fail_msg("not JSON at %d:%d: %s", jerr.line, jerr.column, jerr.text);
	*run = json_array_get(json_object_get(doc, "runs"), 0);
	assert_non_null(*run);
	return doc;
}

static json_t *rules_of(json_t *run)
{
	return json_object_get(json_object_get(json_object_get(run, "tool"),
					       "driver"), "rules");
}

static const char *str_at(json_t *obj, const char *k1, const char *k2)
{
	json_t *v = json_object_get(obj, k1);

	if (k2)
		v = json_object_get(v, k2);
	return json_string_value(v);
}

/* Each result's ruleIndex names a rule whose id is its ruleId. */
static void assert_rule_index_consistent(json_t *run)
{
	json_t *rules = rules_of(run), *res;
	size_t i, k;

	json_array_foreach(json_object_get(run, "results"), i, res) {
		k = (size_t)json_integer_value(json_object_get(res, "ruleIndex"));
		assert_true(k < json_array_size(rules));
		assert_string_equal(str_at(json_array_get(rules, k), "id", NULL),
				    str_at(res, "ruleId", NULL));
	}
}

/* Rules come from every violation counted, in first-seen order, also
 * beyond the cap; results are capped; counts and truncated follow. */
static void test_rules_first_seen_beyond_cap(void **state)
{
	dcval_violation vs[5];
	json_t *doc, *run, *rules;
	char *out;

	(void)state;
	vs[0] = viol("a", "enum", "x", 2);
	vs[1] = viol("b", "type", "y", 3);
	vs[2] = viol("a", "enum", "z", 4);
	vs[3] = viol(NULL, "field_count", NULL, 5);
	vs[4] = viol("c", "pattern", "w", 6);
	vs[4].severity = DCVAL_SEVERITY_WARN;
	out = render(DCVAL_REPORT_SARIF, 3, vs, 5, &run_events);
	doc = parse_log(out, &run);
	rules = rules_of(run);
	assert_int_equal(json_array_size(rules), 4);
	assert_string_equal(str_at(json_array_get(rules, 0), "id", NULL), "enum");
	assert_string_equal(str_at(json_array_get(rules, 1), "id", NULL), "type");
	assert_string_equal(str_at(json_array_get(rules, 2), "id", NULL), "field_count");
	assert_string_equal(str_at(json_array_get(rules, 3), "id", NULL), "pattern");
	assert_int_equal(json_array_size(json_object_get(run, "results")), 3);
	assert_rule_index_consistent(run);
	assert_true(json_is_true(json_object_get(json_object_get(run, "properties"),
						 "truncated")));
	json_decref(doc);
	free(out);

	/* all listed: the warning's level */
	out = render(DCVAL_REPORT_SARIF, DCVAL_REPORT_ALL, vs, 5, &run_events);
	doc = parse_log(out, &run);
	assert_rule_index_consistent(run);
	assert_string_equal(str_at(json_array_get(json_object_get(run, "results"), 4),
				   "level", NULL), "warning");
	assert_string_equal(str_at(json_array_get(json_object_get(run, "results"), 0),
				   "level", NULL), "error");
	json_decref(doc);
	free(out);

	/* summary only: no results, every rule */
	out = render(DCVAL_REPORT_SARIF, 0, vs, 5, &run_events);
	doc = parse_log(out, &run);
	assert_int_equal(json_array_size(json_object_get(run, "results")), 0);
	assert_int_equal(json_array_size(rules_of(run)), 4);
	json_decref(doc);
	free(out);
}

/* The uri of the one result of a violation at `path` line `line`, or
 * NULL when it has no location; *region whether it has a region. */
static char *uri_of(const char *path, uint64_t line, bool *region)
{
	dcval_violation v = viol("a", "type", "x", line);
	json_t *doc, *run, *res, *locs, *phys;
	char *uri = NULL, *out;

	v.path = path;
	out = render(DCVAL_REPORT_SARIF, 100, &v, 1, &run_events);
	doc = parse_log(out, &run);
	res = json_array_get(json_object_get(run, "results"), 0);
	assert_non_null(res);
	locs = json_object_get(res, "locations");
	*region = false;
	if (locs) {
		assert_int_equal(json_array_size(locs), 1);
		phys = json_object_get(json_array_get(locs, 0), "physicalLocation");
		uri = strdup(str_at(phys, "artifactLocation", "uri"));
		*region = json_object_get(phys, "region") != NULL;
	}
	json_decref(doc);
	free(out);
	return uri;
}

static void assert_uri(const char *path, const char *want)
{
	bool region;
	char *uri = uri_of(path, 7, &region);

	assert_non_null(uri);
	assert_string_equal(uri, want);
	assert_true(region);
	free(uri);
}

static void test_paths_as_uri_references(void **state)
{
	bool region;
	char *uri;

	(void)state;
	assert_uri("events.csv", "events.csv");
	assert_uri("data/2026-01/a_b~c.csv", "data/2026-01/a_b~c.csv");
	assert_uri("./a b.csv", "./a%20b.csv");
	assert_uri("50%.csv", "50%25.csv");
	assert_uri("a#b?c.csv", "a%23b%3Fc.csv");
	assert_uri("c:x.csv", "c%3Ax.csv"); /* would read as a scheme */
	assert_uri("\xc3\xa9t\xc3\xa9.csv", "%C3%A9t%C3%A9.csv");
	assert_uri("bad\xff\x01\n.csv", "bad%FF%01%0A.csv");
	assert_uri("a\\b\"<>[]{}|^`.csv", "a%5Cb%22%3C%3E%5B%5D%7B%7D%7C%5E%60.csv");
	assert_uri("it's(1)+[x]&y=z;!*$,@.csv",
		   "it's(1)+%5Bx%5D&y=z;!*$,@.csv");
	assert_uri("-", "-");
	assert_uri("/srv/data/a b.csv", "file:///srv/data/a%20b.csv");
	/* no line: a location without region */
	uri = uri_of("events.csv", 0, &region);
	assert_string_equal(uri, "events.csv");
	assert_false(region);
	free(uri);
	/* no path: no location at all */
	assert_null(uri_of(NULL, 0, &region));
	assert_null(uri_of("", 3, &region));
}

/* A rule id without a table entry (a cross-field rule's name) gets a
 * generic description naming it. */
static void test_unknown_rule_id_generic_text(void **state)
{
	dcval_violation v = viol(NULL, "label_after_event", NULL, 4);
	json_t *doc, *run, *rule;
	char *out;

	(void)state;
	out = render(DCVAL_REPORT_SARIF, 100, &v, 1, &run_events);
	doc = parse_log(out, &run);
	rule = json_array_get(rules_of(run), 0);
	assert_string_equal(str_at(rule, "id", NULL), "label_after_event");
	assert_string_equal(str_at(rule, "shortDescription", "text"),
			    "Rule 'label_after_event' is violated");
	assert_non_null(strstr(str_at(rule, "fullDescription", "text"),
			       "rule 'label_after_event'"));
	assert_non_null(strstr(str_at(rule, "help", "text"),
			       "'label_after_event'"));
	json_decref(doc);
	free(out);
}

/* Every rule id of the engine has a description: brief, full and help,
 * the brief a title without a final period. */
static void test_every_engine_rule_described(void **state)
{
	const dv_rule_help *h;
	int r;

	(void)state;
	for (r = 0; r < DV_R_COUNT; r++) {
		h = dv_report_rule_help(dv_rule_id((dv_rule)r));
		if (!h)
			fail_msg("no description of rule '%s'", dv_rule_id((dv_rule)r));
		assert_string_equal(h->id, dv_rule_id((dv_rule)r));
		assert_true(strlen(h->brief) > 8 && strlen(h->full) > 8 &&
			    strlen(h->help) > 8);
		assert_true(h->brief[strlen(h->brief) - 1] != '.');
		assert_true(h->full[strlen(h->full) - 1] == '.');
		assert_true(h->help[strlen(h->help) - 1] == '.');
	}
	assert_null(dv_report_rule_help("label_after_event"));
	assert_null(dv_report_rule_help(""));
}

/* An input that could not be read: executionSuccessful false and a
 * notification naming it; the counts stay. */
static void test_unreadable_input_notification(void **state)
{
	static const dcval_input_info inputs[] = {
		{ .path = "ok.csv", .format = DCVAL_FORMAT_CSV },
		{ .path = "gone dir/x.csv", .status = DCVAL_EIO,
		  .error = "cannot open: No such file or directory" },
	};
	dv_report_run run = run_events;
	json_t *doc, *jrun, *inv, *note, *loc;
	char *out;

	(void)state;
	run.inputs = inputs;
	run.n_inputs = 2;
	out = render(DCVAL_REPORT_SARIF, 100, NULL, 0, &run);
	doc = parse_log(out, &jrun);
	inv = json_array_get(json_object_get(jrun, "invocations"), 0);
	assert_true(json_is_false(json_object_get(inv, "executionSuccessful")));
	assert_int_equal(json_array_size(json_object_get(inv, "toolExecutionNotifications")), 1);
	note = json_array_get(json_object_get(inv, "toolExecutionNotifications"), 0);
	assert_string_equal(str_at(note, "level", NULL), "error");
	assert_string_equal(str_at(note, "message", "text"),
			    "cannot open: No such file or directory");
	loc = json_object_get(json_array_get(json_object_get(note, "locations"), 0),
			      "physicalLocation");
	assert_string_equal(str_at(loc, "artifactLocation", "uri"), "gone%20dir/x.csv");
	assert_null(json_object_get(loc, "region"));
	json_decref(doc);
	free(out);
}

/* Control bytes, quotes and invalid UTF-8 in the column, value, detail
 * and rule id still give one valid JSON document, values as in json. */
static void test_hostile_text_is_valid_json(void **state)
{
	dcval_violation v = viol("c\"\n\x1b[31m", "type", "a\"\\\x01\xff\xfe", 2);
	json_t *doc, *run, *res, *props;
	char *out;

	(void)state;
	v.detail = "is \"bad\"\n\x9b";
	out = render(DCVAL_REPORT_SARIF, 100, &v, 1, &run_events);
	assert_null(strchr(strstr(out, "\"results\""), '\x1b'));
	doc = parse_log(out, &run);
	res = json_array_get(json_object_get(run, "results"), 0);
	props = json_object_get(res, "properties");
	assert_string_equal(str_at(props, "column", NULL), "c\"\n\x1b[31m");
	assert_string_equal(str_at(props, "value", NULL),
			    "a\"\\\x01\xef\xbf\xbd\xef\xbf\xbd");
	assert_non_null(strstr(str_at(res, "message", "text"), "\\x01\\xff\\xfe"));
	json_decref(doc);
	free(out);
}

/*
 * Past DV_REPORT_MAX_AGGS distinct aggregate keys the aggregates take no
 * new rule: a listed violation of a new rule id still gets a rule entry
 * and a consistent ruleIndex.
 */
static void test_listed_rule_beyond_aggregate_limit(void **state)
{
	char name[16];
	dcval_violation v;
	const char *rules, *p;
	size_t n, k;
	capture c;
	char *out;
	int i;

	(void)state;
	cap_open(&c, DCVAL_REPORT_SARIF, DCVAL_REPORT_ALL);
	for (i = 0; i < DV_REPORT_MAX_AGGS; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		v = viol(name, "extra_column", NULL, 0);
		v.path = "p";
		assert_int_equal(dcval_report_violation(c.r, &v), DCVAL_OK);
	}
	v = viol("z", "type", "x", 9);
	assert_int_equal(dcval_report_violation(c.r, &v), DCVAL_OK);
	out = cap_finish(&c, &run_events);
	/* (the log is large: looked at as text, not parsed) */
	rules = strstr(out, "\"rules\": [\n");
	assert_non_null(rules);
	assert_memory_equal(rules + 23, "{\"id\": \"extra_column\", ", 23);
	p = strstr(rules, "}},\n            {\"id\": \"type\", ");
	assert_non_null(p);
	assert_non_null(strstr(p, "}}\n          ]\n"));
	assert_true(strstr(p, "}}\n          ]\n") < strstr(p, "\"invocations\""));
	assert_non_null(strstr(out, "{\"ruleId\": \"type\", \"ruleIndex\": 1, "));
	assert_null(strstr(out, "{\"ruleId\": \"extra_column\", \"ruleIndex\": 1, "));
	/* one pass (a strstr per result is quadratic under ASan, whose
	 * interceptor measures the whole rest of the text each time) */
	n = strlen(out);
	for (i = 0, k = 0; k + 11 < n; k++)
		i += out[k] == '{' && memcmp(out + k, "{\"ruleId\": ", 11) == 0;
	assert_int_equal(i, DV_REPORT_MAX_AGGS + 1);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sarif_example),
		cmocka_unit_test(test_rules_first_seen_beyond_cap),
		cmocka_unit_test(test_paths_as_uri_references),
		cmocka_unit_test(test_unknown_rule_id_generic_text),
		cmocka_unit_test(test_every_engine_rule_described),
		cmocka_unit_test(test_unreadable_input_notification),
		cmocka_unit_test(test_hostile_text_is_valid_json),
		cmocka_unit_test(test_listed_rule_beyond_aggregate_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

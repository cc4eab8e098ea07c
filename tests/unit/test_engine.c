/*
 * Unit tests of the engine (src/engine/: header mapping, per-record
 * checks, dataset checks, counts, fail-fast) through the public API with
 * CSV inputs: a contract from a YAML string, a validator whose callback
 * records every violation, inputs from fmemopen() streams.
 *
 * Most tests compare a one-line digest of the violations seen, each as
 * RULE:RECORD:LINE:FIELD:COLUMN ("-" when there is no column), in order.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "harness.h"

/* Run inputs in[0..n) (NUL-terminated texts) through contract yaml. */
static void run_opts(const char *yaml, const char *const *in, size_t n,
		     unsigned flags, bool quarantine, struct run *r)
{
	struct run_cfg cfg = { .flags = flags, .quarantine = quarantine };
	struct input inputs[8];
	size_t i;

	assert_true(n <= 8);
	for (i = 0; i < n; i++) {
		inputs[i].data = in[i];
		inputs[i].len = strlen(in[i]);
	}
	run_inputs(yaml, inputs, n, &cfg, r);
}

static void run1(const char *yaml, const char *data, struct run *r)
{
	run_opts(yaml, &data, 1, 0, false, r);
}

/* Contract with one column `v` declared by `decl` (indented lines). */
static void run_col(const char *decl, const char *data, struct run *r)
{
	char yaml[1024];

	snprintf(yaml, sizeof(yaml),
		 "contract: t\ncolumns:\n  - name: v\n%s", decl);
	run1(yaml, data, r);
}

static void expect_val(const struct run *r, size_t i, const char *value)
{
	assert_true(i < r->n);
	assert_true(r->v[i].has_value);
	assert_int_equal(r->v[i].value_len, strlen(value));
	assert_memory_equal(r->v[i].value, value, strlen(value));
}

/* ---- type ---- */

static void test_engine_type_integer(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n",
		"v\n1\n+5\n-0\n1.5\n 5\n9223372036854775807\n"
		"9223372036854775808\n-9223372036854775808\n-9223372036854775809\n"
		"abc\n1e3\n", &r);
	assert_string_equal(r.digest,
			    "type:4:5:1:v type:5:6:1:v type:7:8:1:v "
			    "type:9:10:1:v type:10:11:1:v type:11:12:1:v");
	expect_val(&r, 0, "1.5");
	expect_val(&r, 1, " 5");
	expect_counts(&r, 11, 6, 6, 0);
	run_free(&r);
}

static void test_engine_type_number(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: number\n",
		"v\n1.5\n-1.5e3\n.5\n5.\n7\nNaN\nInf\n-inf\n\"1,5\"\n0x10\n1e999\nabc\n", &r);
	assert_string_equal(r.digest,
			    "type:6:7:1:v type:7:8:1:v type:8:9:1:v "
			    "type:9:10:1:v type:10:11:1:v type:11:12:1:v "
			    "type:12:13:1:v");
	expect_counts(&r, 12, 7, 7, 0);
	run_free(&r);
}

static void test_engine_type_boolean_default_and_custom_lists(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: boolean\n",
		"v\ntrue\nTrue\nTRUE\n1\nfalse\nFalse\nFALSE\n0\nyes\ntRUE\n", &r);
	assert_string_equal(r.digest, "type:9:10:1:v type:10:11:1:v");
	run_free(&r);
	run_col("    type: boolean\n    true_values: [Y]\n    false_values: [N]\n",
		"v\nY\nN\ntrue\n", &r);
	assert_string_equal(r.digest, "type:3:4:1:v");
	run_free(&r);
}

static void test_engine_type_date(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: date\n",
		"v\n2024-02-29\n2023-02-29\n2024-13-01\n2024-1-01\n"
		"2024-04-31\n2024-04-30\n24-04-30\n", &r);
	assert_string_equal(r.digest,
			    "type:2:3:1:v type:3:4:1:v type:4:5:1:v "
			    "type:5:6:1:v type:7:8:1:v");
	run_free(&r);
	run_col("    type: date\n    format: \"%d/%m/%Y\"\n",
		"v\n31/12/2020\n2020-12-31\n31/02/2020\n", &r);
	assert_string_equal(r.digest, "type:2:3:1:v type:3:4:1:v");
	run_free(&r);
}

static void test_engine_type_datetime(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: datetime\n",
		"v\n2026-11-21T10:00:00Z\n2026-11-21 10:00:00.123+02:00\n"
		"2026-11-21t10:00:00z\n2026-11-21T10:00:00\n"
		"2016-12-31T23:59:60Z\n2016-12-31T22:59:60Z\n"
		"2026-11-21T25:00:00Z\n2026-11-21\n", &r);
	assert_string_equal(r.digest,
			    "type:4:5:1:v type:6:7:1:v type:7:8:1:v type:8:9:1:v");
	run_free(&r);
}

static void test_engine_type_time(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: time\n",
		"v\n23:59:59.999\n00:00:00Z\n10:00:00+02:00\n24:00:00\n"
		"9:00:00\n12:60:00\n12:00\n23:59:60Z\n01:29:60+01:30\n"
		"23:59:60\n12:59:60\n23:59:60+01:00\n", &r);
	assert_string_equal(r.digest,
			    "type:4:5:1:v type:5:6:1:v type:6:7:1:v type:7:8:1:v "
			    "type:11:12:1:v type:12:13:1:v");
	run_free(&r);
}

static void test_engine_type_string_and_any_accept_anything(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: s\n"
		"    type: string\n"
		"  - name: a\n"
		"    type: any\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "s,a\n1,x\n\"a,b\",2.5\n \t,true\n", &r);
	assert_string_equal(r.digest, "");
	expect_counts(&r, 3, 0, 0, 0);
	run_free(&r);
}

static void test_engine_type_failure_skips_other_checks(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n    minimum: 10\n    enum: [10, 20]\n    unique: true\n",
		"v\nabc\nabc\n5\n", &r);
	assert_string_equal(r.digest,
			    "type:1:2:1:v type:2:3:1:v minimum:3:4:1:v enum:3:4:1:v");
	expect_counts(&r, 3, 3, 4, 0);
	run_free(&r);
}

/* ---- required and nulls ---- */

static void test_engine_required(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: a\n"
		"    type: integer\n"
		"    required: true\n"
		"  - name: b\n"
		"    type: string\n"
		"    required: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b\n1,x\n,x\n2,\n\"\",\"\"\n", &r);
	assert_string_equal(r.digest,
			    "required:2:3:1:a required:3:4:2:b "
			    "required:4:5:1:a required:4:5:2:b");
	assert_false(r.v[0].has_value);
	expect_counts(&r, 4, 3, 4, 0);
	run_free(&r);
}

static void test_engine_null_never_violates_value_checks(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: string\n    min_length: 3\n    pattern: '[a-z]+'\n"
		"    enum: [abc]\n    format: email\n    unique: true\n",
		"v\n\"\"\n\"\"\n", &r);
	assert_string_equal(r.digest, "");
	expect_counts(&r, 2, 0, 0, 0);
	run_free(&r);
}

/* ---- bounds ---- */

static void test_engine_bounds_integer_inclusive(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n    minimum: 0\n    maximum: 10\n",
		"v\n-1\n0\n10\n11\n-9223372036854775808\n", &r);
	assert_string_equal(r.digest,
			    "minimum:1:2:1:v maximum:4:5:1:v minimum:5:6:1:v");
	expect_val(&r, 0, "-1");
	run_free(&r);
}

static void test_engine_bounds_integer_exclusive(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n    exclusive_minimum: 0\n    exclusive_maximum: 10\n",
		"v\n0\n1\n9\n10\n", &r);
	assert_string_equal(r.digest,
			    "exclusive_minimum:1:2:1:v exclusive_maximum:4:5:1:v");
	run_free(&r);
}

static void test_engine_bounds_number(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: number\n    minimum: 0.5\n    exclusive_maximum: 1\n",
		"v\n0.49999\n5e-1\n0.5\n0.999\n1\n1.0e0\n", &r);
	assert_string_equal(r.digest,
			    "minimum:1:2:1:v exclusive_maximum:5:6:1:v "
			    "exclusive_maximum:6:7:1:v");
	run_free(&r);
}

static void test_engine_bounds_date(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: date\n    minimum: \"2020-01-01\"\n    maximum: \"2020-12-31\"\n",
		"v\n2019-12-31\n2020-01-01\n2020-12-31\n2021-01-01\n", &r);
	assert_string_equal(r.digest, "minimum:1:2:1:v maximum:4:5:1:v");
	run_free(&r);
}

static void test_engine_bounds_datetime_compare_instants(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: datetime\n    minimum: \"2020-01-01T00:00:00Z\"\n"
		"    exclusive_maximum: \"2021-01-01T00:00:00Z\"\n",
		"v\n2020-01-01T00:30:00+01:00\n2020-01-01T00:00:00Z\n"
		"2020-12-31T23:00:00-01:00\n2020-12-31T23:59:59.999999999Z\n"
		"2019-12-31T23:59:59.999Z\n", &r);
	assert_string_equal(r.digest,
			    "minimum:1:2:1:v exclusive_maximum:3:4:1:v "
			    "minimum:5:6:1:v");
	run_free(&r);
}

static void test_engine_bounds_time(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: time\n    exclusive_minimum: \"08:00:00\"\n"
		"    maximum: \"17:30:00\"\n",
		"v\n08:00:00\n08:00:00.001\n17:30:00\n17:30:00.5\n12:00:00\n", &r);
	assert_string_equal(r.digest,
			    "exclusive_minimum:1:2:1:v maximum:4:5:1:v");
	run_free(&r);
}

/* ---- enum, pattern, format, lengths ---- */

static void test_engine_enum_string_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: string\n    enum: [click, view, purchase]\n",
		"v\nclick\nClick\nview \nview\npurchas\npurchases\n", &r);
	assert_string_equal(r.digest,
			    "enum:2:3:1:v enum:3:4:1:v enum:5:6:1:v enum:6:7:1:v");
	expect_val(&r, 1, "view ");
	run_free(&r);
}

static void test_engine_enum_integer_compares_numbers(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n    enum: [1, 2, 30]\n",
		"v\n1\n01\n+2\n30\n3\n0\n", &r);
	assert_string_equal(r.digest, "enum:5:6:1:v enum:6:7:1:v");
	run_free(&r);
}

static void test_engine_pattern_matches_whole_value(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: string\n    pattern: '[a-z]+|x[0-9]'\n",
		"v\nabc\nabc1\n1abc\nx1\nx12\nab\ncd\n", &r);
	assert_string_equal(r.digest,
			    "pattern:2:3:1:v pattern:3:4:1:v pattern:5:6:1:v");
	run_free(&r);
}

/* A pathological pattern gives up at the match limit, a long value with a
 * repeated group at the depth limit (after the JIT's stack overflows):
 * one `pattern` violation naming the limit, and the next value is checked
 * as usual. */
static void test_engine_pattern_limits(void **state)
{
	struct run r = RUN_INIT;
	char *data = malloc(200100);
	size_t o;

	(void)state;
	assert_non_null(data);
	o = (size_t)sprintf(data, "v\n%s\nab\naac\n",
			    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax");
	assert_true(o < 200);
	run_col("    type: string\n    pattern: '(a|a)*[bc]'\n", data, &r);
	assert_string_equal(r.digest, "pattern:1:2:1:v");
	assert_string_equal(r.v[0].detail,
			    "was not checked: pattern match gave up after 10000 steps (the match limit)");
	run_free(&r);
	o = (size_t)sprintf(data, "v\n");
	memset(data + o, 'a', 100000);
	o += 100000;
	o += (size_t)sprintf(data + o, "\nabcd\n");
	run_col("    type: string\n    pattern: '(?:[a-z],?)*'\n", data, &r);
	assert_string_equal(r.digest, "pattern:1:2:1:v");
	assert_string_equal(r.v[0].detail,
			    "was not checked: pattern match gave up at backtracking depth 1000 (the depth limit)");
	run_free(&r);
	free(data);
}

static void test_engine_format_email_and_uuid(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: e\n"
		"    type: string\n"
		"    format: email\n"
		"  - name: u\n"
		"    type: string\n"
		"    format: uuid\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "e,u\n"
		   "a@example.com,123e4567-e89b-12d3-a456-426614174000\n"
		   "not-an-email,not-a-uuid\n", &r);
	assert_string_equal(r.digest, "format:2:3:1:e format:2:3:2:u");
	run_free(&r);
}

static void test_engine_lengths_count_code_points(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: string\n    min_length: 2\n    max_length: 3\n",
		"v\n\xc3\xa9\n\xc3\xa9\xc3\xa9\nabc\n\xc3\xa9\xc3\xa9\xc3\xa9\n"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\nabcd\na\n", &r);
	assert_string_equal(r.digest,
			    "min_length:1:2:1:v max_length:5:6:1:v "
			    "max_length:6:7:1:v min_length:7:8:1:v");
	run_free(&r);
}

/* ---- unique ---- */

static void test_engine_unique_integers_numerically(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: integer\n    unique: true\n",
		"v\n1\n01\n+1\n2\n\"\"\n\"\"\n1\n0\n-0\n", &r);
	assert_string_equal(r.digest,
			    "unique:2:3:1:v unique:3:4:1:v unique:7:8:1:v "
			    "unique:9:10:1:v");
	expect_val(&r, 0, "01");
	expect_counts(&r, 9, 4, 4, 0);
	run_free(&r);
}

static void test_engine_unique_numbers_numerically(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: number\n    unique: true\n",
		"v\n1\n1.0\n1e0\n0\n-0.0\n0.1\n0.10\n", &r);
	assert_string_equal(r.digest,
			    "unique:2:3:1:v unique:3:4:1:v unique:5:6:1:v "
			    "unique:7:8:1:v");
	run_free(&r);
}

static void test_engine_unique_datetimes_as_instants(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: datetime\n    unique: true\n",
		"v\n2026-01-01T00:00:00Z\n2026-01-01T01:00:00+01:00\n"
		"2026-01-01T00:00:00.000000001Z\n2026-01-01T00:00:00.000000001Z\n"
		"2026-01-01 00:00:00.0z\n", &r);
	assert_string_equal(r.digest,
			    "unique:2:3:1:v unique:4:5:1:v unique:5:6:1:v");
	run_free(&r);
}

static void test_engine_unique_strings_byte_for_byte(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_col("    type: string\n    unique: true\n",
		"v\na\nA\na \n\"a\"\n\n\n", &r);
	assert_string_equal(r.digest, "unique:4:5:1:v");
	run_free(&r);
}

static void test_engine_unique_dates_and_booleans(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: d\n"
		"    type: date\n"
		"    unique: true\n"
		"  - name: b\n"
		"    type: boolean\n"
		"    unique: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "d,b\n1970-01-01,false\n1970-01-02,0\n1970-01-01,true\n", &r);
	assert_string_equal(r.digest, "unique:2:3:2:b unique:3:4:1:d");
	run_free(&r);
}

static void test_engine_unique_spans_inputs(void **state)
{
	static const char *const in[] = { "v\n1\n2\n", "v\n3\n02\n" };
	char yaml[] = "contract: t\ncolumns:\n  - name: v\n    type: integer\n"
		      "    unique: true\n";
	struct run r = RUN_INIT;

	(void)state;
	run_opts(yaml, in, 2, 0, false, &r);
	/* record numbers count per input */
	assert_string_equal(r.digest, "unique:2:3:1:v");
	expect_counts(&r, 4, 1, 1, 0);
	run_free(&r);
}

/* ---- primary key ---- */

static const char *const PK_YAML =
	"contract: t\n"
	"columns:\n"
	"  - name: x\n"
	"    type: string\n"
	"  - name: a\n"
	"    type: integer\n"
	"  - name: b\n"
	"    type: string\n"
	"dataset:\n"
	"  primary_key: [a, b]\n";

static void test_engine_primary_key_duplicate_and_null_part(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run1(PK_YAML, "x,b,a\nq,k,1\nq,k,01\nq,k,2\nq,,3\nq,k,\nq,,\n", &r);
	assert_string_equal(r.digest,
			    "primary_key:2:3:3:a,b primary_key:4:5:3:a,b "
			    "primary_key:5:6:3:a,b primary_key:6:7:3:a,b");
	expect_val(&r, 0, "01,k");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_ERROR);
	expect_counts(&r, 6, 4, 4, 0);
	run_free(&r);
}

static void test_engine_primary_key_parts_do_not_run_together(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: a\n"
		"    type: string\n"
		"  - name: b\n"
		"    type: string\n"
		"dataset:\n"
		"  primary_key: [a, b]\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b\nab,c\na,bc\nabc,\n\"a,b\",c\nab,c\n", &r);
	assert_string_equal(r.digest,
			    "primary_key:3:4:1:a,b primary_key:5:6:1:a,b");
	run_free(&r);
}

/* ---- row_count ---- */

static void test_engine_row_count_minimum(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: v\n"
		"    type: integer\n"
		"dataset:\n"
		"  row_count: {minimum: 2}\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "v\n", &r);
	assert_string_equal(r.digest, "row_count:0:0:0:-");
	expect_counts(&r, 0, 0, 1, 0);
	run_free(&r);
	run1(yaml, "v\n1\n2\n", &r);
	assert_string_equal(r.digest, "");
	run_free(&r);
}

static void test_engine_row_count_maximum_over_all_inputs(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: v\n"
		"    type: integer\n"
		"dataset:\n"
		"  row_count: {minimum: 1, maximum: 2}\n";
	static const char *const in[] = { "v\n1\n", "v\n2\n3\n" };
	struct run r = RUN_INIT;

	(void)state;
	run_opts(yaml, in, 1, 0, false, &r);
	assert_string_equal(r.digest, "");
	run_free(&r);
	run_opts(yaml, in, 2, 0, false, &r);
	assert_string_equal(r.digest, "row_count:0:0:0:-");
	assert_int_equal(r.fin, DCVAL_OK);
	expect_counts(&r, 3, 0, 1, 0);
	run_free(&r);
}

/* Paths seen by the callback, "(null)" for none. */
struct seen_paths {
	char paths[4][32];
	size_t n;
};

static dcval_status note_path(void *ud, const dcval_violation *v)
{
	struct seen_paths *s = ud;

	if (s->n < 4)
		snprintf(s->paths[s->n++], sizeof(s->paths[0]), "%s:%s", v->rule,
			 v->path ? v->path : "(null)");
	return DCVAL_OK;
}

/*
 * contract.md "Drift": a dataset-level violation has the input's path
 * when the run has one input and none (NULL) when it has several; then
 * it counts in the run's totals only, not in the last input's.
 */
static void row_count_paths(size_t n_in, const char *want, uint64_t last_errors)
{
	static const char yaml[] = "contract: t\ncolumns:\n  - {name: v, type: integer}\n"
				   "dataset:\n  row_count: {minimum: 9}\n";
	static const char data[] = "v\n1\n";
	struct seen_paths seen = { .n = 0 };
	dcval_validate_opts opts = { .on_violation = note_path, .ud = &seen };
	const dcval_input_info *in;
	dcval_contract *c;
	dcval_validator *v;
	dcval_error err;
	char path[16];
	size_t i, n;

	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	assert_non_null(c);
	v = dcval_validator_new(c, &opts, &err);
	assert_non_null(v);
	for (i = 0; i < n_in; i++) {
		FILE *f = fmemopen((void *)data, strlen(data), "r");

		snprintf(path, sizeof(path), "in%zu.csv", i + 1);
		assert_int_equal(dcval_validator_run(v, path, f, &err), DCVAL_OK);
		fclose(f);
	}
	assert_int_equal(dcval_validator_finish(v), DCVAL_OK);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.paths[0], want);
	assert_int_equal(dcval_validator_counts(v)->errors, 1);
	in = dcval_validator_inputs(v, &n);
	assert_int_equal(n, n_in);
	assert_int_equal(in[n - 1].counts.errors, last_errors);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

static void test_engine_dataset_violation_path_one_or_several_inputs(void **state)
{
	(void)state;
	row_count_paths(1, "row_count:in1.csv", 1);
	row_count_paths(2, "row_count:(null)", 0);
	row_count_paths(3, "row_count:(null)", 0);
}

/* ---- severity and sensitive ---- */

static void test_engine_severity_warn_is_warning_not_invalid(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: a\n"
		"    type: integer\n"
		"    severity: warn\n"
		"    unique: true\n"
		"  - name: b\n"
		"    type: integer\n";
	const char *in = "a,b\nx,1\n1,1\n1,2\n1,y\n";
	struct run r = RUN_INIT;

	(void)state;
	run_opts(yaml, &in, 1, DCVAL_VALIDATE_FAIL_FAST, true, &r);
	assert_int_equal(r.st, DCVAL_STOP);
	assert_string_equal(r.digest,
			    "type:1:2:1:a unique:3:4:1:a unique:4:5:1:a "
			    "type:4:5:2:b");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_WARN);
	assert_int_equal(r.v[1].severity, DCVAL_SEVERITY_WARN);
	assert_int_equal(r.v[2].severity, DCVAL_SEVERITY_WARN);
	assert_int_equal(r.v[3].severity, DCVAL_SEVERITY_ERROR);
	expect_counts(&r, 4, 1, 1, 3);
	assert_int_equal(r.valid_len, strlen("a,b\nx,1\n1,1\n1,2\n"));
	assert_memory_equal(r.valid, "a,b\nx,1\n1,1\n1,2\n", r.valid_len);
	assert_int_equal(r.invalid_len, strlen("a,b\n1,y\n"));
	assert_memory_equal(r.invalid, "a,b\n1,y\n", r.invalid_len);
	run_free(&r);
}

static void test_engine_sensitive_violations_are_redacted(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: id\n"
		"    type: integer\n"
		"  - name: email\n"
		"    type: string\n"
		"    format: email\n"
		"    unique: true\n"
		"    sensitive: true\n"
		"dataset:\n"
		"  primary_key: [id, email]\n";
	struct run r = RUN_INIT;
	size_t i;

	(void)state;
	run1(yaml, "id,email\nx,bad\n1,a@b.example\n2,a@b.example\n2,a@b.example\n", &r);
	assert_string_equal(r.digest,
			    "type:1:2:1:id format:1:2:2:email unique:3:4:2:email "
			    "unique:4:5:2:email primary_key:4:5:1:id,email");
	assert_false(r.v[0].redacted);
	for (i = 1; i < r.n; i++)
		assert_true(r.v[i].redacted);
	run_free(&r);
}

/* ---- header: missing, extra, order, duplicates ---- */

static const char *const POLICY_YAML_FMT =
	"contract: t\n"
	"schema:\n"
	"  missing_columns: %s\n"
	"  extra_columns: %s\n"
	"columns:\n"
	"  - name: a\n"
	"    type: integer\n"
	"  - name: b\n"
	"    type: integer\n"
	"    required: true\n";

static void run_policy(const char *missing, const char *extra,
		       const char *data, struct run *r)
{
	char yaml[512];

	snprintf(yaml, sizeof(yaml), POLICY_YAML_FMT, missing, extra);
	run1(yaml, data, r);
}

static void test_engine_missing_column_policies(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_policy("error", "error", "a\n1\nx\n2\n", &r);
	/* once, not per record; b's required check is skipped */
	assert_string_equal(r.digest, "missing_column:0:0:0:b type:2:3:1:a");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_ERROR);
	expect_counts(&r, 3, 1, 2, 0);
	run_free(&r);
	run_policy("warn", "error", "a\n1\nx\n", &r);
	assert_string_equal(r.digest, "missing_column:0:0:0:b type:2:3:1:a");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_WARN);
	expect_counts(&r, 2, 1, 1, 1);
	run_free(&r);
	run_policy("ignore", "error", "a\n1\nx\n", &r);
	assert_string_equal(r.digest, "type:2:3:1:a");
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

static void test_engine_extra_column_policies(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_policy("error", "error", "a,x,b,y\n1,q,2,r\n", &r);
	assert_string_equal(r.digest,
			    "extra_column:0:1:2:x extra_column:0:1:4:y");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_ERROR);
	expect_counts(&r, 1, 0, 2, 0);
	run_free(&r);
	run_policy("error", "warn", "a,x,b\n1,q,2\n", &r);
	assert_string_equal(r.digest, "extra_column:0:1:2:x");
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_WARN);
	expect_counts(&r, 1, 0, 0, 1);
	run_free(&r);
	run_policy("error", "ignore", "a,x,b\n1,q,z\n", &r);
	assert_string_equal(r.digest, "type:1:2:3:b");
	run_free(&r);
}

static void test_engine_column_order_strict(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"schema:\n"
		"  column_order: strict\n"
		"  extra_columns: ignore\n"
		"columns:\n"
		"  - name: a\n"
		"    type: integer\n"
		"  - name: b\n"
		"    type: integer\n"
		"  - name: c\n"
		"    type: integer\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b,c\n1,2,3\n", &r);
	assert_string_equal(r.digest, "");
	run_free(&r);
	run1(yaml, "a,x,b,c\n1,2,3,4\n", &r);
	assert_string_equal(r.digest, "");
	run_free(&r);
	run1(yaml, "a,c,b\n1,2,3\n", &r);
	assert_string_equal(r.digest, "column_order:0:1:3:b");
	expect_counts(&r, 1, 0, 1, 0);
	run_free(&r);
}

static void test_engine_column_order_any_accepts_any_order(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_policy("error", "error", "b,a\n1,2\n", &r);
	assert_string_equal(r.digest, "");
	run_free(&r);
}

static void test_engine_duplicate_header_name_makes_column_ambiguous(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_policy("error", "error", "a,b,a\nx,1,y\n1,z,2\n", &r);
	assert_string_equal(r.digest, "header:0:1:3:- type:2:3:2:b");
	expect_val(&r, 0, "a");
	expect_counts(&r, 2, 1, 2, 0);
	run_free(&r);
}

static void test_engine_duplicate_undeclared_and_blank_header_names(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_policy("error", "ignore", "a,,b,q,q\n1,2,3,4,5\n", &r);
	assert_string_equal(r.digest, "header:0:1:2:- header:0:1:5:-");
	expect_counts(&r, 1, 0, 2, 0);
	run_free(&r);
}

/* A 200,000-column header with repeats: every repeat is one `header`
 * violation at its own position, declared columns are found wherever
 * they stand, and a repeated declared column is ambiguous. Not timed:
 * the name index (util/strmap.h) keeps it linear. */
static void test_engine_wide_header_with_repeats(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"schema: {extra_columns: ignore}\n"
		"columns:\n"
		"  - {name: c7, type: integer}\n"
		"  - {name: c150000, type: integer}\n"
		"  - {name: c5, type: integer}\n"
		"  - {name: zz, type: integer}\n";
	size_t n = 200000, cap = n * 16 + 256, o = 0, i;
	char *data = malloc(cap);
	struct run r = RUN_INIT;

	(void)state;
	assert_non_null(data);
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(data + o, cap - o, "c%zu,", i);
	o += (size_t)snprintf(data + o, cap - o, "c5,c199999,c0\n");
	for (i = 0; i < n + 3; i++) {
		const char *v = i == 7 ? "x" : i == 150000 ? "y" : "1";

		o += (size_t)snprintf(data + o, cap - o, "%s%s", v,
				      i + 1 < n + 3 ? "," : "\n");
	}
	assert_true(o < cap);
	run1(yaml, data, &r);
	assert_string_equal(r.digest,
			    "header:0:1:200001:- header:0:1:200002:- "
			    "header:0:1:200003:- missing_column:0:0:0:zz "
			    "type:1:2:8:c7 type:1:2:150001:c150000");
	expect_val(&r, 0, "c5");
	expect_val(&r, 1, "c199999");
	expect_val(&r, 2, "c0");
	run_free(&r);
	free(data);
}

static void test_engine_each_input_has_its_own_header_map(void **state)
{
	static const char *const in[] = { "a,b\n1,x\n", "b,a\n2,y\n", "a\nz\n" };
	struct run r = RUN_INIT;

	(void)state;
	run_opts("contract: t\ncolumns:\n  - name: a\n    type: integer\n"
		 "  - name: b\n    type: integer\n", in, 3, 0, false, &r);
	assert_string_equal(r.digest,
			    "type:1:2:2:b type:1:2:2:a missing_column:0:0:0:b "
			    "type:1:2:1:a");
	expect_counts(&r, 3, 3, 4, 0);
	run_free(&r);
}

/* ---- fail-fast and counts ---- */

static void test_engine_fail_fast_stops_after_first_error(void **state)
{
	const char *in[] = { "a,b\n1,2\n1,x\ny,3\nz,z\n", "a,b\nq,1\n" };
	struct run r = RUN_INIT;

	(void)state;
	run_opts("contract: t\ncolumns:\n  - name: a\n    type: integer\n"
		 "  - name: b\n    type: integer\n", in, 2,
		 DCVAL_VALIDATE_FAIL_FAST, false, &r);
	assert_int_equal(r.st, DCVAL_STOP);
	assert_string_equal(r.digest, "type:2:3:2:b");
	expect_counts(&r, 2, 1, 1, 0);
	run_free(&r);
}

static void test_engine_fail_fast_on_header_violation(void **state)
{
	const char *in = "a,x\n1,2\n";
	struct run r = RUN_INIT;

	(void)state;
	run_opts("contract: t\ncolumns:\n  - name: a\n    type: integer\n",
		 &in, 1, DCVAL_VALIDATE_FAIL_FAST, false, &r);
	assert_int_equal(r.st, DCVAL_STOP);
	assert_string_equal(r.digest, "extra_column:0:1:2:x");
	expect_counts(&r, 0, 0, 1, 0);
	run_free(&r);
}

static void test_engine_counts_exact_with_many_violations(void **state)
{
	static const char *const yaml =
		"contract: t\n"
		"columns:\n"
		"  - name: a\n"
		"    type: integer\n"
		"    minimum: 0\n"
		"  - name: b\n"
		"    type: string\n"
		"    required: true\n"
		"    max_length: 1\n"
		"  - name: c\n"
		"    type: integer\n"
		"    severity: warn\n"
		"    maximum: 5\n";
	struct run r = RUN_INIT;

	(void)state;
	run1(yaml, "a,b,c\n-1,,9\n1,x,1\n-2,yy,x\n3,z,6\n", &r);
	assert_string_equal(r.digest,
			    "minimum:1:2:1:a required:1:2:2:b maximum:1:2:3:c "
			    "minimum:3:4:1:a max_length:3:4:2:b type:3:4:3:c "
			    "maximum:4:5:3:c");
	expect_counts(&r, 4, 2, 4, 3);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_type_integer),
		cmocka_unit_test(test_engine_type_number),
		cmocka_unit_test(test_engine_type_boolean_default_and_custom_lists),
		cmocka_unit_test(test_engine_type_date),
		cmocka_unit_test(test_engine_type_datetime),
		cmocka_unit_test(test_engine_type_time),
		cmocka_unit_test(test_engine_type_string_and_any_accept_anything),
		cmocka_unit_test(test_engine_type_failure_skips_other_checks),
		cmocka_unit_test(test_engine_required),
		cmocka_unit_test(test_engine_null_never_violates_value_checks),
		cmocka_unit_test(test_engine_bounds_integer_inclusive),
		cmocka_unit_test(test_engine_bounds_integer_exclusive),
		cmocka_unit_test(test_engine_bounds_number),
		cmocka_unit_test(test_engine_bounds_date),
		cmocka_unit_test(test_engine_bounds_datetime_compare_instants),
		cmocka_unit_test(test_engine_bounds_time),
		cmocka_unit_test(test_engine_enum_string_exact),
		cmocka_unit_test(test_engine_enum_integer_compares_numbers),
		cmocka_unit_test(test_engine_pattern_matches_whole_value),
		cmocka_unit_test(test_engine_pattern_limits),
		cmocka_unit_test(test_engine_format_email_and_uuid),
		cmocka_unit_test(test_engine_lengths_count_code_points),
		cmocka_unit_test(test_engine_unique_integers_numerically),
		cmocka_unit_test(test_engine_unique_numbers_numerically),
		cmocka_unit_test(test_engine_unique_datetimes_as_instants),
		cmocka_unit_test(test_engine_unique_strings_byte_for_byte),
		cmocka_unit_test(test_engine_unique_dates_and_booleans),
		cmocka_unit_test(test_engine_unique_spans_inputs),
		cmocka_unit_test(test_engine_primary_key_duplicate_and_null_part),
		cmocka_unit_test(test_engine_primary_key_parts_do_not_run_together),
		cmocka_unit_test(test_engine_row_count_minimum),
		cmocka_unit_test(test_engine_row_count_maximum_over_all_inputs),
		cmocka_unit_test(test_engine_dataset_violation_path_one_or_several_inputs),
		cmocka_unit_test(test_engine_severity_warn_is_warning_not_invalid),
		cmocka_unit_test(test_engine_sensitive_violations_are_redacted),
		cmocka_unit_test(test_engine_missing_column_policies),
		cmocka_unit_test(test_engine_extra_column_policies),
		cmocka_unit_test(test_engine_column_order_strict),
		cmocka_unit_test(test_engine_column_order_any_accepts_any_order),
		cmocka_unit_test(test_engine_duplicate_header_name_makes_column_ambiguous),
		cmocka_unit_test(test_engine_duplicate_undeclared_and_blank_header_names),
		cmocka_unit_test(test_engine_wide_header_with_repeats),
		cmocka_unit_test(test_engine_each_input_has_its_own_header_map),
		cmocka_unit_test(test_engine_fail_fast_stops_after_first_error),
		cmocka_unit_test(test_engine_fail_fast_on_header_violation),
		cmocka_unit_test(test_engine_counts_exact_with_many_violations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

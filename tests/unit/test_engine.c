/*
 * Unit tests of the engine (src/engine/: header mapping, per-record
 * checks, dataset checks, counts, fail-fast) through the public API with
 * CSV inputs: a contract from a YAML string, a validator whose callback
 * records every violation, inputs from fmemopen() streams.
 *
 * The scenarios are rows of one table (struct tcase, harness.h): the
 * violations seen as a digest, each RULE:RECORD:LINE:FIELD:COLUMN ("-"
 * when there is no column), in order, with values, severities and counts
 * where they matter; a row whose input holds no quote or tab runs as tsv
 * too. Scenarios with inputs built at run time or a callback of their
 * own are functions.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "harness.h"

/* Contract with one column `v` declared by `decl` (indented lines). */
#define COL(decl) "contract: t\ncolumns:\n  - name: v\n" decl

/* Columns a (integer) and b (integer, required) under schema policies. */
#define POLICY(missing, extra) \
	"contract: t\n" \
	"schema:\n" \
	"  missing_columns: " missing "\n" \
	"  extra_columns: " extra "\n" \
	"columns:\n" \
	"  - name: a\n" \
	"    type: integer\n" \
	"  - name: b\n" \
	"    type: integer\n" \
	"    required: true\n"

#define AB_INTEGERS \
	"contract: t\ncolumns:\n  - name: a\n    type: integer\n" \
	"  - name: b\n    type: integer\n"

#define PK_YAML \
	"contract: t\n" \
	"columns:\n" \
	"  - name: x\n" \
	"    type: string\n" \
	"  - name: a\n" \
	"    type: integer\n" \
	"  - name: b\n" \
	"    type: string\n" \
	"dataset:\n" \
	"  primary_key: [a, b]\n"

#define ROW_COUNT(bounds) \
	"contract: t\ncolumns:\n  - name: v\n    type: integer\n" \
	"dataset:\n  row_count: " bounds "\n"

#define COLUMN_ORDER_STRICT \
	"contract: t\nschema:\n  column_order: strict\n  extra_columns: ignore\n" \
	"columns:\n  - name: a\n    type: integer\n  - name: b\n    type: integer\n" \
	"  - name: c\n    type: integer\n"

#define WARN(idx) { .i = (idx), .warn = T_YES }
#define ERROR(idx) { .i = (idx), .warn = T_NO }
#define REDACTED(idx) { .i = (idx), .redacted = T_YES }

static const struct tcase cases[] = {
	/* ---- type ---- */
	{ "engine_type_integer", COL("    type: integer\n"),
	  { "v\n1\n+5\n-0\n1.5\n 5\n9223372036854775807\n"
	    "9223372036854775808\n-9223372036854775808\n-9223372036854775809\n"
	    "abc\n1e3\n" },
	  .digest = "type:4:5:1:v type:5:6:1:v type:7:8:1:v "
		    "type:9:10:1:v type:10:11:1:v type:11:12:1:v",
	  .want = { VAL(0, "1.5"), VAL(1, " 5") }, COUNTS(11, 6, 6, 0) },
	{ "engine_type_number", COL("    type: number\n"),
	  { "v\n1.5\n-1.5e3\n.5\n5.\n7\nNaN\nInf\n-inf\n\"1,5\"\n0x10\n1e999\nabc\n" },
	  .digest = "type:6:7:1:v type:7:8:1:v type:8:9:1:v "
		    "type:9:10:1:v type:10:11:1:v type:11:12:1:v "
		    "type:12:13:1:v",
	  COUNTS(12, 7, 7, 0) },
	{ "engine_type_boolean_default_lists", COL("    type: boolean\n"),
	  { "v\ntrue\nTrue\nTRUE\n1\nfalse\nFalse\nFALSE\n0\nyes\ntRUE\n" },
	  .digest = "type:9:10:1:v type:10:11:1:v" },
	{ "engine_type_boolean_custom_lists",
	  COL("    type: boolean\n    true_values: [Y]\n    false_values: [N]\n"),
	  { "v\nY\nN\ntrue\n" }, .digest = "type:3:4:1:v" },
	{ "engine_type_date", COL("    type: date\n"),
	  { "v\n2024-02-29\n2023-02-29\n2024-13-01\n2024-1-01\n"
	    "2024-04-31\n2024-04-30\n24-04-30\n" },
	  .digest = "type:2:3:1:v type:3:4:1:v type:4:5:1:v "
		    "type:5:6:1:v type:7:8:1:v" },
	{ "engine_type_date_with_format",
	  COL("    type: date\n    format: \"%d/%m/%Y\"\n"),
	  { "v\n31/12/2020\n2020-12-31\n31/02/2020\n" },
	  .digest = "type:2:3:1:v type:3:4:1:v" },
	{ "engine_type_datetime", COL("    type: datetime\n"),
	  { "v\n2026-11-21T10:00:00Z\n2026-11-21 10:00:00.123+02:00\n"
	    "2026-11-21t10:00:00z\n2026-11-21T10:00:00\n"
	    "2016-12-31T23:59:60Z\n2016-12-31T22:59:60Z\n"
	    "2026-11-21T25:00:00Z\n2026-11-21\n" },
	  .digest = "type:4:5:1:v type:6:7:1:v type:7:8:1:v type:8:9:1:v" },
	{ "engine_type_time", COL("    type: time\n"),
	  { "v\n23:59:59.999\n00:00:00Z\n10:00:00+02:00\n24:00:00\n"
	    "9:00:00\n12:60:00\n12:00\n23:59:60Z\n01:29:60+01:30\n"
	    "23:59:60\n12:59:60\n23:59:60+01:00\n" },
	  .digest = "type:4:5:1:v type:5:6:1:v type:6:7:1:v type:7:8:1:v "
		    "type:11:12:1:v type:12:13:1:v" },
	{ "engine_type_string_and_any_accept_anything",
	  "contract: t\ncolumns:\n  - name: s\n    type: string\n"
	  "  - name: a\n    type: any\n",
	  { "s,a\n1,x\n\"a,b\",2.5\n \t,true\n" },
	  .digest = "", COUNTS(3, 0, 0, 0) },
	{ "engine_type_failure_skips_other_checks",
	  COL("    type: integer\n    minimum: 10\n    enum: [10, 20]\n    unique: true\n"),
	  { "v\nabc\nabc\n5\n" },
	  .digest = "type:1:2:1:v type:2:3:1:v minimum:3:4:1:v enum:3:4:1:v",
	  COUNTS(3, 3, 4, 0) },

	/* ---- required and nulls ---- */
	{ "engine_required",
	  "contract: t\ncolumns:\n"
	  "  - name: a\n    type: integer\n    required: true\n"
	  "  - name: b\n    type: string\n    required: true\n",
	  { "a,b\n1,x\n,x\n2,\n\"\",\"\"\n" },
	  .digest = "required:2:3:1:a required:3:4:2:b "
		    "required:4:5:1:a required:4:5:2:b",
	  .want = { { .i = 0, .has_value = T_NO } }, COUNTS(4, 3, 4, 0) },
	{ "engine_null_never_violates_value_checks",
	  COL("    type: string\n    min_length: 3\n    pattern: '[a-z]+'\n"
	      "    enum: [abc]\n    format: email\n    unique: true\n"),
	  { "v\n\"\"\n\"\"\n" }, .digest = "", COUNTS(2, 0, 0, 0) },

	/* ---- bounds ---- */
	{ "engine_bounds_integer_inclusive",
	  COL("    type: integer\n    minimum: 0\n    maximum: 10\n"),
	  { "v\n-1\n0\n10\n11\n-9223372036854775808\n" },
	  .digest = "minimum:1:2:1:v maximum:4:5:1:v minimum:5:6:1:v",
	  .want = { VAL(0, "-1") } },
	{ "engine_bounds_integer_exclusive",
	  COL("    type: integer\n    exclusive_minimum: 0\n    exclusive_maximum: 10\n"),
	  { "v\n0\n1\n9\n10\n" },
	  .digest = "exclusive_minimum:1:2:1:v exclusive_maximum:4:5:1:v" },
	{ "engine_bounds_number",
	  COL("    type: number\n    minimum: 0.5\n    exclusive_maximum: 1\n"),
	  { "v\n0.49999\n5e-1\n0.5\n0.999\n1\n1.0e0\n" },
	  .digest = "minimum:1:2:1:v exclusive_maximum:5:6:1:v "
		    "exclusive_maximum:6:7:1:v" },
	{ "engine_bounds_date",
	  COL("    type: date\n    minimum: \"2020-01-01\"\n    maximum: \"2020-12-31\"\n"),
	  { "v\n2019-12-31\n2020-01-01\n2020-12-31\n2021-01-01\n" },
	  .digest = "minimum:1:2:1:v maximum:4:5:1:v" },
	{ "engine_bounds_datetime_compare_instants",
	  COL("    type: datetime\n    minimum: \"2020-01-01T00:00:00Z\"\n"
	      "    exclusive_maximum: \"2021-01-01T00:00:00Z\"\n"),
	  { "v\n2020-01-01T00:30:00+01:00\n2020-01-01T00:00:00Z\n"
	    "2020-12-31T23:00:00-01:00\n2020-12-31T23:59:59.999999999Z\n"
	    "2019-12-31T23:59:59.999Z\n" },
	  .digest = "minimum:1:2:1:v exclusive_maximum:3:4:1:v minimum:5:6:1:v" },
	{ "engine_bounds_time",
	  COL("    type: time\n    exclusive_minimum: \"08:00:00\"\n"
	      "    maximum: \"17:30:00\"\n"),
	  { "v\n08:00:00\n08:00:00.001\n17:30:00\n17:30:00.5\n12:00:00\n" },
	  .digest = "exclusive_minimum:1:2:1:v maximum:4:5:1:v" },

	/* ---- enum, pattern, format, lengths ---- */
	{ "engine_enum_string_exact",
	  COL("    type: string\n    enum: [click, view, purchase]\n"),
	  { "v\nclick\nClick\nview \nview\npurchas\npurchases\n" },
	  .digest = "enum:2:3:1:v enum:3:4:1:v enum:5:6:1:v enum:6:7:1:v",
	  .want = { VAL(1, "view ") } },
	{ "engine_enum_integer_compares_numbers",
	  COL("    type: integer\n    enum: [1, 2, 30]\n"),
	  { "v\n1\n01\n+2\n30\n3\n0\n" },
	  .digest = "enum:5:6:1:v enum:6:7:1:v" },
	{ "engine_pattern_matches_whole_value",
	  COL("    type: string\n    pattern: '[a-z]+|x[0-9]'\n"),
	  { "v\nabc\nabc1\n1abc\nx1\nx12\nab\ncd\n" },
	  .digest = "pattern:2:3:1:v pattern:3:4:1:v pattern:5:6:1:v" },
	{ "engine_format_email_and_uuid",
	  "contract: t\ncolumns:\n"
	  "  - name: e\n    type: string\n    format: email\n"
	  "  - name: u\n    type: string\n    format: uuid\n",
	  { "e,u\na@example.com,123e4567-e89b-12d3-a456-426614174000\n"
	    "not-an-email,not-a-uuid\n" },
	  .digest = "format:2:3:1:e format:2:3:2:u" },
	{ "engine_lengths_count_code_points",
	  COL("    type: string\n    min_length: 2\n    max_length: 3\n"),
	  { "v\n\xc3\xa9\n\xc3\xa9\xc3\xa9\nabc\n\xc3\xa9\xc3\xa9\xc3\xa9\n"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\nabcd\na\n" },
	  .digest = "min_length:1:2:1:v max_length:5:6:1:v "
		    "max_length:6:7:1:v min_length:7:8:1:v" },

	/* ---- unique ---- */
	{ "engine_unique_integers_numerically",
	  COL("    type: integer\n    unique: true\n"),
	  { "v\n1\n01\n+1\n2\n\"\"\n\"\"\n1\n0\n-0\n" },
	  .digest = "unique:2:3:1:v unique:3:4:1:v unique:7:8:1:v unique:9:10:1:v",
	  .want = { VAL(0, "01") }, COUNTS(9, 4, 4, 0) },
	{ "engine_unique_numbers_numerically",
	  COL("    type: number\n    unique: true\n"),
	  { "v\n1\n1.0\n1e0\n0\n-0.0\n0.1\n0.10\n" },
	  .digest = "unique:2:3:1:v unique:3:4:1:v unique:5:6:1:v unique:7:8:1:v" },
	{ "engine_unique_datetimes_as_instants",
	  COL("    type: datetime\n    unique: true\n"),
	  { "v\n2026-01-01T00:00:00Z\n2026-01-01T01:00:00+01:00\n"
	    "2026-01-01T00:00:00.000000001Z\n2026-01-01T00:00:00.000000001Z\n"
	    "2026-01-01 00:00:00.0z\n" },
	  .digest = "unique:2:3:1:v unique:4:5:1:v unique:5:6:1:v" },
	{ "engine_unique_strings_byte_for_byte",
	  COL("    type: string\n    unique: true\n"),
	  { "v\na\nA\na \n\"a\"\n\n\n" }, .digest = "unique:4:5:1:v" },
	{ "engine_unique_dates_and_booleans",
	  "contract: t\ncolumns:\n"
	  "  - name: d\n    type: date\n    unique: true\n"
	  "  - name: b\n    type: boolean\n    unique: true\n",
	  { "d,b\n1970-01-01,false\n1970-01-02,0\n1970-01-01,true\n" },
	  .digest = "unique:2:3:2:b unique:3:4:1:d" },
	/* record numbers count per input */
	{ "engine_unique_spans_inputs", COL("    type: integer\n    unique: true\n"),
	  { "v\n1\n2\n", "v\n3\n02\n" },
	  .digest = "unique:2:3:1:v", COUNTS(4, 1, 1, 0) },

	/* ---- primary key ---- */
	{ "engine_primary_key_duplicate_and_null_part", PK_YAML,
	  { "x,b,a\nq,k,1\nq,k,01\nq,k,2\nq,,3\nq,k,\nq,,\n" },
	  .digest = "primary_key:2:3:3:a,b primary_key:4:5:3:a,b "
		    "primary_key:5:6:3:a,b primary_key:6:7:3:a,b",
	  .want = { { .i = 0, .value = "01,k", .warn = T_NO } },
	  COUNTS(6, 4, 4, 0) },
	{ "engine_primary_key_parts_do_not_run_together",
	  "contract: t\ncolumns:\n  - name: a\n    type: string\n"
	  "  - name: b\n    type: string\ndataset:\n  primary_key: [a, b]\n",
	  { "a,b\nab,c\na,bc\nabc,\n\"a,b\",c\nab,c\n" },
	  .digest = "primary_key:3:4:1:a,b primary_key:5:6:1:a,b" },

	/* ---- row_count ---- */
	{ "engine_row_count_minimum_not_met", ROW_COUNT("{minimum: 2}"),
	  { "v\n" }, .digest = "row_count:0:0:0:-", COUNTS(0, 0, 1, 0) },
	{ "engine_row_count_minimum_met", ROW_COUNT("{minimum: 2}"),
	  { "v\n1\n2\n" }, .digest = "" },
	{ "engine_row_count_maximum_one_input",
	  ROW_COUNT("{minimum: 1, maximum: 2}"), { "v\n1\n" }, .digest = "" },
	{ "engine_row_count_maximum_over_all_inputs",
	  ROW_COUNT("{minimum: 1, maximum: 2}"), { "v\n1\n", "v\n2\n3\n" },
	  .digest = "row_count:0:0:0:-", COUNTS(3, 0, 1, 0) },

	/* ---- severity and sensitive ---- */
	{ "engine_severity_warn_is_warning_not_invalid",
	  "contract: t\ncolumns:\n"
	  "  - name: a\n    type: integer\n    severity: warn\n    unique: true\n"
	  "  - name: b\n    type: integer\n",
	  { "a,b\nx,1\n1,1\n1,2\n1,y\n" },
	  .cfg = { .flags = DCVAL_VALIDATE_FAIL_FAST, .quarantine = true },
	  .st = DCVAL_STOP,
	  .digest = "type:1:2:1:a unique:3:4:1:a unique:4:5:1:a type:4:5:2:b",
	  .want = { WARN(0), WARN(1), WARN(2), ERROR(3) }, COUNTS(4, 1, 1, 3),
	  .valid = "a,b\nx,1\n1,1\n1,2\n", .invalid = "a,b\n1,y\n" },
	{ "engine_sensitive_violations_are_redacted",
	  "contract: t\ncolumns:\n  - name: id\n    type: integer\n"
	  "  - name: email\n    type: string\n    format: email\n"
	  "    unique: true\n    sensitive: true\n"
	  "dataset:\n  primary_key: [id, email]\n",
	  { "id,email\nx,bad\n1,a@b.example\n2,a@b.example\n2,a@b.example\n" },
	  .digest = "type:1:2:1:id format:1:2:2:email unique:3:4:2:email "
		    "unique:4:5:2:email primary_key:4:5:1:id,email",
	  .want = { { .i = 0, .redacted = T_NO }, REDACTED(1), REDACTED(2),
		    REDACTED(3), REDACTED(4) } },

	/* ---- header: missing, extra, order, duplicates ---- */
	/* once, not per record; b's required check is skipped */
	{ "engine_missing_column_error", POLICY("error", "error"),
	  { "a\n1\nx\n2\n" }, .digest = "missing_column:0:0:0:b type:2:3:1:a",
	  .want = { ERROR(0) }, COUNTS(3, 1, 2, 0) },
	{ "engine_missing_column_warn", POLICY("warn", "error"),
	  { "a\n1\nx\n" }, .digest = "missing_column:0:0:0:b type:2:3:1:a",
	  .want = { WARN(0) }, COUNTS(2, 1, 1, 1) },
	{ "engine_missing_column_ignore", POLICY("ignore", "error"),
	  { "a\n1\nx\n" }, .digest = "type:2:3:1:a", COUNTS(2, 1, 1, 0) },
	{ "engine_extra_column_error", POLICY("error", "error"),
	  { "a,x,b,y\n1,q,2,r\n" },
	  .digest = "extra_column:0:1:2:x extra_column:0:1:4:y",
	  .want = { ERROR(0) }, COUNTS(1, 0, 2, 0) },
	{ "engine_extra_column_warn", POLICY("error", "warn"),
	  { "a,x,b\n1,q,2\n" }, .digest = "extra_column:0:1:2:x",
	  .want = { WARN(0) }, COUNTS(1, 0, 0, 1) },
	{ "engine_extra_column_ignore", POLICY("error", "ignore"),
	  { "a,x,b\n1,q,z\n" }, .digest = "type:1:2:3:b" },
	{ "engine_column_order_strict_in_order", COLUMN_ORDER_STRICT,
	  { "a,b,c\n1,2,3\n" }, .digest = "" },
	{ "engine_column_order_strict_extra_between", COLUMN_ORDER_STRICT,
	  { "a,x,b,c\n1,2,3,4\n" }, .digest = "" },
	{ "engine_column_order_strict_out_of_order", COLUMN_ORDER_STRICT,
	  { "a,c,b\n1,2,3\n" }, .digest = "column_order:0:1:3:b",
	  COUNTS(1, 0, 1, 0) },
	{ "engine_column_order_any_accepts_any_order", POLICY("error", "error"),
	  { "b,a\n1,2\n" }, .digest = "" },
	{ "engine_duplicate_header_name_makes_column_ambiguous",
	  POLICY("error", "error"), { "a,b,a\nx,1,y\n1,z,2\n" },
	  .digest = "header:0:1:3:- type:2:3:2:b", .want = { VAL(0, "a") },
	  COUNTS(2, 1, 2, 0) },
	{ "engine_duplicate_undeclared_and_blank_header_names",
	  POLICY("error", "ignore"), { "a,,b,q,q\n1,2,3,4,5\n" },
	  .digest = "header:0:1:2:- header:0:1:5:-", COUNTS(1, 0, 2, 0) },
	{ "engine_each_input_has_its_own_header_map", AB_INTEGERS,
	  { "a,b\n1,x\n", "b,a\n2,y\n", "a\nz\n" },
	  .digest = "type:1:2:2:b type:1:2:2:a missing_column:0:0:0:b type:1:2:1:a",
	  COUNTS(3, 3, 4, 0) },

	/* ---- fail-fast and counts ---- */
	{ "engine_fail_fast_stops_after_first_error", AB_INTEGERS,
	  { "a,b\n1,2\n1,x\ny,3\nz,z\n", "a,b\nq,1\n" },
	  .cfg = { .flags = DCVAL_VALIDATE_FAIL_FAST }, .st = DCVAL_STOP,
	  .digest = "type:2:3:2:b", COUNTS(2, 1, 1, 0) },
	{ "engine_fail_fast_on_header_violation",
	  "contract: t\ncolumns:\n  - name: a\n    type: integer\n",
	  { "a,x\n1,2\n" }, .cfg = { .flags = DCVAL_VALIDATE_FAIL_FAST },
	  .st = DCVAL_STOP, .digest = "extra_column:0:1:2:x", COUNTS(0, 0, 1, 0) },
	{ "engine_counts_exact_with_many_violations",
	  "contract: t\ncolumns:\n"
	  "  - name: a\n    type: integer\n    minimum: 0\n"
	  "  - name: b\n    type: string\n    required: true\n    max_length: 1\n"
	  "  - name: c\n    type: integer\n    severity: warn\n    maximum: 5\n",
	  { "a,b,c\n-1,,9\n1,x,1\n-2,yy,x\n3,z,6\n" },
	  .digest = "minimum:1:2:1:a required:1:2:2:b maximum:1:2:3:c "
		    "minimum:3:4:1:a max_length:3:4:2:b type:3:4:3:c maximum:4:5:3:c",
	  COUNTS(4, 2, 4, 3) },
};

/* Run the text data (built at run time) through contract yaml: case c. */
static void run_text(struct tcase *c, const char *yaml, const char *data)
{
	struct input in = { data, strlen(data) };

	c->contract = yaml;
	run_case_with(c, &in, 1);
}

/* A pathological pattern gives up at the match limit, a long value with a
 * repeated group at the depth limit (after the JIT's stack overflows):
 * one `pattern` violation naming the limit, and the next value is checked
 * as usual. */
static void test_engine_pattern_limits(void **state)
{
	char *data = malloc(200100);
	size_t o;

	(void)state;
	assert_non_null(data);
	o = (size_t)sprintf(data, "v\n%s\nab\naac\n",
			    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax");
	assert_true(o < 200);
	run_text(&(struct tcase){ .digest = "pattern:1:2:1:v",
		.want = { { .i = 0, .detail = "was not checked: pattern match gave "
			    "up after 10000 steps (the match limit)" } } },
		COL("    type: string\n    pattern: '(a|a)*[bc]'\n"), data);
	o = (size_t)sprintf(data, "v\n");
	memset(data + o, 'a', 100000);
	o += 100000;
	sprintf(data + o, "\nabcd\n");
	run_text(&(struct tcase){ .digest = "pattern:1:2:1:v",
		.want = { { .i = 0, .detail = "was not checked: pattern match gave "
			    "up at backtracking depth 1000 (the depth limit)" } } },
		COL("    type: string\n    pattern: '(?:[a-z],?)*'\n"), data);
	free(data);
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

/* A 200,000-column header with repeats: every repeat is one `header`
 * violation at its own position, declared columns are found wherever
 * they stand, and a repeated declared column is ambiguous. Not timed:
 * the name index (util/strmap.h) keeps it linear. */
static void test_engine_wide_header_with_repeats(void **state)
{
	size_t n = 200000, cap = n * 16 + 256, o = 0, i;
	char *data = malloc(cap);

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
	run_text(&(struct tcase){
		.digest = "header:0:1:200001:- header:0:1:200002:- "
			  "header:0:1:200003:- missing_column:0:0:0:zz "
			  "type:1:2:8:c7 type:1:2:150001:c150000",
		.want = { VAL(0, "c5"), VAL(1, "c199999"), VAL(2, "c0") } },
		"contract: t\nschema: {extra_columns: ignore}\ncolumns:\n"
		"  - {name: c7, type: integer}\n"
		"  - {name: c150000, type: integer}\n"
		"  - {name: c5, type: integer}\n"
		"  - {name: zz, type: integer}\n", data);
	free(data);
}

int main(void)
{
	static const struct CMUnitTest built[] = {
		cmocka_unit_test(test_engine_pattern_limits),
		cmocka_unit_test(test_engine_dataset_violation_path_one_or_several_inputs),
		cmocka_unit_test(test_engine_wide_header_with_repeats),
	};

	return run_table("engine", cases, sizeof(cases) / sizeof(cases[0]), built,
			 sizeof(built) / sizeof(built[0]));
}

/*
 * Unit tests of the contract loader and compiler (src/contract/load.c,
 * compile*.c, contract.c): valid contracts checked field by field, and
 * one case per error class checked for exact status, text, line, column.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

#include "contract/contract_impl.h"
#include "dcval/dcval.h"

/* Head of most cases: lines 1-2. */
#define HEAD "contract: t\ncolumns:\n"
/* One integer column x on lines 3-4; line 5 is the key under test. */
#define COL_INT HEAD "  - name: x\n    type: integer\n"
#define COL_STR HEAD "  - name: x\n    type: string\n"
#define COL_NUM HEAD "  - name: x\n    type: number\n"

struct error_case {
	const char *name;
	const char *yaml;
	dcval_status status;
	const char *text;
	unsigned long line;
	unsigned long col;
};

static const struct error_case error_cases[] = {
	/* top level */
	{ "top_not_mapping", "- a\n- b\n", DCVAL_ECONTRACT,
	  "expected a mapping at the top of the contract", 1, 1 },
	{ "missing_contract", "columns:\n  - {name: a, type: any}\n",
	  DCVAL_ECONTRACT, "missing required key 'contract'", 1, 1 },
	{ "bad_contract_name", "contract: my events\ncolumns: []\n",
	  DCVAL_ECONTRACT,
	  "invalid contract name 'my events': use letters, digits, '_', '.' and '-'",
	  1, 11 },
	{ "contract_name_map", "contract: {a: 1}\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'contract'", 1, 11 },
	{ "missing_columns", "contract: t\nowner: me\n", DCVAL_ECONTRACT,
	  "missing required key 'columns'", 1, 1 },
	{ "columns_not_sequence", "contract: t\ncolumns: {a: 1}\n",
	  DCVAL_ECONTRACT, "expected a sequence for 'columns'", 2, 10 },
	{ "columns_empty", "contract: t\ncolumns: []\n", DCVAL_ECONTRACT,
	  "'columns' must not be empty", 2, 10 },
	{ "unknown_top_key_hint", "contract: t\ncolums: []\n", DCVAL_ECONTRACT,
	  "unknown key 'colums' (did you mean 'columns'?)", 2, 1 },
	{ "unknown_top_key", "contract: t\nzzz: 1\n", DCVAL_ECONTRACT,
	  "unknown key 'zzz'", 2, 1 },
	{ "planned_rules", "contract: t\nrules: []\n", DCVAL_ECONTRACT,
	  "'rules' is not supported in this version (planned)", 2, 1 },
	{ "planned_drift", "contract: t\ndrift: {}\n", DCVAL_ECONTRACT,
	  "'drift' is not supported in this version (planned)", 2, 1 },
	{ "version_not_scalar", "contract: t\nversion: [1]\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'version'", 2, 10 },
	{ "owner_not_scalar", "contract: t\nowner: {a: b}\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'owner'", 2, 8 },
	/* input */
	{ "input_not_mapping", "contract: t\ninput: csv\n", DCVAL_ECONTRACT,
	  "expected a mapping for 'input'", 2, 8 },
	{ "input_unknown_key", "contract: t\ninput:\n  delimeter: ';'\n",
	  DCVAL_ECONTRACT, "unknown key 'delimeter' (did you mean 'delimiter'?)",
	  3, 3 },
	{ "input_format_hint", "contract: t\ninput: {format: jsn}\n",
	  DCVAL_ECONTRACT, "unknown input format 'jsn' (did you mean 'json'?)",
	  2, 17 },
	{ "input_format_unknown", "contract: t\ninput: {format: parquet}\n",
	  DCVAL_ECONTRACT,
	  "unknown input format 'parquet': expected csv, tsv, jsonl or json", 2,
	  17 },
	{ "delimiter_two_bytes", "contract: t\ninput: {delimiter: ';;'}\n",
	  DCVAL_ECONTRACT, "'delimiter' must be one byte, got ';;'", 2, 20 },
	{ "delimiter_empty", "contract: t\ninput: {delimiter: ''}\n",
	  DCVAL_ECONTRACT, "'delimiter' must be one byte, got ''", 2, 20 },
	{ "delimiter_newline", "contract: t\ninput: {delimiter: \"\\n\"}\n",
	  DCVAL_ECONTRACT, "'delimiter' must not be a line break", 2, 20 },
	{ "delimiter_is_quote", "contract: t\ninput:\n  delimiter: \"'\"\n  quote: \"'\"\n",
	  DCVAL_ECONTRACT, "'delimiter' and 'quote' must differ", 4, 10 },
	{ "quote_is_default_delimiter", "contract: t\ninput: {quote: ','}\n",
	  DCVAL_ECONTRACT, "'delimiter' and 'quote' must differ", 2, 16 },
	{ "quote_two_bytes", "contract: t\ninput: {quote: \"''\"}\n",
	  DCVAL_ECONTRACT, "'quote' must be one byte, got ''''", 2, 16 },
	{ "header_yes", "contract: t\ninput: {header: yes}\n", DCVAL_ECONTRACT,
	  "expected true or false, got 'yes'", 2, 17 },
	{ "coerce_map", "contract: t\ninput: {coerce: {}}\n", DCVAL_ECONTRACT,
	  "expected true or false for 'coerce'", 2, 17 },
	{ "null_values_scalar", "contract: t\ninput: {null_values: NA}\n",
	  DCVAL_ECONTRACT, "expected a sequence for 'null_values'", 2, 22 },
	{ "null_values_item_map", "contract: t\ninput: {null_values: [{}]}\n",
	  DCVAL_ECONTRACT, "expected a scalar for each item of 'null_values'", 2,
	  23 },
	{ "encoding_latin1", "contract: t\ninput: {encoding: latin1}\n",
	  DCVAL_ECONTRACT, "unsupported encoding 'latin1': only utf-8", 2, 19 },
	/* schema */
	{ "schema_not_mapping", "contract: t\nschema: strict\n", DCVAL_ECONTRACT,
	  "expected a mapping for 'schema'", 2, 9 },
	{ "schema_bad_policy", "contract: t\nschema: {extra_columns: fail}\n",
	  DCVAL_ECONTRACT,
	  "expected error, warn or ignore for 'extra_columns', got 'fail'", 2,
	  26 },
	{ "schema_bad_missing", "contract: t\nschema: {missing_columns: 1}\n",
	  DCVAL_ECONTRACT,
	  "expected error, warn or ignore for 'missing_columns', got '1'", 2, 28 },
	{ "schema_bad_order", "contract: t\nschema: {column_order: sorted}\n",
	  DCVAL_ECONTRACT, "expected any or strict for 'column_order', got 'sorted'",
	  2, 25 },
	{ "schema_unknown_key", "contract: t\nschema: {extra_column: warn}\n",
	  DCVAL_ECONTRACT,
	  "unknown key 'extra_column' (did you mean 'extra_columns'?)", 2, 10 },
	/* columns: structure */
	{ "column_not_mapping", HEAD "  - x\n", DCVAL_ECONTRACT,
	  "expected a mapping for column 1", 3, 5 },
	{ "column_missing_name", HEAD "  - type: integer\n", DCVAL_ECONTRACT,
	  "missing required key 'name' in column 1", 3, 5 },
	{ "column_empty_name", HEAD "  - name: ''\n    type: any\n",
	  DCVAL_ECONTRACT, "column 1 has an empty name", 3, 11 },
	{ "column_name_seq", HEAD "  - name: [a]\n    type: any\n",
	  DCVAL_ECONTRACT, "expected a scalar for 'name' of column 1", 3, 11 },
	{ "column_missing_type", HEAD "  - name: a\n    type: any\n  - name: score\n    required: true\n",
	  DCVAL_ECONTRACT, "missing required key 'type' in column 'score'", 5, 5 },
	{ "column_unknown_type_hint", HEAD "  - name: a\n    type: strng\n",
	  DCVAL_ECONTRACT,
	  "unknown type 'strng' for column 'a' (did you mean 'string'?)", 4, 11 },
	{ "column_unknown_type", HEAD "  - name: a\n    type: int\n",
	  DCVAL_ECONTRACT, "unknown type 'int' for column 'a'", 4, 11 },
	{ "column_type_vector", HEAD "  - name: a\n    type: vector\n",
	  DCVAL_ECONTRACT, "type 'vector' is not supported in this version (planned)",
	  4, 11 },
	{ "column_planned_dimension", COL_NUM "    dimension: 768\n",
	  DCVAL_ECONTRACT, "'dimension' is not supported in this version (planned)",
	  5, 5 },
	{ "column_planned_norm", COL_NUM "    norm: {minimum: 1}\n",
	  DCVAL_ECONTRACT, "'norm' is not supported in this version (planned)", 5,
	  5 },
	{ "column_unknown_key_hint", COL_NUM "    minimun: 1\n", DCVAL_ECONTRACT,
	  "unknown key 'minimun' (did you mean 'minimum'?)", 5, 5 },
	{ "column_unknown_key", COL_NUM "    colour: red\n", DCVAL_ECONTRACT,
	  "unknown key 'colour'", 5, 5 },
	{ "column_required_yes", COL_INT "    required: yes\n", DCVAL_ECONTRACT,
	  "expected true or false, got 'yes'", 5, 15 },
	{ "column_unique_one", COL_INT "    unique: 1\n", DCVAL_ECONTRACT,
	  "expected true or false, got '1'", 5, 13 },
	{ "column_sensitive_quoted_junk", COL_INT "    sensitive: 'on'\n",
	  DCVAL_ECONTRACT, "expected true or false, got 'on'", 5, 16 },
	{ "column_severity", COL_INT "    severity: warning\n", DCVAL_ECONTRACT,
	  "expected error or warn for 'severity' of column 'x', got 'warning'", 5,
	  15 },
	{ "column_description_map", COL_INT "    description: {a: 1}\n",
	  DCVAL_ECONTRACT, "expected a scalar for 'description'", 5, 18 },
	/* bounds */
	{ "bound_not_number", COL_NUM "    minimum: abc\n", DCVAL_ECONTRACT,
	  "'minimum' must be a number for column 'x', got 'abc'", 5, 14 },
	{ "bound_nan", COL_NUM "    maximum: .nan\n", DCVAL_ECONTRACT,
	  "'maximum' must be a number for column 'x', got '.nan'", 5, 14 },
	{ "bound_fraction_on_integer", COL_INT "    minimum: 0.5\n",
	  DCVAL_ECONTRACT, "bound 0.5 does not fit integer column 'x'", 5, 14 },
	{ "bound_huge_on_integer", COL_INT "    maximum: 1e30\n", DCVAL_ECONTRACT,
	  "bound 1e30 does not fit integer column 'x'", 5, 14 },
	{ "bound_text_on_integer", COL_INT "    exclusive_minimum: ten\n",
	  DCVAL_ECONTRACT,
	  "'exclusive_minimum' must be an integer for column 'x', got 'ten'", 5,
	  24 },
	{ "bound_on_string", COL_STR "    minimum: 1\n", DCVAL_ECONTRACT,
	  "'minimum' does not apply to column 'x' of type string", 5, 14 },
	{ "bound_on_boolean", HEAD "  - name: b\n    type: boolean\n    maximum: 1\n",
	  DCVAL_ECONTRACT, "'maximum' does not apply to column 'b' of type boolean",
	  5, 14 },
	{ "bound_bad_date", HEAD "  - name: d\n    type: date\n    minimum: 2020-02-30\n",
	  DCVAL_ECONTRACT, "'minimum' must be a date for column 'd', got '2020-02-30'",
	  5, 14 },
	{ "bound_bad_datetime", HEAD "  - name: d\n    type: datetime\n    maximum: yesterday\n",
	  DCVAL_ECONTRACT,
	  "'maximum' must be a datetime for column 'd', got 'yesterday'", 5, 14 },
	{ "bound_bad_time", HEAD "  - name: d\n    type: time\n    maximum: '25:00:00'\n",
	  DCVAL_ECONTRACT, "'maximum' must be a time for column 'd', got '25:00:00'",
	  5, 14 },
	{ "bound_min_gt_max", HEAD "  - name: score\n    type: number\n    minimum: 5\n    maximum: 1\n",
	  DCVAL_ECONTRACT, "minimum 5 is greater than maximum 1 in column 'score'",
	  6, 14 },
	{ "bound_max_first_min_gt_max", COL_INT "    maximum: 1\n    minimum: 5\n",
	  DCVAL_ECONTRACT, "minimum 5 is greater than maximum 1 in column 'x'", 6,
	  14 },
	{ "bound_xmin_ge_xmax", COL_NUM "    exclusive_minimum: 2\n    exclusive_maximum: 2\n",
	  DCVAL_ECONTRACT,
	  "exclusive_minimum 2 is not less than exclusive_maximum 2 in column 'x'",
	  6, 24 },
	{ "bound_min_ge_xmax", COL_NUM "    minimum: 3\n    exclusive_maximum: 3\n",
	  DCVAL_ECONTRACT,
	  "minimum 3 is not less than exclusive_maximum 3 in column 'x'", 6, 24 },
	{ "bound_xmin_ge_max", COL_NUM "    exclusive_minimum: 3.5\n    maximum: 3.5\n",
	  DCVAL_ECONTRACT,
	  "exclusive_minimum 3.5 is not less than maximum 3.5 in column 'x'", 6,
	  14 },
	{ "bound_integer_gap", COL_INT "    exclusive_minimum: 1\n    exclusive_maximum: 2\n",
	  DCVAL_ECONTRACT,
	  "exclusive_minimum 1 and exclusive_maximum 2 leave no integer in column 'x'",
	  6, 24 },
	{ "bound_dates_reversed", HEAD "  - name: d\n    type: date\n    minimum: '2021-01-01'\n    maximum: '2020-12-31'\n",
	  DCVAL_ECONTRACT,
	  "minimum 2021-01-01 is greater than maximum 2020-12-31 in column 'd'", 6,
	  14 },
	/* lengths */
	{ "length_negative", COL_STR "    min_length: -1\n", DCVAL_ECONTRACT,
	  "'min_length' must be a non-negative integer for column 'x', got '-1'", 5,
	  17 },
	{ "length_fraction", COL_STR "    max_length: 2.5\n", DCVAL_ECONTRACT,
	  "'max_length' must be a non-negative integer for column 'x', got '2.5'",
	  5, 17 },
	{ "length_on_integer", COL_INT "    max_length: 3\n", DCVAL_ECONTRACT,
	  "'max_length' does not apply to column 'x' of type integer", 5, 17 },
	{ "length_min_gt_max", COL_STR "    min_length: 5\n    max_length: 1\n",
	  DCVAL_ECONTRACT, "min_length 5 is greater than max_length 1 in column 'x'",
	  6, 17 },
	/* enum */
	{ "enum_not_sequence", COL_STR "    enum: a\n", DCVAL_ECONTRACT,
	  "expected a sequence for 'enum' of column 'x'", 5, 11 },
	{ "enum_empty", COL_STR "    enum: []\n", DCVAL_ECONTRACT,
	  "'enum' of column 'x' must not be empty", 5, 11 },
	{ "enum_item_map", COL_STR "    enum: [a, {b: 1}]\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'enum' of column 'x'", 5, 15 },
	{ "enum_on_any", HEAD "  - name: x\n    type: any\n    enum: [a]\n",
	  DCVAL_ECONTRACT, "'enum' does not apply to column 'x' of type any", 5, 11 },
	{ "enum_bad_integer", COL_INT "    enum: [1, 2, three]\n", DCVAL_ECONTRACT,
	  "enum value 'three' does not fit integer column 'x'", 5, 18 },
	{ "enum_bad_number", COL_NUM "    enum: [1.5, 1,5]\n", DCVAL_ECONTRACT,
	  "enum value '1,5' does not fit number column 'x'", 5, 17 },
	{ "enum_bad_boolean", HEAD "  - name: b\n    type: boolean\n    true_values: [y]\n    enum: [true]\n",
	  DCVAL_ECONTRACT, "enum value 'true' does not fit boolean column 'b'", 6,
	  12 },
	{ "enum_bad_date_format", HEAD "  - name: d\n    type: date\n    format: '%d/%m/%Y'\n    enum: ['2020-01-01']\n",
	  DCVAL_ECONTRACT, "enum value '2020-01-01' does not fit date column 'd'",
	  6, 12 },
	/* pattern */
	{ "pattern_invalid", COL_STR "    pattern: 'ab(c'\n", DCVAL_ECONTRACT,
	  "invalid pattern at offset 4: missing closing parenthesis", 5, 14 },
	{ "pattern_on_integer", COL_INT "    pattern: '[0-9]+'\n", DCVAL_ECONTRACT,
	  "'pattern' does not apply to column 'x' of type integer", 5, 14 },
	{ "pattern_not_scalar", COL_STR "    pattern: [a]\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'pattern' of column 'x'", 5, 14 },
	/* format */
	{ "format_unknown_hint", COL_STR "    format: emial\n", DCVAL_ECONTRACT,
	  "unknown format 'emial' for column 'x' (did you mean 'email'?)", 5, 13 },
	{ "format_unknown", COL_STR "    format: isbn\n", DCVAL_ECONTRACT,
	  "unknown format 'isbn' for column 'x': expected email, uuid, uri, ipv4, ipv6 or hostname",
	  5, 13 },
	{ "format_bad_directive", HEAD "  - name: d\n    type: date\n    format: '%d/%Q/%Y'\n",
	  DCVAL_ECONTRACT,
	  "invalid format '%d/%Q/%Y' for column 'd': unknown directive '%Q'", 5,
	  13 },
	{ "format_empty_time", HEAD "  - name: d\n    type: time\n    format: ''\n",
	  DCVAL_ECONTRACT, "invalid format '' for column 'd'", 5, 13 },
	{ "format_on_integer", COL_INT "    format: email\n", DCVAL_ECONTRACT,
	  "'format' does not apply to column 'x' of type integer", 5, 13 },
	/* paths and names */
	{ "duplicate_name", HEAD "  - {name: a, type: any}\n  - {name: b, type: any}\n  - {name: a, type: integer}\n",
	  DCVAL_ECONTRACT, "duplicate column name 'a' (first at line 3)", 5, 12 },
	{ "same_path", HEAD "  - {name: a.b, type: any}\n  - {name: ab, type: any, path: [a, b]}\n",
	  DCVAL_ECONTRACT, "column 'ab' has the same path as column 'a.b'", 4, 37 },
	{ "path_prefix_first", HEAD "  - {name: user, type: any}\n  - {name: user.country, type: string}\n",
	  DCVAL_ECONTRACT,
	  "the path of column 'user' is a prefix of the path of column 'user.country'",
	  4, 12 },
	{ "path_prefix_second", HEAD "  - {name: user.country, type: string}\n  - {name: user, type: any}\n",
	  DCVAL_ECONTRACT,
	  "the path of column 'user' is a prefix of the path of column 'user.country'",
	  4, 12 },
	{ "path_empty_part", HEAD "  - {name: a..b, type: any}\n", DCVAL_ECONTRACT,
	  "empty key in the path of column 'a..b' (give an explicit 'path')", 3,
	  12 },
	{ "path_trailing_dot", HEAD "  - {name: 'a.', type: any}\n",
	  DCVAL_ECONTRACT,
	  "empty key in the path of column 'a.' (give an explicit 'path')", 3, 12 },
	{ "path_not_sequence", COL_INT "    path: a.b\n", DCVAL_ECONTRACT,
	  "expected a sequence for 'path' of column 'x'", 5, 11 },
	{ "path_empty", COL_INT "    path: []\n", DCVAL_ECONTRACT,
	  "'path' of column 'x' must have 1 to 64 keys", 5, 11 },
	{ "path_empty_key", COL_INT "    path: [a, '']\n", DCVAL_ECONTRACT,
	  "each key in 'path' of column 'x' must be a non-empty string", 5, 15 },
	/* boolean lists */
	{ "true_values_on_string", COL_STR "    true_values: [y]\n", DCVAL_ECONTRACT,
	  "'true_values' does not apply to column 'x' of type string", 5, 18 },
	{ "false_values_empty", HEAD "  - name: b\n    type: boolean\n    false_values: []\n",
	  DCVAL_ECONTRACT, "'false_values' of column 'b' must not be empty", 5, 19 },
	{ "bool_lists_overlap", HEAD "  - name: b\n    type: boolean\n    true_values: [y, yes]\n    false_values: [n, yes]\n",
	  DCVAL_ECONTRACT, "'yes' is both a true and a false value of column 'b'",
	  6, 23 },
	{ "bool_list_overlaps_default", HEAD "  - name: b\n    type: boolean\n    true_values: [y, '0']\n",
	  DCVAL_ECONTRACT, "'0' is both a true and a false value of column 'b'", 5,
	  22 },
	/* dataset */
	{ "dataset_not_mapping", COL_INT "dataset: 1\n", DCVAL_ECONTRACT,
	  "expected a mapping for 'dataset'", 5, 10 },
	{ "dataset_planned_columns", COL_INT "dataset:\n  columns: {}\n",
	  DCVAL_ECONTRACT, "'columns' is not supported in this version (planned)",
	  6, 3 },
	{ "dataset_planned_freshness", COL_INT "dataset:\n  freshness: {}\n",
	  DCVAL_ECONTRACT,
	  "'freshness' is not supported in this version (planned)", 6, 3 },
	{ "dataset_unknown_key", COL_INT "dataset:\n  row_cont: {}\n",
	  DCVAL_ECONTRACT, "unknown key 'row_cont' (did you mean 'row_count'?)", 6,
	  3 },
	{ "row_count_negative", COL_INT "dataset:\n  row_count: {minimum: -1}\n",
	  DCVAL_ECONTRACT,
	  "'minimum' must be a non-negative integer for 'row_count', got '-1'", 6,
	  23 },
	{ "row_count_min_gt_max", COL_INT "dataset:\n  row_count: {minimum: 10, maximum: 2}\n",
	  DCVAL_ECONTRACT, "row_count minimum 10 is greater than maximum 2", 6, 36 },
	{ "row_count_unknown_key", COL_INT "dataset:\n  row_count: {min: 1}\n",
	  DCVAL_ECONTRACT, "unknown key 'min'", 6, 15 },
	{ "primary_key_unknown_hint", COL_INT "dataset:\n  primary_key: [y, xx]\n",
	  DCVAL_ECONTRACT, "'primary_key' names unknown column 'y' (did you mean 'x'?)",
	  6, 17 },
	{ "primary_key_unknown", COL_INT "dataset:\n  primary_key: [user_id]\n",
	  DCVAL_ECONTRACT, "'primary_key' names unknown column 'user_id'", 6, 17 },
	{ "primary_key_repeat", COL_INT "dataset:\n  primary_key: [x, x]\n",
	  DCVAL_ECONTRACT, "column 'x' is repeated in 'primary_key'", 6, 20 },
	{ "primary_key_empty", COL_INT "dataset:\n  primary_key: []\n",
	  DCVAL_ECONTRACT, "'primary_key' must not be empty", 6, 16 },
	{ "primary_key_scalar", COL_INT "dataset:\n  primary_key: x\n",
	  DCVAL_ECONTRACT, "expected a sequence for 'primary_key'", 6, 16 },
	/* yaml level, through the loader */
	{ "yaml_syntax", "contract: t\ncolumns: [\n", DCVAL_ECONTRACT,
	  "did not find expected node content while parsing a flow node", 3, 1 },
	{ "yaml_duplicate", COL_INT "    type: string\n", DCVAL_ECONTRACT,
	  "duplicate key 'type' (first at line 4)", 5, 5 },
	{ "yaml_alias", HEAD "  - &c {name: a, type: any}\n  - *c\n",
	  DCVAL_ECONTRACT, "anchor '&c' is not supported in contracts", 3, 5 },
	{ "yaml_empty", "", DCVAL_ECONTRACT, "contract is empty", 1, 1 },
};

#define N_ERROR_CASES (sizeof(error_cases) / sizeof(error_cases[0]))

static void run_error_case(void **state)
{
	const struct error_case *t = *state;
	dcval_contract *c;
	dcval_error err;

	c = dcval_contract_load_buffer("c.yaml", t->yaml, strlen(t->yaml), &err);
	if (c)
		dcval_contract_free(c);
	assert_null(c);
	assert_string_equal(err.text, t->text);
	assert_int_equal(err.status, t->status);
	assert_string_equal(err.file, "c.yaml");
	assert_int_equal(err.line, t->line);
	assert_int_equal(err.col, t->col);
}

static dcval_contract *load_ok(const char *yaml)
{
	dcval_contract *c;
	dcval_error err;

	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	if (!c)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.text);
	assert_int_equal(err.status, DCVAL_OK);
	return c;
}

#include "test_compile_valid.h"

int main(void)
{
	struct CMUnitTest tests[N_ERROR_CASES + N_VALID_TESTS];
	size_t i;

	for (i = 0; i < N_ERROR_CASES; i++) {
		tests[i] = (struct CMUnitTest){ error_cases[i].name,
						run_error_case, NULL, NULL,
						(void *)&error_cases[i] };
	}
	for (i = 0; i < N_VALID_TESTS; i++)
		tests[N_ERROR_CASES + i] = valid_tests[i];
	return cmocka_run_group_tests(tests, NULL, NULL);
}

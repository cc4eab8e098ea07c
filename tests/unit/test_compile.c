/*
 * Unit tests of the contract loader and compiler (src/contract/load.c,
 * compile*.c, contract.c): valid contracts checked field by field, and
 * one case per error class checked for exact status, text, line, column.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sha2.h>

#include "unit.h"

#include "contract/compile.h"
#include "contract/contract_impl.h"
#include "dcval/dcval.h"

/* Head of most cases: lines 1-2. */
#define HEAD "contract: t\ncolumns:\n"
/* One integer column x on lines 3-4; line 5 is the key under test. */
#define COL_INT HEAD "  - name: x\n    type: integer\n"
#define COL_STR HEAD "  - name: x\n    type: string\n"
#define COL_NUM HEAD "  - name: x\n    type: number\n"
#define COL_VEC HEAD "  - name: x\n    type: vector\n"

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
	{ "rules_not_sequence",
	  "contract: t\ncolumns: [{name: a, type: integer}]\nrules: {}\n",
	  DCVAL_ECONTRACT, "expected a sequence for 'rules'", 3, 8 },
	/* drift (contract.md "Drift"): limits checked before the baseline
	 * is read (tests/cli/drift has the baseline cases) */
	{ "drift_no_baseline", COL_INT "drift: {columns: {x: {psi: 0.1}}}\n",
	  DCVAL_ECONTRACT, "'drift' needs a 'baseline'", 5, 8 },
	{ "drift_unknown_column", COL_INT "drift: {baseline: b.json, columns: {y: {psi: 0.1}}}\n",
	  DCVAL_ECONTRACT, "drift names unknown column 'y'", 5, 37 },
	{ "drift_negative_limit", COL_INT "drift: {baseline: b.json, columns: {x: {psi: -1}}}\n",
	  DCVAL_ECONTRACT,
	  "'psi' of drift column 'x' must be a non-negative number, got '-1'", 5, 46 },
	{ "drift_ks_on_string", COL_STR "drift: {baseline: b.json, columns: {x: {ks: 0.1}}}\n",
	  DCVAL_ECONTRACT,
	  "'ks' needs an integer, number, date, datetime or time column; 'x' is string",
	  5, 45 },
	{ "drift_unseen_on_number", HEAD "  - name: x\n    type: number\n"
	  "drift: {baseline: b.json, columns: {x: {unseen_share: 0}}}\n",
	  DCVAL_ECONTRACT,
	  "'unseen_share' needs a string, boolean, integer or date column; 'x' is number",
	  5, 55 },
	{ "drift_no_metric", COL_INT "drift: {baseline: b.json, columns: {x: {severity: warn}}}\n",
	  DCVAL_ECONTRACT,
	  "drift column 'x' has no metric (psi, ks, null_fraction_change, unseen_share)",
	  5, 40 },
	{ "drift_unknown_metric", COL_INT "drift: {baseline: b.json, columns: {x: {pis: 0.1}}}\n",
	  DCVAL_ECONTRACT, "unknown key 'pis' (did you mean 'psi'?)", 5, 41 },
	{ "version_not_scalar", "contract: t\nversion: [1]\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'version'", 2, 10 },
	{ "owner_not_scalar", "contract: t\nowner: {a: b}\n", DCVAL_ECONTRACT,
	  "expected a scalar for 'owner'", 2, 8 },
	/* values typed as the YAML 1.2 core schema reads them */
	{ "contract_null", "contract: null\ncolumns: []\n", DCVAL_ECONTRACT,
	  "'contract' must be a string, got null", 1, 11 },
	{ "contract_tag_binary", "contract: !!binary YWJj\ncolumns: []\n",
	  DCVAL_ECONTRACT,
	  "tag '!!binary' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
	  1, 11 },
	{ "column_name_tilde", HEAD "  - name: ~\n    type: any\n",
	  DCVAL_ECONTRACT, "'name' of column 1 must be a string, got null", 3,
	  11 },
	{ "column_name_empty_plain", HEAD "  - name:\n    type: any\n",
	  DCVAL_ECONTRACT, "'name' of column 1 must be a string, got null", 3,
	  10 },
	{ "column_name_integer", HEAD "  - name: 2024\n    type: any\n",
	  DCVAL_ECONTRACT,
	  "'name' of column 1 must be a string, got the integer 2024 (put it in quotes)",
	  3, 11 },
	{ "column_name_custom_tag", HEAD "  - name: !foo a\n    type: any\n",
	  DCVAL_ECONTRACT,
	  "tag '!foo' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
	  3, 11 },
	{ "column_type_null", HEAD "  - name: a\n    type: NULL\n",
	  DCVAL_ECONTRACT, "'type' of column 'a' must be a string, got null", 4,
	  11 },
	{ "column_description_int", COL_INT "    description: 5\n",
	  DCVAL_ECONTRACT,
	  "'description' must be a string, got the integer 5 (put it in quotes)",
	  5, 18 },
	{ "column_required_quoted_true", COL_INT "    required: 'true'\n",
	  DCVAL_ECONTRACT, "expected true or false, got the string 'true'", 5,
	  15 },
	{ "column_severity_null", COL_INT "    severity: ~\n", DCVAL_ECONTRACT,
	  "expected error or warn for 'severity' of column 'x', got null", 5, 15 },
	{ "bound_quoted_on_integer", COL_INT "    minimum: \"5\"\n",
	  DCVAL_ECONTRACT,
	  "'minimum' must be an integer for column 'x', got the string '5'", 5,
	  14 },
	{ "bound_single_quoted_on_number", COL_NUM "    maximum: '5'\n",
	  DCVAL_ECONTRACT,
	  "'maximum' must be a number for column 'x', got the string '5'", 5, 14 },
	{ "bound_str_tag_on_number", COL_NUM "    maximum: !!str 5\n",
	  DCVAL_ECONTRACT,
	  "'maximum' must be a number for column 'x', got the string '5'", 5, 14 },
	{ "bound_null", COL_NUM "    minimum: null\n", DCVAL_ECONTRACT,
	  "'minimum' must be a number for column 'x', got null", 5, 14 },
	{ "bound_inf", COL_NUM "    minimum: -.inf\n", DCVAL_ECONTRACT,
	  "'minimum' must be a finite number for column 'x', got '-.inf'", 5, 14 },
	{ "bound_inf_on_integer", COL_INT "    maximum: .Inf\n", DCVAL_ECONTRACT,
	  "'maximum' must be a finite number for column 'x', got '.Inf'", 5, 14 },
	{ "bound_beyond_double", COL_NUM "    maximum: 1e999\n", DCVAL_ECONTRACT,
	  "bound 1e999 is beyond the range of number column 'x'", 5, 14 },
	{ "bound_hex_too_big", COL_INT "    maximum: 0x8000000000000000\n",
	  DCVAL_ECONTRACT,
	  "bound 0x8000000000000000 does not fit integer column 'x'", 5, 14 },
	{ "bound_date_not_string", HEAD "  - name: d\n    type: date\n    minimum: 2020\n",
	  DCVAL_ECONTRACT, "'minimum' must be a date for column 'd', got '2020'",
	  5, 14 },
	{ "length_quoted", COL_STR "    min_length: '3'\n", DCVAL_ECONTRACT,
	  "'min_length' must be a non-negative integer for column 'x', got the string '3'",
	  5, 17 },
	{ "enum_null_on_string", COL_STR "    enum: [a, ~]\n", DCVAL_ECONTRACT,
	  "'enum' of column 'x' lists null, which 'enum' never checks (use 'required: true')",
	  5, 15 },
	{ "enum_null_on_integer", COL_INT "    enum: [1, null]\n", DCVAL_ECONTRACT,
	  "'enum' of column 'x' lists null, which 'enum' never checks (use 'required: true')",
	  5, 15 },
	{ "enum_integer_on_string", COL_STR "    enum: [a, 1]\n", DCVAL_ECONTRACT,
	  "each value of 'enum' of column 'x' must be a string, got the integer 1 (put it in quotes)",
	  5, 15 },
	{ "enum_quoted_on_integer", COL_INT "    enum: [1, '2']\n",
	  DCVAL_ECONTRACT,
	  "enum value '2' does not fit integer column 'x' (a quoted string)", 5,
	  15 },
	{ "enum_float_on_integer", COL_INT "    enum: [1, 2.5]\n", DCVAL_ECONTRACT,
	  "enum value '2.5' does not fit integer column 'x'", 5, 15 },
	{ "enum_nan_on_number", COL_NUM "    enum: [.nan]\n", DCVAL_ECONTRACT,
	  "enum value '.nan' does not fit number column 'x'", 5, 12 },
	{ "enum_integer_on_boolean", HEAD "  - name: b\n    type: boolean\n    enum: [1]\n",
	  DCVAL_ECONTRACT, "enum value '1' does not fit boolean column 'b'", 5,
	  12 },
	{ "enum_integer_on_date", HEAD "  - name: d\n    type: date\n    enum: [2020]\n",
	  DCVAL_ECONTRACT, "enum value '2020' does not fit date column 'd'", 5,
	  12 },
	{ "pattern_null", COL_STR "    pattern: ~\n", DCVAL_ECONTRACT,
	  "'pattern' of column 'x' must be a string, got null", 5, 14 },
	{ "format_null", HEAD "  - name: d\n    type: date\n    format:\n",
	  DCVAL_ECONTRACT, "'format' of column 'd' must be a string, got null", 5,
	  12 },
	{ "true_values_integer", HEAD "  - name: b\n    type: boolean\n    true_values: [Y, 1]\n",
	  DCVAL_ECONTRACT,
	  "'true_values' of column 'b' must be a string, got the integer 1 (put it in quotes)",
	  5, 22 },
	{ "null_values_null_item", "contract: t\ninput: {null_values: ['', ~]}\n",
	  DCVAL_ECONTRACT, "each item of 'null_values' must be a string, got null",
	  2, 27 },
	{ "delimiter_integer", "contract: t\ninput: {delimiter: 1}\n",
	  DCVAL_ECONTRACT,
	  "'delimiter' must be a string, got the integer 1 (put it in quotes)", 2,
	  20 },
	{ "delimiter_tilde", "contract: t\ninput: {delimiter: ~}\n",
	  DCVAL_ECONTRACT, "'delimiter' must be one byte, got null", 2, 20 },
	{ "input_format_null", "contract: t\ninput: {format: ~}\n",
	  DCVAL_ECONTRACT, "'format' in 'input' must be a string, got null", 2,
	  17 },
	{ "header_quoted", "contract: t\ninput: {header: \"false\"}\n",
	  DCVAL_ECONTRACT, "expected true or false, got the string 'false'", 2,
	  17 },
	{ "row_count_quoted", COL_INT "dataset:\n  row_count: {minimum: '1'}\n",
	  DCVAL_ECONTRACT,
	  "'minimum' must be a non-negative integer for 'row_count', got the string '1'",
	  6, 24 },
	{ "primary_key_null_item", COL_INT "dataset:\n  primary_key: [x, ~]\n",
	  DCVAL_ECONTRACT, "each item of 'primary_key' must be a string, got null",
	  6, 20 },
	/* version: semantic versioning */
	{ "version_banana", "contract: t\nversion: banana\n", DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got 'banana'", 2,
	  10 },
	{ "version_float", "contract: t\nversion: 1.4\n", DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got the number 1.4",
	  2, 10 },
	{ "version_int", "contract: t\nversion: 2\n", DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got the number 2",
	  2, 10 },
	{ "version_quoted_two_parts", "contract: t\nversion: '1.4'\n",
	  DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got the string '1.4'",
	  2, 10 },
	{ "version_null", "contract: t\nversion: ~\n", DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got null", 2, 10 },
	{ "version_v_prefix", "contract: t\nversion: v1.4.0\n", DCVAL_ECONTRACT,
	  "'version' must be a semantic version such as 1.4.0, got 'v1.4.0'", 2,
	  10 },
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
	  25 },
	{ "schema_bad_missing", "contract: t\nschema: {missing_columns: 1}\n",
	  DCVAL_ECONTRACT,
	  "expected error, warn or ignore for 'missing_columns', got '1'", 2, 27 },
	{ "schema_bad_order", "contract: t\nschema: {column_order: sorted}\n",
	  DCVAL_ECONTRACT, "expected any or strict for 'column_order', got 'sorted'",
	  2, 24 },
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
	/* vectors: keys that do not apply, and bad values */
	{ "vector_dimension_on_number", COL_NUM "    dimension: 768\n",
	  DCVAL_ECONTRACT, "'dimension' does not apply to column 'x' of type number",
	  5, 16 },
	{ "vector_norm_on_number", COL_NUM "    norm: {minimum: 1}\n",
	  DCVAL_ECONTRACT, "'norm' does not apply to column 'x' of type number", 5,
	  11 },
	{ "vector_finite_on_string", COL_STR "    finite: true\n",
	  DCVAL_ECONTRACT, "'finite' does not apply to column 'x' of type string",
	  5, 13 },
	{ "vector_unique", COL_VEC "    unique: true\n", DCVAL_ECONTRACT,
	  "'unique' does not apply to column 'x' of type vector", 5, 13 },
	{ "vector_unique_false", COL_VEC "    unique: false\n", DCVAL_ECONTRACT,
	  "'unique' does not apply to column 'x' of type vector", 5, 13 },
	{ "vector_minimum", COL_VEC "    minimum: 0\n", DCVAL_ECONTRACT,
	  "'minimum' does not apply to column 'x' of type vector", 5, 14 },
	{ "vector_exclusive_maximum", COL_VEC "    exclusive_maximum: 1\n",
	  DCVAL_ECONTRACT,
	  "'exclusive_maximum' does not apply to column 'x' of type vector", 5,
	  24 },
	{ "vector_enum", COL_VEC "    enum: ['[1]']\n", DCVAL_ECONTRACT,
	  "'enum' does not apply to column 'x' of type vector", 5, 11 },
	{ "vector_pattern", COL_VEC "    pattern: x\n", DCVAL_ECONTRACT,
	  "'pattern' does not apply to column 'x' of type vector", 5, 14 },
	{ "vector_min_length", COL_VEC "    min_length: 1\n", DCVAL_ECONTRACT,
	  "'min_length' does not apply to column 'x' of type vector", 5, 17 },
	{ "vector_max_length", COL_VEC "    max_length: 1\n", DCVAL_ECONTRACT,
	  "'max_length' does not apply to column 'x' of type vector", 5, 17 },
	{ "vector_format", COL_VEC "    format: uuid\n", DCVAL_ECONTRACT,
	  "'format' does not apply to column 'x' of type vector", 5, 13 },
	{ "vector_dimension_negative", COL_VEC "    dimension: -1\n",
	  DCVAL_ECONTRACT,
	  "'dimension' must be a non-negative integer for column 'x', got '-1'",
	  5, 16 },
	{ "vector_dimension_float", COL_VEC "    dimension: 1.5\n",
	  DCVAL_ECONTRACT,
	  "'dimension' must be a non-negative integer for column 'x', got '1.5'",
	  5, 16 },
	{ "vector_dimension_string", COL_VEC "    dimension: '768'\n",
	  DCVAL_ECONTRACT,
	  "'dimension' must be a non-negative integer for column 'x', got the string '768'",
	  5, 16 },
	{ "vector_finite_word", COL_VEC "    finite: yes\n", DCVAL_ECONTRACT,
	  "expected true or false, got 'yes'", 5, 13 },
	{ "vector_norm_scalar", COL_VEC "    norm: 1\n", DCVAL_ECONTRACT,
	  "expected a mapping for 'norm' of column 'x'", 5, 11 },
	{ "vector_norm_empty", COL_VEC "    norm: {}\n", DCVAL_ECONTRACT,
	  "'norm' of column 'x' needs a minimum, a maximum or both", 5, 11 },
	{ "vector_norm_unknown_key", COL_VEC "    norm: {minimum: 0, maximun: 1}\n",
	  DCVAL_ECONTRACT, "unknown key 'maximun' (did you mean 'maximum'?)", 5,
	  24 },
	{ "vector_norm_min_above_max",
	  COL_VEC "    norm: {minimum: 2, maximum: 1.5}\n", DCVAL_ECONTRACT,
	  "norm minimum 2 is greater than norm maximum 1.5 in column 'x'", 5,
	  33 },
	{ "vector_norm_negative", COL_VEC "    norm: {maximum: -1}\n",
	  DCVAL_ECONTRACT,
	  "'maximum' of 'norm' of column 'x' must be a finite non-negative number, got '-1'",
	  5, 21 },
	{ "vector_norm_inf", COL_VEC "    norm: {maximum: .inf}\n",
	  DCVAL_ECONTRACT,
	  "'maximum' of 'norm' of column 'x' must be a finite non-negative number, got '.inf'",
	  5, 21 },
	{ "vector_norm_string", COL_VEC "    norm: {minimum: '1'}\n",
	  DCVAL_ECONTRACT,
	  "'minimum' of 'norm' of column 'x' must be a finite non-negative number, got the string '1'",
	  5, 21 },
	{ "column_unknown_key_hint", COL_NUM "    minimun: 1\n", DCVAL_ECONTRACT,
	  "unknown key 'minimun' (did you mean 'minimum'?)", 5, 5 },
	{ "column_unknown_key", COL_NUM "    colour: red\n", DCVAL_ECONTRACT,
	  "unknown key 'colour'", 5, 5 },
	{ "column_required_yes", COL_INT "    required: yes\n", DCVAL_ECONTRACT,
	  "expected true or false, got 'yes'", 5, 15 },
	{ "column_unique_one", COL_INT "    unique: 1\n", DCVAL_ECONTRACT,
	  "expected true or false, got '1'", 5, 13 },
	{ "column_sensitive_quoted_junk", COL_INT "    sensitive: 'on'\n",
	  DCVAL_ECONTRACT, "expected true or false, got the string 'on'", 5, 16 },
	{ "column_severity", COL_INT "    severity: warning\n", DCVAL_ECONTRACT,
	  "expected error or warn for 'severity' of column 'x', got 'warning'", 5,
	  15 },
	{ "column_description_map", COL_INT "    description: {a: 1}\n",
	  DCVAL_ECONTRACT, "expected a scalar for 'description'", 5, 18 },
	/* bounds */
	{ "bound_not_number", COL_NUM "    minimum: abc\n", DCVAL_ECONTRACT,
	  "'minimum' must be a number for column 'x', got 'abc'", 5, 14 },
	{ "bound_nan", COL_NUM "    maximum: .nan\n", DCVAL_ECONTRACT,
	  "'maximum' must be a finite number for column 'x', got '.nan'", 5, 14 },
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
	{ "enum_bad_number", COL_NUM "    enum: [1.5, 'x']\n", DCVAL_ECONTRACT,
	  "enum value 'x' does not fit number column 'x' (a quoted string)", 5, 17 },
	{ "enum_bad_boolean", HEAD "  - name: b\n    type: boolean\n    true_values: [y]\n    enum: ['true']\n",
	  DCVAL_ECONTRACT, "enum value 'true' does not fit boolean column 'b' (a quoted string)", 6,
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
	{ "format_repeated", HEAD "  - name: d\n    type: date\n    format: '%Y%Y'\n",
	  DCVAL_ECONTRACT,
	  "invalid format '%Y%Y' for column 'd': directive '%Y' is repeated", 5,
	  13 },
	{ "format_repeated_field", HEAD "  - name: d\n    type: datetime\n    format: '%F %T %y'\n",
	  DCVAL_ECONTRACT,
	  "invalid format '%F %T %y' for column 'd': directive '%y' sets the year again (after '%F')",
	  5, 13 },
	{ "format_hour_on_date", HEAD "  - name: d\n    type: date\n    format: '%d/%m/%Y %H'\n",
	  DCVAL_ECONTRACT,
	  "invalid format '%d/%m/%Y %H' for column 'd': directive '%H' does not apply to a date",
	  5, 13 },
	{ "format_date_on_time", HEAD "  - name: t\n    type: time\n    format: '%F %T'\n",
	  DCVAL_ECONTRACT,
	  "invalid format '%F %T' for column 't': directive '%F' does not apply to a time",
	  5, 13 },
	{ "format_empty_time", HEAD "  - name: d\n    type: time\n    format: ''\n",
	  DCVAL_ECONTRACT, "invalid format '' for column 'd'", 5, 13 },
	{ "format_on_integer", COL_INT "    format: email\n", DCVAL_ECONTRACT,
	  "'format' does not apply to column 'x' of type integer", 5, 13 },
	/* paths and names */
	{ "duplicate_name", HEAD "  - {name: a, type: any}\n  - {name: b, type: any}\n  - {name: a, type: integer}\n",
	  DCVAL_ECONTRACT, "duplicate column name 'a' (first at line 3)", 5, 12 },
	{ "same_path", HEAD "  - {name: a.b, type: any}\n  - {name: ab, type: any, path: [a, b]}\n",
	  DCVAL_ECONTRACT, "column 'ab' has the same path as column 'a.b'", 4, 33 },
	{ "path_prefix_first", HEAD "  - {name: user, type: any}\n  - {name: user.country, type: string}\n",
	  DCVAL_ECONTRACT,
	  "the path of column 'user' is a prefix of the path of column 'user.country'",
	  4, 12 },
	{ "path_prefix_second", HEAD "  - {name: user.country, type: string}\n  - {name: user, type: any}\n",
	  DCVAL_ECONTRACT,
	  "the path of column 'user' is a prefix of the path of column 'user.country'",
	  4, 12 },
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
	{ "dataset_columns_not_mapping", COL_INT "dataset:\n  columns: [x]\n",
	  DCVAL_ECONTRACT, "expected a mapping for 'columns' in 'dataset'", 6,
	  12 },
	{ "dataset_freshness_no_column", COL_INT "dataset:\n  freshness: {}\n",
	  DCVAL_ECONTRACT, "missing required key 'column' in 'freshness'", 6,
	  14 },
	{ "dataset_unknown_key", COL_INT "dataset:\n  row_cont: {}\n",
	  DCVAL_ECONTRACT, "unknown key 'row_cont' (did you mean 'row_count'?)", 6,
	  3 },
	{ "row_count_negative", COL_INT "dataset:\n  row_count: {minimum: -1}\n",
	  DCVAL_ECONTRACT,
	  "'minimum' must be a non-negative integer for 'row_count', got '-1'", 6,
	  24 },
	{ "row_count_min_gt_max", COL_INT "dataset:\n  row_count: {minimum: 10, maximum: 2}\n",
	  DCVAL_ECONTRACT, "row_count minimum 10 is greater than maximum 2", 6, 37 },
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

static void test_defaults(void **state)
{
	static const char yaml[] = "contract: t\ncolumns:\n  - name: x\n    type: integer\n";
	dcval_contract *c = load_ok(yaml);
	const dv_column *col = &c->columns[0];
	char hex[65];

	(void)state;
	assert_string_equal(dcval_contract_name(c), "t");
	assert_null(dcval_contract_version(c));
	assert_null(dcval_contract_owner(c));
	assert_null(dcval_contract_source(c));
	assert_null(dcval_contract_description(c));
	assert_int_equal(dcval_contract_format(c), DCVAL_FORMAT_AUTO);
	assert_int_equal(dcval_contract_column_count(c), 1);
	SHA256Data((const uint8_t *)yaml, strlen(yaml), hex);
	assert_string_equal(dcval_contract_sha256(c), hex);
	assert_string_equal(c->file, "c.yaml");
	assert_int_equal(c->delimiter, ',');
	assert_false(c->delimiter_set);
	assert_int_equal(c->quote, '"');
	assert_true(c->header);
	assert_false(c->coerce);
	assert_int_equal(c->n_null_values, 1);
	assert_string_equal(c->null_values[0], "");
	assert_int_equal(c->extra_columns, DV_POLICY_ERROR);
	assert_int_equal(c->missing_columns, DV_POLICY_ERROR);
	assert_false(c->column_order_strict);
	assert_false(c->has_row_count_min);
	assert_false(c->has_row_count_max);
	assert_null(c->primary_key);
	assert_null(c->primary_key_name);
	assert_string_equal(col->name, "x");
	assert_int_equal(col->index, 0);
	assert_int_equal(col->type, DV_T_INTEGER);
	assert_false(col->required);
	assert_false(col->unique);
	assert_false(col->sensitive);
	assert_int_equal(col->severity, DCVAL_SEVERITY_ERROR);
	assert_null(col->time_format);
	assert_int_equal(col->n_true, 0);
	assert_int_equal(col->n_false, 0);
	assert_string_equal(col->type_detail, "is not an integer");
	assert_int_equal(col->n_ops, 0);
	assert_int_equal(col->path_len, 1);
	assert_string_equal(col->path[0], "x");
	assert_int_equal(col->line, 3);
	assert_null(c->patterns);
	dcval_contract_free(c);
}

static void test_lineage(void **state)
{
	dcval_contract *c = load_ok(
		"contract: events-v2.x_y\nversion: 1.4.0-beta.2+exp.sha.5114f85\n"
		"description: Clickstream\nowner: data@example.com\n"
		"source: s3://lake/raw/\ncolumns: [{name: a, type: any}]\n");

	(void)state;
	assert_string_equal(dcval_contract_name(c), "events-v2.x_y");
	assert_string_equal(dcval_contract_version(c),
			    "1.4.0-beta.2+exp.sha.5114f85");
	assert_string_equal(dcval_contract_description(c), "Clickstream");
	assert_string_equal(dcval_contract_owner(c), "data@example.com");
	assert_string_equal(dcval_contract_source(c), "s3://lake/raw/");
	dcval_contract_free(c);
	c = load_ok("contract: t\nversion: 2.0.0\ndescription:\ncolumns: [{name: a, type: any}]\n");
	assert_string_equal(dcval_contract_version(c), "2.0.0");
	assert_null(dcval_contract_description(c));
	dcval_contract_free(c);
}

static void test_semver(void **state)
{
	static const char *const good[] = {
		"0.0.0", "1.4.0", "10.20.30", "1.1.2-prerelease+meta",
		"1.0.0-alpha", "1.0.0-alpha.beta", "1.0.0-alpha.1",
		"1.0.0-alpha0.valid", "1.0.0-alpha.0valid", "1.0.0-0A.is.legal",
		"1.0.0-rc.1+build.1", "2.0.0-rc.1+build.123", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
		"1.0.0+0.build.1-rc.10000aaa-kk-0.1", "1.0.0+001", "1.0.0-x-y-z.--",
		"99999999999999999999999.999999999999999999.99999999999999999",
	};
	static const char *const bad[] = {
		"", "1", "1.2", "1.2.3.4", "01.1.1", "1.01.1", "1.1.01", "v1.2.3",
		"1.2.3-", "1.2.3+", "1.2.3-0123", "1.2.3-0123.0123", "1.2.3-+",
		"1.2.3-alpha..1", "1.2.3+a..b", "1.2.3-alpha_beta", "1.2.3 ",
		" 1.2.3", "1.2", "-1.0.0", "1.2.3.DEV", "1.2-SNAPSHOT", "+invalid",
		"1.2.3-@", "1.0.0-alpha+beta+gamma", "1..3", "a.b.c",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!dv_semver_is_valid(good[i]))
			fail_msg("'%s' refused", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (dv_semver_is_valid(bad[i]))
			fail_msg("'%s' accepted", bad[i]);
}

/* Core-schema integers in other bases, booleans by YAML type, strings
 * where strings belong. */
static void test_core_schema_values_compile(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: i, type: integer, minimum: 0x1F, maximum: 0o777}\n"
		"  - {name: n, type: number, minimum: 0x10, maximum: !!float 50}\n"
		"  - {name: b, type: boolean, true_values: [y], false_values: [n], enum: [true, n]}\n"
		"  - {name: t, type: time, minimum: 08:00:00, maximum: \"17:00:00\"}\n"
		"  - {name: '2024', type: string, enum: ['1', !!str 2, yes, 'null']}\n");
	const dv_column *col = c->columns;
	const dv_enum *en;

	(void)state;
	assert_int_equal(col[0].ops[0].u.bound.i, 31);
	assert_string_equal(col[0].ops[0].arg, "31");
	assert_string_equal(col[0].ops[0].detail, "is less than the minimum 31");
	assert_int_equal(col[0].ops[1].u.bound.i, 511);
	assert_true(col[1].ops[0].u.bound.d == 16.0);
	assert_string_equal(col[1].ops[0].arg, "16");
	assert_true(col[1].ops[1].u.bound.d == 50.0);
	en = col[2].ops[0].u.en;
	assert_int_equal(en->n, 2);
	assert_int_equal(en->typed[0].i, 0);
	assert_int_equal(en->typed[1].i, 1);
	assert_int_equal(col[3].ops[0].u.bound.i, 8 * 3600);
	en = col[4].ops[0].u.en;
	assert_int_equal(en->n, 4);
	assert_string_equal(en->str[0], "1");
	assert_string_equal(en->str[1], "2");
	assert_string_equal(en->str[2], "null");
	assert_string_equal(en->str[3], "yes");
	dcval_contract_free(c);
	/* null is "no text" for the free-text keys */
	c = load_ok("contract: t\ndescription: ~\nowner: null\nsource:\n"
		    "columns: [{name: a, type: any, description: ~}]\n");
	assert_null(dcval_contract_description(c));
	assert_null(dcval_contract_owner(c));
	assert_null(dcval_contract_source(c));
	dcval_contract_free(c);
}

static void check_rewrite(const char *in, const char *want)
{
	size_t len = strlen(in), map[256], n;
	char out[256];

	assert_true(len < sizeof(out));
	n = dv_uniprop_rewrite(in, len, out, map);
	if (strcmp(out, want) != 0)
		fail_msg("'%s' -> '%s', expected '%s'", in, out, want);
	assert_int_equal(n, strlen(want));
	assert_int_equal(map[n], len);
}

/* \p{Long_Name} -> \p{Short} for General_Category, nothing else. */
static void test_uniprop_rewrite(void **state)
{
	size_t map[64];
	char out[64];

	(void)state;
	check_rewrite("\\p{Letter}", "\\p{L}");
	check_rewrite("\\P{Decimal_Number}", "\\P{Nd}");
	check_rewrite("[\\p{Letter}\\d]", "[\\p{L}\\d]");
	check_rewrite("\\p{^Uppercase_Letter}", "\\p{^Lu}");
	check_rewrite("\\p{letter}\\p{DECIMAL NUMBER}\\p{decimal-number}",
		      "\\p{L}\\p{Nd}\\p{Nd}");
	check_rewrite("\\p{General_Category=Letter}\\p{gc=Lu}\\p{gc:Other}",
		      "\\p{L}\\p{Lu}\\p{C}");
	check_rewrite("\\p{digit}\\p{punct}\\p{Combining_Mark}\\p{Cased_Letter}",
		      "\\p{Nd}\\p{P}\\p{M}\\p{LC}");
	/* left alone: short names, scripts, binary properties, unknown names,
	 * escaped backslashes, \Q...\E, \pL, an unclosed brace */
	check_rewrite("\\p{L}\\p{Nd}\\p{Greek}\\p{Script=Latin}\\p{sc=Grek}",
		      "\\p{L}\\p{Nd}\\p{Greek}\\p{Script=Latin}\\p{sc=Grek}");
	check_rewrite("\\p{Alphabetic}\\p{Lettr}\\p{gc=Greek}\\p{x=Letter}",
		      "\\p{Alphabetic}\\p{Lettr}\\p{gc=Greek}\\p{x=Letter}");
	check_rewrite("\\\\p{Letter}", "\\\\p{Letter}");
	check_rewrite("\\Q\\p{Letter}\\E\\p{Letter}", "\\Q\\p{Letter}\\E\\p{L}");
	check_rewrite("\\Q\\p{Letter}", "\\Q\\p{Letter}");
	check_rewrite("\\pL\\p{Letter", "\\pL\\p{Letter");
	check_rewrite("a\\", "a\\");
	check_rewrite("", "");
	/* offsets map back to the pattern as written */
	assert_int_equal(dv_uniprop_rewrite("ab\\p{Letter}(", 13, out, map), 8);
	assert_string_equal(out, "ab\\p{L}(");
	assert_int_equal(map[2], 2);
	assert_int_equal(map[5], 5);
	assert_int_equal(map[6], 11);
	assert_int_equal(map[7], 12);
	assert_int_equal(map[8], 13);
}

/* Long names compile and match as the short ones; an error offset is the
 * one in the pattern as written. */
static void test_pattern_long_property_names(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: s, type: string, pattern: '[\\p{Letter}\\d]+\\P{Decimal_Number}'}\n");
	const dv_pattern *re = c->patterns;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	dcval_error err;
	static const char bad[] =
		HEAD "  - {name: s, type: string, pattern: '\\p{Letter}(\\p{Lettr}'}\n";

	(void)state;
	assert_non_null(md);
	assert_string_equal(re->source, "[\\p{Letter}\\d]+\\P{Decimal_Number}");
	assert_true(pcre2_match(re->code, (PCRE2_SPTR) "ab1\xce\xb2x", 6, 0, 0,
				md, re->mctx) > 0);
	assert_true(pcre2_match(re->code, (PCRE2_SPTR) "ab12", 4, 0, 0, md,
				re->mctx) < 0);
	pcre2_match_data_free(md);
	dcval_contract_free(c);
	assert_null(dcval_contract_load_buffer("c.yaml", bad, strlen(bad), &err));
	assert_string_equal(err.text,
			    "invalid pattern at offset 20: unknown property after \\P or \\p");
}

static void test_input_settings(void **state)
{
	dcval_contract *c = load_ok(
		"contract: t\ninput:\n  format: ndjson\n  delimiter: ';'\n"
		"  quote: \"'\"\n  header: False\n  null_values: ['', NA, 'n/a']\n"
		"  coerce: TRUE\n  encoding: UTF8\ncolumns: [{name: a, type: any}]\n");

	(void)state;
	assert_int_equal(c->format, DCVAL_FORMAT_JSONL);
	assert_int_equal(c->delimiter, ';');
	assert_true(c->delimiter_set);
	assert_int_equal(c->quote, '\'');
	assert_false(c->header);
	assert_true(c->coerce);
	assert_int_equal(c->n_null_values, 3);
	assert_string_equal(c->null_values[1], "NA");
	assert_string_equal(c->null_values[2], "n/a");
	dcval_contract_free(c);
	c = load_ok("contract: t\ninput: {format: tsv, encoding: Utf-8, null_values: []}\n"
		    "columns: [{name: a, type: any}]\n");
	assert_int_equal(c->format, DCVAL_FORMAT_TSV);
	assert_int_equal(c->delimiter, '\t');
	assert_false(c->delimiter_set);
	assert_int_equal(c->n_null_values, 0);
	dcval_contract_free(c);
	c = load_ok("contract: t\ninput: {delimiter: \"\\t\"}\ncolumns: [{name: a, type: any}]\n");
	assert_int_equal(c->delimiter, '\t');
	assert_true(c->delimiter_set);
	dcval_contract_free(c);
}

static void test_schema_settings(void **state)
{
	dcval_contract *c = load_ok(
		"contract: t\nschema: {extra_columns: warn, missing_columns: ignore,"
		" column_order: strict}\ncolumns: [{name: a, type: any}]\n");

	(void)state;
	assert_int_equal(c->extra_columns, DV_POLICY_WARN);
	assert_int_equal(c->missing_columns, DV_POLICY_IGNORE);
	assert_true(c->column_order_strict);
	dcval_contract_free(c);
}

static void test_column_flags(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - name: a\n    type: string\n    required: true\n"
		"    unique: True\n    sensitive: TRUE\n    severity: warn\n"
		"    description: the a\n"
		"  - {name: b, type: boolean, required: false, severity: error}\n");

	(void)state;
	assert_true(c->columns[0].required);
	assert_true(c->columns[0].unique);
	assert_true(c->columns[0].sensitive);
	assert_int_equal(c->columns[0].severity, DCVAL_SEVERITY_WARN);
	assert_false(c->columns[1].required);
	assert_int_equal(c->columns[1].severity, DCVAL_SEVERITY_ERROR);
	assert_int_equal(c->columns[1].index, 1);
	assert_string_equal(c->columns[1].type_detail, "is not a boolean");
	assert_int_equal(c->columns[1].line, 10);
	dcval_contract_free(c);
}

static void test_string_ops_order_and_details(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - name: s\n    type: string\n    pattern: '[a-z]+'\n"
		"    format: email\n    enum: [b, a, ab, a]\n    max_length: 36\n"
		"    min_length: 0\n");
	const dv_column *col = &c->columns[0];
	const dv_enum *en;

	(void)state;
	assert_int_equal(col->n_ops, 5);
	assert_int_equal(col->ops[0].rule, DV_R_MIN_LENGTH);
	assert_int_equal(col->ops[0].u.length, 0);
	assert_string_equal(col->ops[0].detail, "is shorter than 0 characters");
	assert_int_equal(col->ops[1].rule, DV_R_MAX_LENGTH);
	assert_int_equal(col->ops[1].u.length, 36);
	assert_string_equal(col->ops[1].detail, "is longer than 36 characters");
	assert_int_equal(col->ops[2].rule, DV_R_ENUM);
	assert_string_equal(col->ops[2].detail, "is not one of b, a, ab, a");
	en = col->ops[2].u.en;
	assert_int_equal(en->n, 3);
	assert_string_equal(en->str[0], "a");
	assert_string_equal(en->str[1], "ab");
	assert_string_equal(en->str[2], "b");
	assert_int_equal(en->str_len[1], 2);
	assert_null(en->typed);
	assert_int_equal(col->ops[3].rule, DV_R_FORMAT);
	assert_int_equal(col->ops[3].u.strfmt, DV_FMT_EMAIL);
	assert_string_equal(col->ops[3].detail, "is not a valid email");
	assert_int_equal(col->ops[4].rule, DV_R_PATTERN);
	assert_string_equal(col->ops[4].detail,
			    "does not match the pattern '[a-z]+'");
	assert_string_equal(col->ops[4].u.re->source, "[a-z]+");
	assert_ptr_equal(c->patterns, col->ops[4].u.re);
	dcval_contract_free(c);
}

static int match(const dv_pattern *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
	int rc = pcre2_match(re->code, (PCRE2_SPTR)s, strlen(s), 0, 0, md,
			     re->mctx);

	pcre2_match_data_free(md);
	return rc;
}

static void test_pattern_is_anchored(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: s, type: string, pattern: 'b+'}\n"
		"  - {name: t, type: string, pattern: '^[0-9a-f]{2}$'}\n");
	const dv_pattern *re = c->columns[0].ops[0].u.re;

	(void)state;
	assert_true(match(re, "bbb") > 0);
	assert_int_equal(match(re, "abb"), PCRE2_ERROR_NOMATCH);
	assert_int_equal(match(re, "bba"), PCRE2_ERROR_NOMATCH);
	re = c->columns[1].ops[0].u.re;
	assert_true(match(re, "0f") > 0);
	assert_int_equal(match(re, "0f0"), PCRE2_ERROR_NOMATCH);
	assert_non_null(c->patterns->next);
	dcval_contract_free(c);
}

static void test_number_bounds(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - name: n\n    type: number\n    exclusive_maximum: 1e3\n"
		"    maximum: 100\n    exclusive_minimum: -0.5\n    minimum: 0\n");
	const dv_column *col = &c->columns[0];

	(void)state;
	assert_int_equal(col->n_ops, 4);
	assert_int_equal(col->ops[0].rule, DV_R_MINIMUM);
	assert_string_equal(col->ops[0].detail, "is less than the minimum 0");
	assert_true(col->ops[0].u.bound.d == 0.0);
	assert_int_equal(col->ops[1].rule, DV_R_MAXIMUM);
	assert_string_equal(col->ops[1].detail, "is greater than the maximum 100");
	assert_true(col->ops[1].u.bound.d == 100.0);
	assert_int_equal(col->ops[2].rule, DV_R_EXCLUSIVE_MINIMUM);
	assert_string_equal(col->ops[2].detail,
			    "is not greater than the exclusive minimum -0.5");
	assert_true(col->ops[2].u.bound.d == -0.5);
	assert_int_equal(col->ops[3].rule, DV_R_EXCLUSIVE_MAXIMUM);
	assert_string_equal(col->ops[3].detail,
			    "is not less than the exclusive maximum 1e3");
	assert_true(col->ops[3].u.bound.d == 1000.0);
	assert_string_equal(col->ops[3].arg, "1e3");
	dcval_contract_free(c);
}

static void test_integer_bounds(void **state)
{
	dcval_contract *c = load_ok(
		COL_INT "    minimum: -9223372036854775808\n    maximum: +7\n"
		"    exclusive_minimum: 0\n    exclusive_maximum: 2\n");
	const dv_column *col = &c->columns[0];

	(void)state;
	assert_int_equal(col->n_ops, 4);
	assert_true(col->ops[0].u.bound.i == INT64_MIN);
	assert_int_equal(col->ops[1].u.bound.i, 7);
	assert_int_equal(col->ops[2].u.bound.i, 0);
	assert_int_equal(col->ops[3].u.bound.i, 2);
	dcval_contract_free(c);
}

static void test_time_bounds(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: d, type: date, minimum: '2020-01-01', format: '%d/%m/%Y'}\n"
		"  - {name: n, type: datetime, minimum: '2020-01-01T00:00:00',"
		" maximum: '2020-01-02'}\n"
		"  - {name: z, type: datetime, minimum: '2020-01-01T01:00:00+01:00',"
		" maximum: '2020-01-01 00:00:00.5'}\n"
		"  - {name: t, type: time, minimum: '12:00:00', maximum: '13:00:00Z'}\n");
	const dv_column *col = c->columns;

	(void)state;
	assert_int_equal(col[0].ops[0].u.bound.i, 18262);
	assert_string_equal(col[0].time_format, "%d/%m/%Y");
	assert_string_equal(col[0].ops[0].detail,
			    "is less than the minimum 2020-01-01");
	assert_int_equal(col[1].ops[0].u.bound.i, 1577836800);
	assert_int_equal(col[1].ops[1].u.bound.i, 1577836800 + 86400);
	assert_int_equal(col[2].ops[0].u.bound.i, 1577836800);
	assert_int_equal(col[2].ops[1].u.bound.i, 1577836800);
	assert_int_equal(col[2].ops[1].u.bound.ns, 500000000);
	assert_int_equal(col[3].ops[0].u.bound.i, 43200);
	assert_int_equal(col[3].ops[1].u.bound.i, 46800);
	assert_int_equal(col[3].n_ops, 2);
	dcval_contract_free(c);
}

static void test_typed_enums(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: i, type: integer, enum: [3, -1, 0x3, 0o12]}\n"
		"  - {name: n, type: number, enum: [1.0, 1, 0.5]}\n"
		"  - {name: b, type: boolean, true_values: [y, yes], false_values: [n],"
		" enum: [yes]}\n"
		"  - {name: d, type: date, format: '%d/%m/%Y', enum: ['02/01/2020', '01/01/2020']}\n"
		"  - {name: e, type: boolean, enum: ['1', TRUE]}\n");
	const dv_column *col = c->columns;
	const dv_enum *en;

	(void)state;
	en = col[0].ops[0].u.en;
	assert_int_equal(en->n, 3);
	assert_int_equal(en->typed[0].i, -1);
	assert_int_equal(en->typed[1].i, 3);
	assert_int_equal(en->typed[2].i, 10);
	assert_null(en->str);
	assert_string_equal(col[0].ops[0].detail, "is not one of 3, -1, 0x3, 0o12");
	assert_string_equal(col[0].ops[0].arg, "n=3");
	en = col[1].ops[0].u.en;
	assert_int_equal(en->n, 2);
	assert_true(en->typed[0].d == 0.5);
	assert_true(en->typed[1].d == 1.0);
	en = col[2].ops[0].u.en;
	assert_int_equal(en->n, 1);
	assert_int_equal(en->typed[0].i, 1);
	assert_int_equal(col[2].n_true, 2);
	assert_string_equal(col[2].true_values[1], "yes");
	assert_int_equal(col[2].n_false, 1);
	assert_string_equal(col[2].false_values[0], "n");
	en = col[3].ops[0].u.en;
	assert_int_equal(en->n, 2);
	assert_int_equal(en->typed[0].i, 18262);
	assert_int_equal(en->typed[1].i, 18263);
	en = col[4].ops[0].u.en;
	assert_int_equal(en->n, 1);
	dcval_contract_free(c);
}

static void test_enum_detail_is_cut(void **state)
{
	char yaml[2048];
	size_t o, i;
	dcval_contract *c;
	const char *d;

	(void)state;
	o = (size_t)snprintf(yaml, sizeof(yaml), "%s", COL_STR "    enum: [");
	for (i = 0; i < 40; i++)
		o += (size_t)snprintf(yaml + o, sizeof(yaml) - o, "%svalue%04zu",
				      i ? ", " : "", i);
	snprintf(yaml + o, sizeof(yaml) - o, "]\n");
	c = load_ok(yaml);
	d = c->columns[0].ops[0].detail;
	assert_true(strlen(d) < 240);
	assert_string_equal(d + strlen(d) - 5, ", ...");
	assert_memory_equal(d, "is not one of value0000, value0001, ", 36);
	assert_int_equal(c->columns[0].ops[0].u.en->n, 40);
	dcval_contract_free(c);
}

static void test_paths_and_trie(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: user.country, type: string}\n"
		"  - {name: id, type: integer}\n"
		"  - {name: user.age, type: integer}\n"
		"  - {name: odd, type: any, path: ['a.b', c]}\n"
		"  - {name: 'user.address', type: any, path: [user, addr]}\n");
	const dv_pathnode *root = &c->paths, *user;

	(void)state;
	assert_int_equal(c->columns[0].path_len, 2);
	assert_string_equal(c->columns[0].path[0], "user");
	assert_string_equal(c->columns[0].path[1], "country");
	assert_int_equal(c->columns[3].path_len, 2);
	assert_string_equal(c->columns[3].path[0], "a.b");
	assert_null(root->key);
	assert_int_equal(root->column, -1);
	assert_int_equal(root->n_children, 3);
	assert_string_equal(root->children[0].key, "a.b");
	assert_int_equal(root->children[0].key_len, 3);
	assert_int_equal(root->children[0].n_children, 1);
	assert_int_equal(root->children[0].children[0].column, 3);
	assert_string_equal(root->children[1].key, "id");
	assert_int_equal(root->children[1].column, 1);
	assert_int_equal(root->children[1].n_children, 0);
	user = &root->children[2];
	assert_string_equal(user->key, "user");
	assert_int_equal(user->column, -1);
	assert_int_equal(user->n_children, 3);
	assert_string_equal(user->children[0].key, "addr");
	assert_int_equal(user->children[0].column, 4);
	assert_string_equal(user->children[1].key, "age");
	assert_int_equal(user->children[1].column, 2);
	assert_string_equal(user->children[2].key, "country");
	assert_int_equal(user->children[2].column, 0);
	dcval_contract_free(c);
}

/* A name whose split at '.' would give an empty key is one literal key
 * (`a..b`, `x.`, `...`); in a csv or tsv contract every name is header
 * text, never split (issue "Nothing lost": `price (U.S.)`,
 * `summary (words in [...] ...)` were refused). */
static void test_names_with_empty_split_are_one_key(void **state)
{
	static const char *const odd[] = { "a..b", "x.", ".x", "...",
					   "summary (words in [...] ...)" };
	dcval_contract *c = load_ok(
		HEAD "  - {name: a..b, type: any}\n"
		"  - {name: 'x.', type: any}\n"
		"  - {name: '.x', type: any}\n"
		"  - {name: '...', type: any}\n"
		"  - {name: 'summary (words in [...] ...)', type: any}\n"
		"  - {name: 'price (U.S.)', type: any}\n");
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		assert_int_equal(c->columns[i].path_len, 1);
		assert_string_equal(c->columns[i].path[0], odd[i]);
	}
	/* no empty key: json splits it as before */
	assert_int_equal(c->columns[5].path_len, 3);
	assert_string_equal(c->columns[5].path[0], "price (U");
	assert_string_equal(c->columns[5].path[2], ")");
	dcval_contract_free(c);
	c = load_ok("contract: t\ninput: {format: tsv}\ncolumns:\n"
		    "  - {name: 'price (U.S.)', type: number}\n"
		    "  - {name: 'summary (words in [...] ...)', type: string}\n"
		    "  - {name: a, type: any}\n"
		    "  - {name: a.b, type: any}\n");
	assert_int_equal(c->columns[0].path_len, 1);
	assert_string_equal(c->columns[0].path[0], "price (U.S.)");
	assert_int_equal(c->columns[1].path_len, 1);
	assert_int_equal(c->columns[3].path_len, 1);
	assert_string_equal(c->columns[3].path[0], "a.b");
	dcval_contract_free(c);
}

/* input.quote: null or ~ turns quoting off; a quoted "~" is the byte. */
static void test_quote_null_is_no_quoting(void **state)
{
	dcval_contract *c = load_ok("contract: t\ninput: {quote: null}\n"
				    "columns: [{name: a, type: any}]\n");

	(void)state;
	assert_true(c->quote_none);
	dcval_contract_free(c);
	c = load_ok("contract: t\ninput: {quote: ~, delimiter: '\"'}\n"
		    "columns: [{name: a, type: any}]\n");
	assert_true(c->quote_none);
	assert_int_equal(c->delimiter, '"');
	dcval_contract_free(c);
	c = load_ok("contract: t\ninput: {quote: '~'}\n"
		    "columns: [{name: a, type: any}]\n");
	assert_false(c->quote_none);
	assert_int_equal(c->quote, '~');
	dcval_contract_free(c);
	c = load_ok("contract: t\ncolumns: [{name: a, type: any}]\n");
	assert_false(c->quote_none);
	assert_int_equal(c->quote, '"');
	dcval_contract_free(c);
}

static void test_dataset(void **state)
{
	dcval_contract *c = load_ok(
		HEAD "  - {name: a, type: integer}\n  - {name: b, type: string}\n"
		"  - {name: c, type: date}\n"
		"dataset:\n  row_count: {minimum: 0, maximum: 50000000}\n"
		"  primary_key: [c, a]\n");

	(void)state;
	assert_true(c->has_row_count_min);
	assert_true(c->has_row_count_max);
	assert_int_equal(c->row_count_min, 0);
	assert_int_equal(c->row_count_max, 50000000);
	assert_int_equal(c->n_primary_key, 2);
	assert_int_equal(c->primary_key[0], 2);
	assert_int_equal(c->primary_key[1], 0);
	assert_string_equal(c->primary_key_name, "c,a");
	dcval_contract_free(c);
	c = load_ok(COL_INT "dataset: {row_count: {maximum: 3}}\n");
	assert_false(c->has_row_count_min);
	assert_true(c->has_row_count_max);
	assert_int_equal(c->row_count_max, 3);
	dcval_contract_free(c);
}

static void test_dump(void **state)
{
	dcval_contract *c = load_ok(
		"contract: ev\nversion: '1.0.0'\ninput: {format: csv, null_values: ['', NA]}\n"
		"schema: {extra_columns: ignore}\n"
		"columns:\n"
		"  - {name: score, type: number, minimum: 0, maximum: 1, required: true}\n"
		"  - {name: kind, type: string, enum: [a, b, a], pattern: 'x\\ty'}\n"
		"  - {name: ok, type: boolean, true_values: [y], severity: warn}\n"
		"  - {name: day, type: date, format: '%d/%m/%Y'}\n"
		"  - {name: k, type: any, path: ['a.b']}\n"
		"dataset: {primary_key: [score, kind], row_count: {minimum: 1}}\n");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(dcval_contract_dump(c, f), DCVAL_OK);
	fclose(f);
	assert_string_equal(text,
		"contract 'ev' version '1.0.0'\n"
		"input format=csv delimiter=',' delimiter_set=0 quote='\"' header=1 coerce=0 null_values=['', 'NA']\n"
		"schema extra_columns=ignore missing_columns=error column_order=any\n"
		"column 0 'score' number required=1 unique=0 sensitive=0 severity=error path=score\n"
		"  op minimum 0\n"
		"  op maximum 1\n"
		"column 1 'kind' string required=0 unique=0 sensitive=0 severity=error path=kind\n"
		"  op enum n=2\n"
		"  op pattern x\\ty\n"
		"column 2 'ok' boolean required=0 unique=0 sensitive=0 severity=warn path=ok\n"
		"  true_values ['y'] false_values []\n"
		"column 3 'day' date required=0 unique=0 sensitive=0 severity=error path=day\n"
		"  time_format '%d/%m/%Y'\n"
		"column 4 'k' any required=0 unique=0 sensitive=0 severity=error path=['a.b']\n"
		"dataset row_count_min=1 row_count_max=- primary_key=score,kind\n");
	free(text);
	dcval_contract_free(c);
}

static void test_load_file(void **state)
{
	static const char yaml[] = "contract: f\ncolumns: [{name: a, type: any}]\n";
	char path[] = "/tmp/dcval-test-XXXXXX";
	dcval_contract *c;
	dcval_error err;
	char hex[65];
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, yaml, sizeof(yaml) - 1), sizeof(yaml) - 1);
	close(fd);
	c = dcval_contract_load_file(path, &err);
	unlink(path);
	assert_non_null(c);
	assert_string_equal(c->file, path);
	SHA256Data((const uint8_t *)yaml, sizeof(yaml) - 1, hex);
	assert_string_equal(dcval_contract_sha256(c), hex);
	assert_int_equal(strlen(hex), 64);
	dcval_contract_free(c);
}

static void test_load_file_unreadable(void **state)
{
	dcval_contract *c;
	dcval_error err;

	(void)state;
	c = dcval_contract_load_file("/nonexistent/c.yaml", &err);
	assert_null(c);
	assert_int_equal(err.status, DCVAL_ECONTRACT);
	assert_string_equal(err.text,
			    "cannot read contract: No such file or directory");
	assert_string_equal(err.file, "/nonexistent/c.yaml");
	assert_int_equal(err.line, 0);
	assert_int_equal(err.col, 0);
	c = dcval_contract_load_file("/", &err);
	assert_null(c);
	assert_int_equal(err.status, DCVAL_ECONTRACT);
	assert_string_equal(err.text, "cannot read contract: Is a directory");
}

static void test_load_too_big(void **state)
{
	dcval_contract *c;
	dcval_error err;

	(void)state;
	/* the size is checked before a byte is read */
	c = dcval_contract_load_buffer("big.yaml", "x", (16u << 20) + 1, &err);
	assert_null(c);
	assert_int_equal(err.status, DCVAL_ECONTRACT);
	assert_string_equal(err.text, "contract is larger than 16 MiB");
	assert_int_equal(err.line, 0);
}

static void test_null_error_record_and_free_null(void **state)
{
	dcval_contract *c;

	(void)state;
	c = dcval_contract_load_buffer("x", "a: [", 4, NULL);
	assert_null(c);
	c = dcval_contract_load_buffer(NULL, "contract: t\ncolumns: [{name: a, type: any}]\n",
				       44, NULL);
	assert_non_null(c);
	dcval_contract_free(c);
	dcval_contract_free(NULL);
}

static void test_error_record_is_cleared_first(void **state)
{
	dcval_error err;
	dcval_contract *c;

	(void)state;
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("a", "x", 1, &err);
	assert_null(c);
	c = dcval_contract_load_buffer("b", "contract: t\n", 12, &err);
	assert_null(c);
	assert_string_equal(err.text, "missing required key 'columns'");
	assert_string_equal(err.file, "b");
}

static const struct CMUnitTest valid_tests[] = {
	cmocka_unit_test(test_defaults),
	cmocka_unit_test(test_lineage),
	cmocka_unit_test(test_semver),
	cmocka_unit_test(test_core_schema_values_compile),
	cmocka_unit_test(test_uniprop_rewrite),
	cmocka_unit_test(test_pattern_long_property_names),
	cmocka_unit_test(test_input_settings),
	cmocka_unit_test(test_schema_settings),
	cmocka_unit_test(test_column_flags),
	cmocka_unit_test(test_string_ops_order_and_details),
	cmocka_unit_test(test_pattern_is_anchored),
	cmocka_unit_test(test_number_bounds),
	cmocka_unit_test(test_integer_bounds),
	cmocka_unit_test(test_time_bounds),
	cmocka_unit_test(test_typed_enums),
	cmocka_unit_test(test_enum_detail_is_cut),
	cmocka_unit_test(test_paths_and_trie),
	cmocka_unit_test(test_names_with_empty_split_are_one_key),
	cmocka_unit_test(test_quote_null_is_no_quoting),
	cmocka_unit_test(test_dataset),
	cmocka_unit_test(test_dump),
	cmocka_unit_test(test_load_file),
	cmocka_unit_test(test_load_file_unreadable),
	cmocka_unit_test(test_load_too_big),
	cmocka_unit_test(test_null_error_record_and_free_null),
	cmocka_unit_test(test_error_record_is_cleared_first),
};

#define N_VALID_TESTS (sizeof(valid_tests) / sizeof(valid_tests[0]))

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

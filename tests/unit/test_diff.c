/*
 * dcval diff (src/diff/): every row of the classification table in both
 * directions, the things that are no change (compiled contracts, not
 * YAML text), the seams' sections, the semantic-version gate, messages
 * and the errors (another contract, no version).
 *
 * A case is two contract bodies A and B: diff(A, B) must give `fwd`,
 * diff(B, A) `back`, each a list "CLASS PATH; CLASS PATH" in report
 * order ("" for no change). A body is put under a common head
 * (contract, version, a first column). A body "C@@T" is compiled from
 * C while the tree the seams read is C followed by T; a body "C##T" is
 * compiled from C, its tree is T. So the sections the compiler on this
 * branch refuses as planned (rules, dataset.columns, freshness, drift,
 * the vector keys) are tested now; after the merge C alone would do.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "diff/diff.h"

struct dcase {
	const char *name;
	const char *a;
	const char *b;
	const char *fwd;
	const char *back;
};

#define HEAD "contract: t\nversion: 1.0.0\n"
#define COLS "columns:\n  - {name: id, type: integer}\n"

/* A side loaded from a body: compiled contract and tree. */
struct side {
	dcval_contract *c;
	dv_arena tree;
	dv_dside s;
};

static void side_load(struct side *sd, const char *body)
{
	const char *at = strstr(body, "@@"), *hash = strstr(body, "##");
	char *comp, *full;
	dcval_error err;
	size_t n = strlen(body) + 64;

	comp = malloc(n);
	full = malloc(n);
	assert_non_null(comp);
	assert_non_null(full);
	if (hash) {
		snprintf(comp, n, "%.*s", (int)(hash - body), body);
		snprintf(full, n, "%s", hash + 2);
	} else if (at) {
		snprintf(comp, n, "%.*s", (int)(at - body), body);
		snprintf(full, n, "%.*s%s", (int)(at - body), body, at + 2);
	} else {
		snprintf(comp, n, "%s", body);
		snprintf(full, n, "%s", body);
	}
	sd->c = dcval_contract_load_buffer("c.yaml", comp, strlen(comp), &err);
	if (!sd->c)
		fail_msg("contract does not compile: %s\n%s", err.text, comp);
	dv_arena_init(&sd->tree);
	sd->s.root = dv_ytree_parse(&sd->tree, "c.yaml", full, strlen(full),
				    &err);
	if (!sd->s.root)
		fail_msg("tree: %s\n%s", err.text, full);
	sd->s.c = sd->c;
	sd->s.path = "c.yaml";
	free(comp);
	free(full);
}

static void side_free(struct side *sd)
{
	dcval_contract_free(sd->c);
	dv_arena_release(&sd->tree);
}

/* diff(a, b) as "CLASS PATH; ..." into out. */
static void digest(const char *a, const char *b, char *out, size_t cap)
{
	struct side x, y;
	dcval_error err;
	dv_diff d;
	size_t i, o = 0;

	side_load(&x, a);
	side_load(&y, b);
	dv_diff_init(&d);
	assert_int_equal(dv_diff_run(&d, &x.s, &y.s, &err), DCVAL_OK);
	out[0] = '\0';
	for (i = 0; i < d.n; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s%s %s", i ? "; " : "",
				      dv_dclass_name(d.changes[i].cls),
				      d.changes[i].path);
	dv_diff_release(&d);
	side_free(&x);
	side_free(&y);
}

static void run_case(void **state)
{
	const struct dcase *c = *state;
	char got[4096];

	digest(c->a, c->b, got, sizeof(got));
	if (strcmp(got, c->fwd))
		fail_msg("%s (A -> B): got '%s', expected '%s'", c->name, got,
			 c->fwd);
	digest(c->b, c->a, got, sizeof(got));
	if (strcmp(got, c->back))
		fail_msg("%s (B -> A): got '%s', expected '%s'", c->name, got,
			 c->back);
}

/* One column x of the given flow-map body after `id`. */
#define X(body) HEAD COLS "  - {name: x, " body "}\n"
#define XJ(body) HEAD "input: {format: json}\n" COLS "  - {name: x, " body "}\n"
/* A vector column x: compiled as `any` (the compiler here refuses
 * vector), the tree as written. */
#define V(keys) HEAD COLS "  - {name: x, type: any}\n##" HEAD COLS \
	"  - {name: x, type: vector" keys "}\n"
#define XT(input, body) HEAD input COLS "  - {name: x, " body "}\n"

static const struct dcase cases[] = {
	/* ---- bounds and lengths ---- */
	{ "maximum lowered", X("type: number, maximum: 1000"),
	  X("type: number, maximum: 500"),
	  "breaking columns.x.maximum", "relaxing columns.x.maximum" },
	{ "maximum added", X("type: number"), X("type: number, maximum: 5"),
	  "breaking columns.x.maximum", "relaxing columns.x.maximum" },
	{ "minimum raised", X("type: integer, minimum: 0"),
	  X("type: integer, minimum: 5"),
	  "breaking columns.x.minimum", "relaxing columns.x.minimum" },
	{ "minimum added", X("type: integer"), X("type: integer, minimum: 5"),
	  "breaking columns.x.minimum", "relaxing columns.x.minimum" },
	{ "exclusive_minimum raised", X("type: number, exclusive_minimum: 0"),
	  X("type: number, exclusive_minimum: 0.5"),
	  "breaking columns.x.exclusive_minimum",
	  "relaxing columns.x.exclusive_minimum" },
	{ "exclusive_maximum lowered", X("type: number, exclusive_maximum: 10"),
	  X("type: number, exclusive_maximum: 9.99"),
	  "breaking columns.x.exclusive_maximum",
	  "relaxing columns.x.exclusive_maximum" },
	{ "date minimum raised", X("type: date, minimum: \"2020-01-01\""),
	  X("type: date, minimum: \"2021-01-01\""),
	  "breaking columns.x.minimum", "relaxing columns.x.minimum" },
	{ "datetime maximum lowered",
	  X("type: datetime, maximum: \"2030-01-01T00:00:00Z\""),
	  X("type: datetime, maximum: \"2029-12-31T23:59:59.5Z\""),
	  "breaking columns.x.maximum", "relaxing columns.x.maximum" },
	{ "time minimum raised", X("type: time, minimum: \"08:00:00\""),
	  X("type: time, minimum: \"09:00:00\""),
	  "breaking columns.x.minimum", "relaxing columns.x.minimum" },
	{ "min_length raised", X("type: string, min_length: 1"),
	  X("type: string, min_length: 2"),
	  "breaking columns.x.min_length", "relaxing columns.x.min_length" },
	{ "max_length lowered", X("type: string, max_length: 36"),
	  X("type: string, max_length: 10"),
	  "breaking columns.x.max_length", "relaxing columns.x.max_length" },
	{ "max_length added", X("type: string"), X("type: string, max_length: 3"),
	  "breaking columns.x.max_length", "relaxing columns.x.max_length" },
	/* ---- flags ---- */
	{ "required", X("type: string"), X("type: string, required: true"),
	  "breaking columns.x.required", "relaxing columns.x.required" },
	{ "unique", X("type: string, unique: false"),
	  X("type: string, unique: true"),
	  "breaking columns.x.unique", "relaxing columns.x.unique" },
	{ "severity", X("type: string, required: true, severity: warn"),
	  X("type: string, required: true, severity: error"),
	  "breaking columns.x.severity", "relaxing columns.x.severity" },
	/* ---- enum ---- */
	{ "enum value added", X("type: string, enum: [a, b]"),
	  X("type: string, enum: [a, b, c]"),
	  "relaxing columns.x.enum", "breaking columns.x.enum" },
	{ "enum added", X("type: string"), X("type: string, enum: [a]"),
	  "breaking columns.x.enum", "relaxing columns.x.enum" },
	{ "enum value swapped", X("type: string, enum: [a, b]"),
	  X("type: string, enum: [a, c]"),
	  "breaking columns.x.enum; relaxing columns.x.enum",
	  "breaking columns.x.enum; relaxing columns.x.enum" },
	{ "integer enum value added", X("type: integer, enum: [1, 2]"),
	  X("type: integer, enum: [1, 2, 3]"),
	  "relaxing columns.x.enum", "breaking columns.x.enum" },
	{ "date enum value added", X("type: date, enum: [\"2020-01-01\"]"),
	  X("type: date, enum: [\"2020-01-01\", \"2020-01-02\"]"),
	  "relaxing columns.x.enum", "breaking columns.x.enum" },
	{ "boolean true_values added", X("type: boolean, true_values: [y]"),
	  X("type: boolean, true_values: [y, yes]"),
	  "relaxing columns.x.true_values", "breaking columns.x.true_values" },
	/* ---- pattern and format ---- */
	{ "pattern added", X("type: string"), X("type: string, pattern: '[a-z]+'"),
	  "breaking columns.x.pattern", "relaxing columns.x.pattern" },
	{ "pattern changed", X("type: string, pattern: '[a-z]+'"),
	  X("type: string, pattern: '[a-z]*'"),
	  "breaking columns.x.pattern", "breaking columns.x.pattern" },
	{ "format added", X("type: string"), X("type: string, format: email"),
	  "breaking columns.x.format", "relaxing columns.x.format" },
	{ "format changed", X("type: string, format: email"),
	  X("type: string, format: uuid"),
	  "breaking columns.x.format", "breaking columns.x.format" },
	{ "date format added", X("type: date"),
	  X("type: date, format: '%d/%m/%Y'"),
	  "breaking columns.x.format", "breaking columns.x.format" },
	/* ---- type ---- */
	{ "integer to number", X("type: integer"), X("type: number"),
	  "relaxing columns.x.type", "breaking columns.x.type" },
	{ "number to any", X("type: number"), X("type: any"),
	  "relaxing columns.x.type", "breaking columns.x.type" },
	{ "integer to string in csv", XT("input: {format: csv}\n", "type: integer"),
	  XT("input: {format: csv}\n", "type: string"),
	  "relaxing columns.x.type", "breaking columns.x.type" },
	{ "integer to string in tsv", XT("input: {format: tsv}\n", "type: integer"),
	  XT("input: {format: tsv}\n", "type: string"),
	  "relaxing columns.x.type", "breaking columns.x.type" },
	{ "integer to string in json", XJ("type: integer"), XJ("type: string"),
	  "breaking columns.x.type", "breaking columns.x.type" },
	{ "integer to string, format not given", X("type: integer"),
	  X("type: string"),
	  "breaking columns.x.type", "breaking columns.x.type" },
	{ "date to datetime", X("type: date"), X("type: datetime"),
	  "breaking columns.x.type", "breaking columns.x.type" },
	{ "integer to number keeps its bound",
	  X("type: integer, minimum: 5"), X("type: number, minimum: 5.0"),
	  "relaxing columns.x.type", "breaking columns.x.type" },
	/* ---- columns added and removed ---- */
	{ "column added, missing_columns error", HEAD COLS,
	  HEAD COLS "  - {name: x, type: string}\n",
	  "breaking columns.x", "breaking columns.x" },
	{ "column added, missing_columns warn",
	  HEAD "schema: {missing_columns: warn, extra_columns: warn}\n" COLS,
	  HEAD "schema: {missing_columns: warn, extra_columns: warn}\n" COLS
	       "  - {name: x, type: string}\n",
	  "relaxing columns.x", "relaxing columns.x" },
	{ "required column added, missing_columns warn",
	  HEAD "schema: {missing_columns: warn, extra_columns: ignore}\n" COLS,
	  HEAD "schema: {missing_columns: warn, extra_columns: ignore}\n" COLS
	       "  - {name: x, type: string, required: true}\n",
	  "breaking columns.x", "relaxing columns.x" },
	{ "column renamed",
	  X("type: string"), HEAD COLS "  - {name: y, type: string}\n",
	  "breaking columns.y; breaking columns.x",
	  "breaking columns.x; breaking columns.y" },
	/* ---- column order ---- */
	{ "reordered under any", HEAD COLS "  - {name: x, type: string}\n",
	  HEAD "columns:\n  - {name: x, type: string}\n  - {name: id, type: integer}\n",
	  "", "" },
	{ "reordered under strict",
	  HEAD "schema: {column_order: strict}\n" COLS "  - {name: x, type: string}\n",
	  HEAD "schema: {column_order: strict}\n"
	       "columns:\n  - {name: x, type: string}\n  - {name: id, type: integer}\n",
	  "breaking columns", "breaking columns" },
	{ "order made strict and changed",
	  HEAD COLS "  - {name: x, type: string}\n",
	  HEAD "schema: {column_order: strict}\n"
	       "columns:\n  - {name: x, type: string}\n  - {name: id, type: integer}\n",
	  "breaking schema.column_order; breaking columns",
	  "relaxing schema.column_order" },
	/* ---- schema policies ---- */
	{ "extra_columns to error", HEAD "schema: {extra_columns: warn}\n" COLS,
	  HEAD "schema: {extra_columns: error}\n" COLS,
	  "breaking schema.extra_columns", "relaxing schema.extra_columns" },
	{ "extra_columns warn and ignore", HEAD "schema: {extra_columns: warn}\n" COLS,
	  HEAD "schema: {extra_columns: ignore}\n" COLS,
	  "metadata schema.extra_columns", "metadata schema.extra_columns" },
	{ "missing_columns to error", HEAD "schema: {missing_columns: ignore}\n" COLS,
	  HEAD COLS,
	  "breaking schema.missing_columns", "relaxing schema.missing_columns" },
	{ "missing_columns warn and ignore",
	  HEAD "schema: {missing_columns: ignore}\n" COLS,
	  HEAD "schema: {missing_columns: warn}\n" COLS,
	  "metadata schema.missing_columns", "metadata schema.missing_columns" },
	{ "column_order to strict", HEAD COLS,
	  HEAD "schema: {column_order: strict}\n" COLS,
	  "breaking schema.column_order", "relaxing schema.column_order" },
	/* ---- input ---- */
	{ "input.format", HEAD "input: {format: csv}\n" COLS,
	  HEAD "input: {format: jsonl}\n" COLS,
	  "breaking input.format", "breaking input.format" },
	{ "input.delimiter", HEAD "input: {format: csv}\n" COLS,
	  HEAD "input: {format: csv, delimiter: ';'}\n" COLS,
	  "breaking input.delimiter", "breaking input.delimiter" },
	{ "input.quote", HEAD COLS, HEAD "input: {quote: null}\n" COLS,
	  "breaking input.quote", "breaking input.quote" },
	{ "input.header", HEAD COLS, HEAD "input: {header: false}\n" COLS,
	  "breaking input.header", "breaking input.header" },
	{ "input.null_values", HEAD COLS,
	  HEAD "input: {null_values: ['', NA]}\n" COLS,
	  "breaking input.null_values", "breaking input.null_values" },
	{ "input.coerce", HEAD COLS, HEAD "input: {coerce: true}\n" COLS,
	  "breaking input.coerce", "breaking input.coerce" },
	/* ---- metadata ---- */
	{ "description", HEAD "description: a\n" COLS,
	  HEAD "description: b\n" COLS, "metadata description",
	  "metadata description" },
	{ "owner and source", HEAD "owner: a\n" COLS,
	  HEAD "owner: b\nsource: s3://x\n" COLS,
	  "metadata owner; metadata source", "metadata owner; metadata source" },
	{ "column description", X("type: string, description: a"),
	  X("type: string, description: b"),
	  "metadata columns.x.description", "metadata columns.x.description" },
	{ "sensitive", X("type: string"), X("type: string, sensitive: true"),
	  "metadata columns.x.sensitive", "metadata columns.x.sensitive" },
	/* ---- json paths ---- */
	{ "path", XJ("type: string, path: [a, b]"),
	  XJ("type: string, path: [a, c]"),
	  "breaking columns.x.path", "breaking columns.x.path" },
	/* ---- dataset ---- */
	{ "row_count minimum raised", HEAD COLS "dataset: {row_count: {minimum: 1}}\n",
	  HEAD COLS "dataset: {row_count: {minimum: 10}}\n",
	  "breaking dataset.row_count.minimum",
	  "relaxing dataset.row_count.minimum" },
	{ "row_count maximum added", HEAD COLS,
	  HEAD COLS "dataset: {row_count: {maximum: 10}}\n",
	  "breaking dataset.row_count.maximum",
	  "relaxing dataset.row_count.maximum" },
	{ "primary_key added", X("type: string"),
	  X("type: string") "dataset: {primary_key: [id, x]}\n",
	  "breaking dataset.primary_key", "relaxing dataset.primary_key" },
	{ "primary_key changed", X("type: string") "dataset: {primary_key: [id]}\n",
	  X("type: string") "dataset: {primary_key: [id, x]}\n",
	  "breaking dataset.primary_key", "breaking dataset.primary_key" },
	{ "primary_key reordered", X("type: string") "dataset: {primary_key: [id, x]}\n",
	  X("type: string") "dataset: {primary_key: [x, id]}\n",
	  "metadata dataset.primary_key", "metadata dataset.primary_key" },
	/* ---- no change: compiled, not text ---- */
	{ "keys reordered and quoted",
	  HEAD COLS "  - {name: x, type: string, enum: [a, b], required: true}\n",
	  "version: 1.0.0\ncolumns:\n  - {type: integer, name: id}\n"
	  "  - {required: true, enum: ['b', \"a\", a], type: \"string\", name: 'x'}\n"
	  "contract: t\n",
	  "", "" },
	{ "5 and 5.0 on a number column", X("type: number, minimum: 5"),
	  X("type: number, minimum: 5.0"), "", "" },
	{ "0x10 and 16 on an integer column", X("type: integer, maximum: 0x10"),
	  X("type: integer, maximum: 16"), "", "" },
	{ "required false and absent", X("type: string, required: false"),
	  X("type: string"), "", "" },
	{ "datetime bound as a date", X("type: datetime, minimum: \"2020-01-01\""),
	  X("type: datetime, minimum: \"2020-01-01T01:00:00+01:00\""), "", "" },
	{ "default policies written out", HEAD COLS,
	  HEAD "schema: {extra_columns: error, missing_columns: error, column_order: any}\n"
	       "input: {null_values: ['']}\n" COLS,
	  "", "" },
	{ "null_values reordered", HEAD "input: {null_values: ['', NA]}\n" COLS,
	  HEAD "input: {null_values: [NA, '']}\n" COLS, "", "" },
	{ "ndjson and jsonl", HEAD "input: {format: ndjson}\n" COLS,
	  HEAD "input: {format: jsonl}\n" COLS, "", "" },
	{ "default json path written out", XJ("type: string"),
	  XJ("type: string, path: [x]"), "", "" },
	/* ---- seams: rules ---- */
	{ "rule added", HEAD COLS "@@",
	  HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n",
	  "breaking rules.r", "relaxing rules.r" },
	{ "rule check changed", HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: id >= 0}\n",
	  "breaking rules.r.check", "breaking rules.r.check" },
	{ "rule check spaced differently",
	  HEAD COLS "@@rules:\n  - {name: r, check: 'id>0 and `id` != 3'}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: 'id  >  0 and id!=3'}\n",
	  "", "" },
	{ "rule string literal changed",
	  HEAD COLS "@@rules:\n  - {name: r, check: 'id == \"a b\"'}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: 'id == \"a  b\"'}\n",
	  "breaking rules.r.check", "breaking rules.r.check" },
	{ "rule when added", HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: id > 0, when: id != 3}\n",
	  "breaking rules.r.when", "breaking rules.r.when" },
	{ "rule severity", HEAD COLS "@@rules:\n  - {name: r, check: id > 0, severity: warn}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n",
	  "breaking rules.r.severity", "relaxing rules.r.severity" },
	{ "rule description", HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n",
	  HEAD COLS "@@rules:\n  - {name: r, check: id > 0, description: d}\n",
	  "metadata rules.r.description", "metadata rules.r.description" },
	{ "rules reordered",
	  HEAD COLS "@@rules:\n  - {name: r, check: id > 0}\n  - {name: s, check: id < 9}\n",
	  HEAD COLS "@@rules:\n  - {name: s, check: id < 9}\n  - {name: r, check: id > 0}\n",
	  "", "" },
	/* ---- seams: dataset.columns ---- */
	{ "max_null_fraction lowered",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_null_fraction: 0.05}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_null_fraction: 0.01}\n",
	  "breaking dataset.columns.id.max_null_fraction",
	  "relaxing dataset.columns.id.max_null_fraction" },
	{ "min_distinct raised",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {min_distinct: 2}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {min_distinct: 3}\n",
	  "breaking dataset.columns.id.min_distinct",
	  "relaxing dataset.columns.id.min_distinct" },
	{ "max_distinct lowered",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_distinct: 250}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_distinct: 200}\n",
	  "breaking dataset.columns.id.max_distinct",
	  "relaxing dataset.columns.id.max_distinct" },
	{ "min_share raised",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {min_share: 0.01}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {min_share: 0.02}\n",
	  "breaking dataset.columns.id.min_share",
	  "relaxing dataset.columns.id.min_share" },
	{ "max_share lowered",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_share: 0.6}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_share: 0.5}\n",
	  "breaking dataset.columns.id.max_share",
	  "relaxing dataset.columns.id.max_share" },
	{ "mean bounds",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {mean: {minimum: 1, maximum: 500}}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {mean: {minimum: 2, maximum: 400}}\n",
	  "breaking dataset.columns.id.mean.minimum; breaking dataset.columns.id.mean.maximum",
	  "relaxing dataset.columns.id.mean.minimum; relaxing dataset.columns.id.mean.maximum" },
	{ "dataset check added", HEAD COLS "@@",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_null_fraction: 0.05}\n",
	  "breaking dataset.columns.id.max_null_fraction",
	  "relaxing dataset.columns.id.max_null_fraction" },
	{ "dataset check severity",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_share: 0.9, severity: warn}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_share: 0.9}\n",
	  "breaking dataset.columns.id.severity",
	  "relaxing dataset.columns.id.severity" },
	{ "0.05 and 5e-2", HEAD COLS "@@dataset:\n  columns:\n    id: {max_null_fraction: 0.05}\n",
	  HEAD COLS "@@dataset:\n  columns:\n    id: {max_null_fraction: 5e-2}\n",
	  "", "" },
	/* ---- seams: freshness ---- */
	{ "freshness added", HEAD COLS "@@",
	  HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 26h}\n",
	  "breaking dataset.freshness", "relaxing dataset.freshness" },
	{ "freshness max_age lowered",
	  HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 2d}\n",
	  HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 26h}\n",
	  "breaking dataset.freshness.max_age",
	  "relaxing dataset.freshness.max_age" },
	{ "freshness 1d and 24h", HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 1d}\n",
	  HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 24h}\n",
	  "", "" },
	{ "freshness column changed",
	  X("type: date") "@@dataset:\n  freshness: {column: id, max_age: 1d}\n",
	  X("type: date") "@@dataset:\n  freshness: {column: x, max_age: 1d}\n",
	  "breaking dataset.freshness.column",
	  "breaking dataset.freshness.column" },
	/* ---- seams: drift ---- */
	{ "drift psi lowered",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2}\n",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.1}\n",
	  "breaking drift.columns.id.psi", "relaxing drift.columns.id.psi" },
	{ "drift limits added",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2}\n",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2, ks: 0.1, null_fraction_change: 0.05, unseen_share: 0.01}\n",
	  "breaking drift.columns.id.ks; breaking drift.columns.id.null_fraction_change; breaking drift.columns.id.unseen_share",
	  "relaxing drift.columns.id.ks; relaxing drift.columns.id.null_fraction_change; relaxing drift.columns.id.unseen_share" },
	{ "drift baseline changed",
	  HEAD COLS "@@drift:\n  baseline: a.json\n  columns:\n    id: {psi: 0.2}\n",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2}\n",
	  "breaking drift.baseline", "breaking drift.baseline" },
	{ "drift added", HEAD COLS "@@",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2}\n",
	  "breaking drift", "relaxing drift" },
	{ "drift severity",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2, severity: warn}\n",
	  HEAD COLS "@@drift:\n  baseline: b.json\n  columns:\n    id: {psi: 0.2, severity: error}\n",
	  "breaking drift.columns.id.severity",
	  "relaxing drift.columns.id.severity" },
	/* ---- seams: vector keys (the compiled column is `any` here) ---- */
	{ "dimension added", V(""), V(", dimension: 3"),
	  "breaking columns.x.dimension", "relaxing columns.x.dimension" },
	{ "dimension changed", V(", dimension: 3"), V(", dimension: 4"),
	  "breaking columns.x.dimension", "breaking columns.x.dimension" },
	{ "finite turned off", V(""), V(", finite: false"),
	  "relaxing columns.x.finite", "breaking columns.x.finite" },
	{ "finite true written out", V(""), V(", finite: true"), "", "" },
	{ "norm tightened", V(", norm: {minimum: 0.5, maximum: 1.5}"),
	  V(", norm: {minimum: 0.9, maximum: 1.1}"),
	  "breaking columns.x.norm.minimum; breaking columns.x.norm.maximum",
	  "relaxing columns.x.norm.minimum; relaxing columns.x.norm.maximum" },
	{ "norm added", V(""), V(", norm: {maximum: 1.5}"),
	  "breaking columns.x.norm.maximum", "relaxing columns.x.norm.maximum" },
};

/* ---- messages, errors, the gate ---- */

static void diff_messages(const char *a, const char *b, char *out, size_t cap)
{
	struct side x, y;
	dcval_error err;
	dv_diff d;
	size_t i, o = 0;

	side_load(&x, a);
	side_load(&y, b);
	dv_diff_init(&d);
	assert_int_equal(dv_diff_run(&d, &x.s, &y.s, &err), DCVAL_OK);
	out[0] = '\0';
	for (i = 0; i < d.n; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s|%s|%s|%s\n",
				      d.changes[i].message,
				      d.changes[i].old_json,
				      d.changes[i].new_json,
				      dv_dclass_name(d.changes[i].cls));
	dv_diff_release(&d);
	side_free(&x);
	side_free(&y);
}

static void test_messages(void **state)
{
	char got[4096];

	(void)state;
	diff_messages(X("type: number, maximum: 1000"),
		      X("type: number, maximum: 500"), got, sizeof(got));
	assert_string_equal(got, "columns.x.maximum: 1000 -> 500|1000|500|breaking\n");
	diff_messages(X("type: string, enum: [click, view]"),
		      X("type: string, enum: [click, refund]"), got, sizeof(got));
	assert_string_equal(got,
		"columns.x.enum: removed \"view\"|[\"click\", \"view\"]|[\"click\", \"refund\"]|breaking\n"
		"columns.x.enum: added \"refund\"|[\"click\", \"view\"]|[\"click\", \"refund\"]|relaxing\n");
	diff_messages(HEAD "description: a\n" COLS, HEAD "description: b\n" COLS,
		      got, sizeof(got));
	assert_string_equal(got, "description changed|\"a\"|\"b\"|metadata\n");
	diff_messages(HEAD COLS, X("type: string, required: true"), got,
		      sizeof(got));
	assert_string_equal(got,
		"columns.x: added (string, required)|null|{\"name\": \"x\", \"type\": \"string\", \"required\": true}|breaking\n");
	diff_messages(X("type: number, minimum: .5"), X("type: number"), got,
		      sizeof(got));
	assert_string_equal(got, "columns.x.minimum: removed .5|0.5|null|relaxing\n");
	diff_messages(X("type: integer"), X("type: number"), got, sizeof(got));
	assert_string_equal(got,
		"columns.x.type: integer -> number|\"integer\"|\"number\"|relaxing\n");
	diff_messages(HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 2d}\n",
		      HEAD COLS "@@dataset:\n  freshness: {column: id, max_age: 26h}\n",
		      got, sizeof(got));
	assert_string_equal(got,
		"dataset.freshness.max_age: 2d -> 26h|\"2d\"|\"26h\"|breaking\n");
}

static dcval_status run_err(const char *a, const char *b, dcval_error *err)
{
	struct side x, y;
	dv_diff d;
	dcval_status st;

	side_load(&x, a);
	side_load(&y, b);
	dv_diff_init(&d);
	st = dv_diff_run(&d, &x.s, &y.s, err);
	dv_diff_release(&d);
	side_free(&x);
	side_free(&y);
	return st;
}

static void test_other_contract(void **state)
{
	dcval_error err;

	(void)state;
	assert_int_equal(run_err(HEAD COLS,
				 "version: 1.0.0\ncontract: u\n" COLS, &err),
			 DCVAL_ECONTRACT);
	assert_string_equal(err.text,
			    "contract 'u' is not contract 't' of c.yaml: not the same contract");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 11);
}

static void test_version_required(void **state)
{
	dcval_error err;

	(void)state;
	assert_int_equal(run_err(HEAD COLS, "contract: t\n" COLS, &err),
			 DCVAL_ECONTRACT);
	assert_string_equal(err.text,
			    "missing required key 'version' (dcval diff compares versions)");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
	assert_int_equal(run_err("contract: t\n" COLS, HEAD COLS, &err),
			 DCVAL_ECONTRACT);
}

/* Lists longer than 64 items are compared whole (null_values, boolean
 * texts, primary keys were once cut at 64). */
static void test_long_lists(void **state)
{
	char a[4096], b[4096], got[512];
	size_t oa, ob;
	int i;

	(void)state;
	oa = (size_t)snprintf(a, sizeof(a), HEAD "input: {null_values: [");
	ob = (size_t)snprintf(b, sizeof(b), HEAD "input: {null_values: [");
	for (i = 0; i < 70; i++) {
		oa += (size_t)snprintf(a + oa, sizeof(a) - oa, "%st%d", i ? ", " : "", i);
		ob += (size_t)snprintf(b + ob, sizeof(b) - ob, "%s%c%d", i ? ", " : "",
				       i == 69 ? 'u' : 't', i);
	}
	snprintf(a + oa, sizeof(a) - oa, "]}\n" COLS);
	snprintf(b + ob, sizeof(b) - ob, "]}\n" COLS);
	digest(a, b, got, sizeof(got));
	assert_string_equal(got, "breaking input.null_values");
}

struct gcase {
	const char *old;
	const char *new;
	dv_dclass worst;
	dv_bump bump;
	const char *needed;
	bool ok;
};

static void test_gate(void **state)
{
	static const struct gcase g[] = {
		{ "1.4.0", "2.0.0", DV_DC_BREAKING, DV_BUMP_MAJOR, "2.0.0", true },
		{ "1.4.0", "1.5.0", DV_DC_BREAKING, DV_BUMP_MAJOR, "2.0.0", false },
		{ "1.4.0", "3.0.0", DV_DC_BREAKING, DV_BUMP_MAJOR, "2.0.0", true },
		{ "0.3.1", "0.4.0", DV_DC_BREAKING, DV_BUMP_MINOR, "0.4.0", true },
		{ "0.3.1", "0.3.2", DV_DC_BREAKING, DV_BUMP_MINOR, "0.4.0", false },
		{ "0.3.1", "1.0.0", DV_DC_BREAKING, DV_BUMP_MINOR, "0.4.0", true },
		{ "1.4.0", "1.5.0", DV_DC_RELAXING, DV_BUMP_MINOR, "1.5.0", true },
		{ "1.4.0", "1.4.1", DV_DC_RELAXING, DV_BUMP_MINOR, "1.5.0", false },
		{ "0.3.1", "0.3.2", DV_DC_RELAXING, DV_BUMP_PATCH, "0.3.2", true },
		{ "1.4.0", "1.4.1", DV_DC_METADATA, DV_BUMP_PATCH, "1.4.1", true },
		{ "1.4.0", "1.4.0", DV_DC_METADATA, DV_BUMP_PATCH, "1.4.1", false },
		{ "1.4.0", "1.4.0", DV_DC_NONE, DV_BUMP_NONE, "1.4.0", true },
		{ "1.4.0", "1.4.1", DV_DC_NONE, DV_BUMP_NONE, "1.4.0", true },
		{ "1.4.0", "1.3.9", DV_DC_NONE, DV_BUMP_NONE, "1.4.0", false },
		{ "2.0.0", "1.9.0", DV_DC_RELAXING, DV_BUMP_MINOR, "2.1.0", false },
		{ "1.0.0-rc.1", "1.0.0", DV_DC_BREAKING, DV_BUMP_MAJOR, "1.0.0", true },
		{ "1.2.0-rc.1", "1.2.0", DV_DC_RELAXING, DV_BUMP_MINOR, "1.2.0", true },
		{ "1.2.3-rc.1", "1.2.3", DV_DC_METADATA, DV_BUMP_PATCH, "1.2.3", true },
		{ "1.2.3", "2.0.0-rc.1", DV_DC_BREAKING, DV_BUMP_MAJOR, "2.0.0", false },
		{ "1.4.0", "1.4.0+build.7", DV_DC_NONE, DV_BUMP_NONE, "1.4.0", true },
	};
	dv_gate r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(g) / sizeof(g[0]); i++) {
		dv_gate_eval(g[i].old, g[i].new, g[i].worst, &r);
		if (r.required != g[i].bump || strcmp(r.needed, g[i].needed) ||
		    r.version_ok != g[i].ok)
			fail_msg("%s -> %s (%s): bump %s needed %s ok %d", g[i].old,
				 g[i].new, dv_dclass_name(g[i].worst),
				 dv_bump_name(r.required), r.needed, r.version_ok);
	}
}

static void test_precedence(void **state)
{
	/* semver.org section 11, in increasing order */
	static const char *const v[] = {
		"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
		"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1",
		"1.1.0", "1.10.0", "2.0.0",
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (j = 0; j < sizeof(v) / sizeof(v[0]); j++) {
			int r = dv_semver_cmp(v[i], v[j]);

			if ((i < j && r >= 0) || (i == j && r != 0) ||
			    (i > j && r <= 0))
				fail_msg("%s vs %s: %d", v[i], v[j], r);
		}
	assert_int_equal(dv_semver_cmp("1.0.0+a", "1.0.0+b"), 0);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0]) + 6];
	size_t i, n = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct CMUnitTest t = cmocka_unit_test_prestate(run_case,
								(void *)&cases[i]);

		t.name = cases[i].name;
		tests[n++] = t;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_messages);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_other_contract);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_version_required);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_long_lists);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_gate);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_precedence);
	return _cmocka_run_group_tests("diff", tests, n, NULL, NULL);
}

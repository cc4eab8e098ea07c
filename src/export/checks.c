/*
 * The checks, one function per kind, each adding its result row and its
 * count (sqlgen.h). The counts follow src/engine/checks.c and dataset.c:
 * a null value sees only `required`; a value that fails its type is one
 * `type` violation and skips the rest; every other check of a typed value
 * runs (several may fail); `unique` counts every repeat after the first
 * of a typed value; primary_key counts a key with a null part and every
 * repeat of a typed tuple, and skips a record where a part failed its
 * type.
 */
#include <stdio.h>
#include <string.h>

#include "export/sqlgen.h"

/* Count of the records where ok<k> and NOT cond. */
static void value_check(dv_sqlgen *g, const dv_column *col, dv_rule rule,
			const char *cond)
{
	dv_buf a;

	dv_buf_init(&a, (size_t)1 << 28);
	dv_sql_put(g, &a, "count(*) FILTER (WHERE ok%zu AND NOT (%s))", col->index,
		   cond);
	if (g->st == DCVAL_OK)
		dv_sql_check(g, dv_rule_id(rule), col->name, col->severity, a.data);
	dv_buf_release(&a);
}

static void check_required(dv_sqlgen *g, const dv_column *col)
{
	char a[64];

	snprintf(a, sizeof(a), "count(*) FILTER (WHERE v%zu IS NULL)", col->index);
	dv_sql_check(g, "required", col->name, col->severity, a);
}

static void check_type(dv_sqlgen *g, const dv_column *col)
{
	char a[64];

	snprintf(a, sizeof(a), "count(*) FILTER (WHERE NOT ok%zu)", col->index);
	dv_sql_check(g, "type", col->name, col->severity, a);
}

static const char *bound_op(dv_rule r)
{
	switch (r) {
	case DV_R_MINIMUM: return ">=";
	case DV_R_MAXIMUM: return "<=";
	case DV_R_EXCLUSIVE_MINIMUM: return ">";
	default: return "<";
	}
}

static void check_bound(dv_sqlgen *g, const dv_column *col, const dv_op *op)
{
	dv_buf c;

	dv_buf_init(&c, 1u << 20);
	if (col->type == DV_T_NUMBER)
		dv_sql_number_cmp(g, &c, col->index, bound_op(op->rule), op->arg);
	else
		dv_sql_typed_cmp(g, &c, col, bound_op(op->rule), &op->u.bound);
	if (g->st == DCVAL_OK)
		value_check(g, col, op->rule, c.data);
	dv_buf_release(&c);
}

static void check_length(dv_sqlgen *g, const dv_column *col, const dv_op *op)
{
	char c[96];

	snprintf(c, sizeof(c), "length(v%zu) %s %llu", col->index,
		 op->rule == DV_R_MIN_LENGTH ? ">=" : "<=",
		 (unsigned long long)op->u.length);
	value_check(g, col, op->rule, c);
}

static void check_enum(dv_sqlgen *g, const dv_column *col, const dv_op *op)
{
	const dv_enum *en = op->u.en;
	dv_buf c;
	size_t i;

	dv_buf_init(&c, (size_t)1 << 28);
	if (col->type == DV_T_STRING) {
		dv_sql_put(g, &c, "v%zu IN (", col->index);
		for (i = 0; i < en->n; i++) {
			if (i)
				dv_sql_put(g, &c, ", ");
			dv_sql_literal(g, &c, en->str[i], en->str_len[i]);
		}
		dv_sql_put(g, &c, ")");
	} else if (col->type == DV_T_NUMBER) {
		dv_sql_number_in(g, &c, col->index, en);
	} else {
		dv_sql_put(g, &c, "(");
		for (i = 0; i < en->n; i++) {
			if (i)
				dv_sql_put(g, &c, " OR ");
			dv_sql_typed_cmp(g, &c, col, "=", &en->typed[i]);
		}
		dv_sql_put(g, &c, ")");
	}
	if (g->st == DCVAL_OK)
		value_check(g, col, DV_R_ENUM, c.data);
	dv_buf_release(&c);
}

static void check_pattern(dv_sqlgen *g, const dv_column *col, const dv_op *op)
{
	char v[32], what[64 + 200];
	dv_buf c;

	snprintf(v, sizeof(v), "v%zu", col->index);
	snprintf(what, sizeof(what), "pattern '%.80s' of column '%.120s'",
		 op->u.re->source, col->name);
	dv_buf_init(&c, (size_t)1 << 28);
	dv_sql_match(g, &c, v, op->u.re->source, what);
	if (g->st == DCVAL_OK)
		value_check(g, col, DV_R_PATTERN, c.data);
	dv_buf_release(&c);
}

static void check_format(dv_sqlgen *g, const dv_column *col, const dv_op *op)
{
	char v[32], what[200];
	dv_buf c;

	snprintf(v, sizeof(v), "v%zu", col->index);
	snprintf(what, sizeof(what), "format of column '%.120s'", col->name);
	dv_buf_init(&c, (size_t)1 << 24);
	dv_sql_format_cond(g, &c, v, op->u.strfmt, what);
	if (g->st == DCVAL_OK)
		value_check(g, col, DV_R_FORMAT, c.data);
	dv_buf_release(&c);
}

static void check_unique(dv_sqlgen *g, const dv_column *col)
{
	char a[160];
	size_t k = col->index;

	snprintf(a, sizeof(a),
		 "count(uk%zu) FILTER (WHERE ok%zu) - count(DISTINCT uk%zu) FILTER (WHERE ok%zu)",
		 k, k, k, k);
	dv_sql_check(g, "unique", col->name, col->severity, a);
}

void dv_sql_column_checks(dv_sqlgen *g, const dv_column *col)
{
	size_t i;

	if (col->required)
		check_required(g, col);
	if (col->type != DV_T_STRING && col->type != DV_T_ANY)
		check_type(g, col);
	for (i = 0; i < col->n_ops && g->st == DCVAL_OK; i++) {
		const dv_op *op = &col->ops[i];

		switch (op->rule) {
		case DV_R_MINIMUM:
		case DV_R_MAXIMUM:
		case DV_R_EXCLUSIVE_MINIMUM:
		case DV_R_EXCLUSIVE_MAXIMUM:
			check_bound(g, col, op);
			break;
		case DV_R_MIN_LENGTH:
		case DV_R_MAX_LENGTH:
			check_length(g, col, op);
			break;
		case DV_R_ENUM:
			check_enum(g, col, op);
			break;
		case DV_R_PATTERN:
			check_pattern(g, col, op);
			break;
		case DV_R_FORMAT:
			check_format(g, col, op);
			break;
		default:
			dv_sql_fail(g, "export: column '%s': check '%s' has no SQL translation yet",
				    col->name, dv_rule_id(op->rule));
			break;
		}
	}
	if (col->unique)
		check_unique(g, col);
}

/* The key's parts: "skip" when a part failed its type, "null" when one is
 * null, and the tuple's text (each part's key after its length). */
void dv_sql_primary_key(dv_sqlgen *g)
{
	const struct dcval_contract *c = g->c;
	dv_buf skip, null, key, a;
	size_t i, k;

	if (!c->n_primary_key)
		return;
	dv_buf_init(&skip, 1u << 24);
	dv_buf_init(&null, 1u << 24);
	dv_buf_init(&key, 1u << 24);
	dv_buf_init(&a, 1u << 26);
	for (i = 0; i < c->n_primary_key; i++) {
		k = c->primary_key[i];
		dv_sql_put(g, &skip, "%sNOT COALESCE(ok%zu, TRUE)", i ? " OR " : "", k);
		dv_sql_put(g, &null, "%sv%zu IS NULL", i ? " OR " : "", k);
		dv_sql_put(g, &key, "%sCAST(length(uk%zu) AS TEXT) || ':' || uk%zu",
			   i ? " || ',' || " : "", k, k);
	}
	dv_sql_put(g, &a,
		   "count(*) FILTER (WHERE NOT (%s) AND (%s)) + "
		   "count(%s) FILTER (WHERE NOT (%s) AND NOT (%s)) - "
		   "count(DISTINCT %s) FILTER (WHERE NOT (%s) AND NOT (%s))",
		   skip.data, null.data, key.data, skip.data, null.data, key.data,
		   skip.data, null.data);
	if (g->st == DCVAL_OK)
		dv_sql_check(g, "primary_key", c->primary_key_name,
			     DCVAL_SEVERITY_ERROR, a.data);
	dv_buf_release(&skip);
	dv_buf_release(&null);
	dv_buf_release(&key);
	dv_buf_release(&a);
}

void dv_sql_row_count(dv_sqlgen *g)
{
	const struct dcval_contract *c = g->c;
	char a[160];
	int n = 0;

	if (!c->has_row_count_min && !c->has_row_count_max)
		return;
	a[0] = '\0';
	if (c->has_row_count_min)
		n += snprintf(a + n, sizeof(a) - (size_t)n,
			      "CASE WHEN count(*) < %llu THEN 1 ELSE 0 END",
			      (unsigned long long)c->row_count_min);
	if (c->has_row_count_max)
		snprintf(a + n, sizeof(a) - (size_t)n,
			 "%sCASE WHEN count(*) > %llu THEN 1 ELSE 0 END", n ? " + " : "",
			 (unsigned long long)c->row_count_max);
	dv_sql_check(g, "row_count", NULL, DCVAL_SEVERITY_ERROR, a);
}

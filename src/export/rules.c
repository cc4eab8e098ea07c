/*
 * Cross-field rules (contract.md "Cross-field rules") as result rows: one
 * per rule, in contract order, counting the records where `when` is true
 * (or absent) and `check` is false; null passes, as src/engine/rules.c.
 *
 * The typed tree (contract/expr.h) becomes one SQL expression with SQL's
 * three-valued logic, which the evaluator (engine/rules_eval.c) copies:
 * NOT, AND, OR, comparisons, IS [NOT] NULL and [NOT] IN give the same
 * value or null. A column's value is its typed value (NULL when null or
 * when it failed its type, as the evaluator sees it). Only what is exact
 * is translated: integer, string (bytewise) and boolean operands and
 * literals; anything else (numbers, dates, datetimes, times, durations,
 * arithmetic, functions, now()) is an export error naming the construct
 * and the rule, never a silent skip.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "contract/expr.h"
#include "export/sqlgen.h"

static const char *const kind_text[DV_XK_COUNT] = {
	[DV_XK_NOW] = "now()", [DV_XK_LEN] = "len()", [DV_XK_LOWER] = "lower()",
	[DV_XK_UPPER] = "upper()", [DV_XK_ABS] = "abs()", [DV_XK_NEG] = "unary minus",
	[DV_XK_ADD] = "+", [DV_XK_SUB] = "-", [DV_XK_MUL] = "*", [DV_XK_DIV] = "/",
	[DV_XK_CALL] = "a function call",
};

static const char *type_text(dv_xtype t)
{
	switch (t) {
	case DV_X_NUM: return "a number";
	case DV_X_DATE: return "a date";
	case DV_X_DATETIME: return "a datetime";
	case DV_X_TIME: return "a time";
	case DV_X_DUR: return "a duration";
	case DV_X_OPAQUE: return "an any or vector column";
	default: return "this type";
	}
}

static bool exact_type(dv_xtype t)
{
	return t == DV_X_NULL || t == DV_X_BOOL || t == DV_X_INT || t == DV_X_STR;
}

static void refuse(dv_sqlgen *g, const dv_xrule *r, const char *what)
{
	dv_sql_fail(g, "export: rule '%s': %s has no exact SQL translation yet; "
		    "run the rule with dcval validate", r->name, what);
}

static void expr(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x);

/* An operand of a comparison or IN: strings compare bytewise. */
static void operand(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	if (!exact_type(x->type)) {
		char what[96];

		snprintf(what, sizeof(what), "comparing %s", type_text(x->type));
		refuse(g, r, what);
		return;
	}
	dv_sql_put(g, b, "(");
	expr(g, r, b, x);
	dv_sql_put(g, b, ")%s", x->type == DV_X_STR ? g->d->collate_c : "");
}

static void column(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	size_t k = x->col;

	switch (x->type) {
	case DV_X_INT:
		dv_sql_put(g, b, "n%zu", k);
		return;
	case DV_X_BOOL:
		dv_sql_put(g, b, "(n%zu = 1)", k);
		return;
	case DV_X_STR:
		dv_sql_put(g, b, "v%zu", k);
		return;
	default: {
		char what[200];

		snprintf(what, sizeof(what), "column '%.120s' (%s)", g->c->columns[k].name,
			 type_text(x->type));
		refuse(g, r, what);
		return;
	}
	}
}

static void literal(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	switch (x->type) {
	case DV_X_NULL:
		dv_sql_put(g, b, "NULL");
		return;
	case DV_X_BOOL:
		dv_sql_put(g, b, x->lit.i ? "TRUE" : "FALSE");
		return;
	case DV_X_INT:
		dv_sql_put(g, b, "CAST('%" PRId64 "' AS BIGINT)", x->lit.i);
		return;
	case DV_X_STR:
		if (x->lit.xform != DV_XF_NONE)
			break;
		dv_sql_literal(g, b, x->lit.s, x->lit.len);
		return;
	default:
		break;
	}
	{
		char what[96];

		snprintf(what, sizeof(what), "a literal of %s", type_text(x->type));
		refuse(g, r, what);
	}
}

static void cmp(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	static const char *const op[] = {
		[DV_XK_EQ] = "=", [DV_XK_NE] = "<>", [DV_XK_LT] = "<",
		[DV_XK_LE] = "<=", [DV_XK_GT] = ">", [DV_XK_GE] = ">=",
	};

	operand(g, r, b, x->a);
	dv_sql_put(g, b, " %s ", op[x->kind]);
	operand(g, r, b, x->b);
}

static void in_list(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	size_t i;

	operand(g, r, b, x->a);
	dv_sql_put(g, b, x->kind == DV_XK_IN ? " IN (" : " NOT IN (");
	for (i = 0; i < x->n; i++) {
		if (i)
			dv_sql_put(g, b, ", ");
		operand(g, r, b, x->list[i]);
	}
	dv_sql_put(g, b, ")");
}

/* A value is null in a rule when it is null or failed its type. */
static void is_null(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	bool neg = x->kind == DV_XK_NOTNULL;

	if (x->a->kind == DV_XK_COL) {
		dv_sql_put(g, b, "%sCOALESCE(ok%zu, FALSE)", neg ? "" : "NOT ", x->a->col);
		return;
	}
	dv_sql_put(g, b, "(");
	expr(g, r, b, x->a);
	dv_sql_put(g, b, ") IS %sNULL", neg ? "NOT " : "");
}

static void expr(dv_sqlgen *g, const dv_xrule *r, dv_buf *b, const dv_xnode *x)
{
	if (g->st != DCVAL_OK)
		return;
	switch (x->kind) {
	case DV_XK_LIT:
		literal(g, r, b, x);
		return;
	case DV_XK_COL:
		column(g, r, b, x);
		return;
	case DV_XK_NOT:
		dv_sql_put(g, b, "NOT (");
		expr(g, r, b, x->a);
		dv_sql_put(g, b, ")");
		return;
	case DV_XK_AND:
	case DV_XK_OR:
		dv_sql_put(g, b, "(");
		expr(g, r, b, x->a);
		dv_sql_put(g, b, ") %s (", x->kind == DV_XK_AND ? "AND" : "OR");
		expr(g, r, b, x->b);
		dv_sql_put(g, b, ")");
		return;
	case DV_XK_EQ:
	case DV_XK_NE:
	case DV_XK_LT:
	case DV_XK_LE:
	case DV_XK_GT:
	case DV_XK_GE:
		cmp(g, r, b, x);
		return;
	case DV_XK_ISNULL:
	case DV_XK_NOTNULL:
		is_null(g, r, b, x);
		return;
	case DV_XK_IN:
	case DV_XK_NOTIN:
		in_list(g, r, b, x);
		return;
	default: {
		char what[64];

		snprintf(what, sizeof(what), "the operator %s",
			 kind_text[x->kind] ? kind_text[x->kind] : "?");
		refuse(g, r, what);
		return;
	}
	}
}

void dv_sql_rules(dv_sqlgen *g)
{
	const dv_ruleset *rs = &g->c->rules;
	dv_buf a;
	size_t i;

	dv_buf_init(&a, 1u << 26);
	for (i = 0; i < rs->n && g->st == DCVAL_OK; i++) {
		const dv_xrule *r = &rs->rules[i];

		g->line = r->line;
		dv_buf_reset(&a);
		dv_sql_put(g, &a, "count(*) FILTER (WHERE ");
		if (r->when) {
			dv_sql_put(g, &a, "(");
			expr(g, r, &a, r->when);
			dv_sql_put(g, &a, ") IS TRUE AND ");
		}
		dv_sql_put(g, &a, "(");
		expr(g, r, &a, r->check);
		dv_sql_put(g, &a, ") IS FALSE)");
		if (g->st == DCVAL_OK)
			dv_sql_check(g, r->name, NULL, r->severity, a.data);
	}
	g->line = 0;
	dv_buf_release(&a);
}

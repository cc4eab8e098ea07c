/*
 * Cross-field rules (contract.md "Cross-field rules") as result rows: one
 * per rule, in contract order, counting the records where `when` is true
 * (or absent) and `check` is false; null passes, as src/engine/rules.c.
 *
 * The typed tree (contract/expr.h) becomes columns of the rule stages
 * (rules.h), one node at a time, computing what the evaluator
 * (engine/rules_eval.c) computes: SQL's three-valued logic for NOT, AND,
 * OR and IN (the evaluator copies it), comparisons in the evaluator's
 * order (integers against doubles exactly, strings bytewise, instants
 * with their offsets applied), and the arithmetic of rules_arith.c. A
 * column's value is its typed value, NULL when null or when it failed
 * its type, as the evaluator sees it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "export/rules.h"

dv_xname dv_xpart(const dv_xsql *X, const dv_xn *n, char p)
{
	dv_xname o;
	const char *ty;

	if (n->h) {
		snprintf(o.s, sizeof(o.s), "x%zu_%u%c", X->ri, n->id, p);
		return o;
	}
	switch (p) {
	case 'b': ty = "BOOLEAN"; break;
	case 'd': ty = X->g->d->double_type; break;
	case 's': ty = "TEXT"; break;
	case 'w': ty = X->g->d->wide; break;
	default: ty = "BIGINT"; break;
	}
	snprintf(o.s, sizeof(o.s), "CAST(NULL AS %s)", ty);
	return o;
}

dv_xname dv_xisnull(const dv_xsql *X, const dv_xn *n)
{
	static const char primary[] = {
		[DV_X_BOOL] = 'b', [DV_X_INT] = 'd', [DV_X_NUM] = 'd', [DV_X_STR] = 's',
		[DV_X_DATE] = 'i', [DV_X_DATETIME] = 'w', [DV_X_TIME] = 'w',
		[DV_X_DUR] = 'w', [DV_X_OPAQUE] = 'o',
	};
	dv_xname o;

	if (!n->h || n->t == DV_X_NULL) {
		snprintf(o.s, sizeof(o.s), "TRUE");
		return o;
	}
	snprintf(o.s, sizeof(o.s), "x%zu_%u%c IS NULL", X->ri, n->id, primary[n->t]);
	return o;
}

dv_xn dv_xnew(dv_xsql *X, dv_xtype t, unsigned h_below)
{
	dv_xn n = { .id = X->next++, .h = h_below + 1, .t = t };

	return n;
}

void dv_xdef(dv_xsql *X, const dv_xn *n, char p, const char *fmt, ...)
{
	dv_sqlgen *g = X->g;
	dv_buf e;
	va_list ap;
	int len;

	if (g->st != DCVAL_OK)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	dv_buf_init(&e, 1u << 26);
	if (len < 0 || (g->st = dv_buf_reserve(&e, (size_t)len)) != DCVAL_OK) {
		if (g->st == DCVAL_OK)
			g->st = DCVAL_EINTERNAL;
		dv_buf_release(&e);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(e.data, (size_t)len + 1, fmt, ap);
	va_end(ap);
	dv_sql_rfield(g, n->h, "%s AS x%zu_%u%c", e.data, X->ri, n->id, p);
	dv_buf_release(&e);
}

void dv_xrefuse(dv_xsql *X, const char *what)
{
	dv_sql_fail(X->g, "export: rule '%s': %s has no exact SQL translation; "
		    "run the rule with dcval validate", X->r->name, what);
}

static unsigned hmax(const dv_xn *a, const dv_xn *b)
{
	return a->h > b->h ? a->h : b->h;
}

static bool numeric(dv_xtype t)
{
	return t == DV_X_INT || t == DV_X_NUM;
}

/*
 * Append the boolean a <op> b (op "=", "<>", "<", ...) in the evaluator's
 * order; NULL when either is null (the parts are NULL then).
 */
static void compare(dv_xsql *X, dv_buf *e, const dv_xn *a, const dv_xn *b,
		    const char *op)
{
	dv_sqlgen *g = X->g;

	if (a->t == DV_X_NULL || b->t == DV_X_NULL || !a->h || !b->h) {
		dv_sql_put(g, e, "CAST(NULL AS BOOLEAN)");
		return;
	}
	if (numeric(a->t) && numeric(b->t)) {
		dv_sql_put(g, e, "(");
		dv_xnum_sign(X, e, a, b);
		dv_sql_put(g, e, ") %s 0", op);
		return;
	}
	if (a->t != b->t) {
		char what[96];

		snprintf(what, sizeof(what), "comparing %s with %s", dv_xtype_name(a->t),
			 dv_xtype_name(b->t));
		dv_xrefuse(X, what);
		return;
	}
	switch (a->t) {
	case DV_X_BOOL:
		dv_sql_put(g, e, "%s %s %s", dv_xpart(X, a, 'b').s, op, dv_xpart(X, b, 'b').s);
		return;
	case DV_X_STR:
		/* bytewise, as memcmp: code point order of UTF-8 */
		dv_sql_put(g, e, "(%s)%s %s (%s)%s", dv_xpart(X, a, 's').s, g->d->collate_c,
			   op, dv_xpart(X, b, 's').s, g->d->collate_c);
		return;
	case DV_X_DATE:
		dv_sql_put(g, e, "%s %s %s", dv_xpart(X, a, 'i').s, op, dv_xpart(X, b, 'i').s);
		return;
	case DV_X_DATETIME:
	case DV_X_TIME:
	case DV_X_DUR:
		dv_sql_put(g, e, "%s %s %s", dv_xpart(X, a, 'w').s, op, dv_xpart(X, b, 'w').s);
		return;
	default:
		dv_xrefuse(X, "comparing an any column");
		return;
	}
}

static dv_xn expr(dv_xsql *X, const dv_xnode *x);

static dv_xn boolean(dv_xsql *X, unsigned h, dv_buf *e)
{
	dv_xn n = dv_xnew(X, DV_X_BOOL, h);

	if (X->g->st == DCVAL_OK)
		dv_xdef(X, &n, 'b', "%s", e->data);
	return n;
}

static dv_xn cmp_node(dv_xsql *X, const dv_xnode *x)
{
	static const char *const op[] = {
		[DV_XK_EQ] = "=", [DV_XK_NE] = "<>", [DV_XK_LT] = "<",
		[DV_XK_LE] = "<=", [DV_XK_GT] = ">", [DV_XK_GE] = ">=",
	};
	dv_xn a = expr(X, x->a), b = expr(X, x->b), n;
	dv_buf e;

	dv_buf_init(&e, 1u << 26);
	compare(X, &e, &a, &b, op[x->kind]);
	n = boolean(X, hmax(&a, &b), &e);
	dv_buf_release(&e);
	return n;
}

/* x in [m...]: an OR of equalities has the evaluator's value (true on an
 * equal member, else null when x or a member is null, else false). */
static dv_xn in_node(dv_xsql *X, const dv_xnode *x)
{
	dv_xn a = expr(X, x->a), m, n;
	unsigned h = a.h;
	dv_buf e;
	size_t i;

	dv_buf_init(&e, 1u << 26);
	dv_sql_put(X->g, &e, "%s(FALSE", x->kind == DV_XK_NOTIN ? "NOT " : "");
	for (i = 0; i < x->n; i++) {
		m = expr(X, x->list[i]);
		if (m.h > h)
			h = m.h;
		dv_sql_put(X->g, &e, " OR (");
		compare(X, &e, &a, &m, "=");
		dv_sql_put(X->g, &e, ")");
	}
	dv_sql_put(X->g, &e, ")");
	n = boolean(X, h, &e);
	dv_buf_release(&e);
	return n;
}

static dv_xn logic_node(dv_xsql *X, const dv_xnode *x)
{
	dv_xn a = expr(X, x->a), b, n;

	if (x->kind == DV_XK_NOT) {
		n = dv_xnew(X, DV_X_BOOL, a.h);
		dv_xdef(X, &n, 'b', "NOT (%s)", dv_xpart(X, &a, 'b').s);
		return n;
	}
	if (x->kind == DV_XK_ISNULL || x->kind == DV_XK_NOTNULL) {
		n = dv_xnew(X, DV_X_BOOL, a.h);
		dv_xdef(X, &n, 'b', "%s(%s)", x->kind == DV_XK_NOTNULL ? "NOT " : "",
			dv_xisnull(X, &a).s);
		return n;
	}
	b = expr(X, x->b);
	n = dv_xnew(X, DV_X_BOOL, hmax(&a, &b));
	dv_xdef(X, &n, 'b', "(%s) %s (%s)", dv_xpart(X, &a, 'b').s,
		x->kind == DV_XK_AND ? "AND" : "OR", dv_xpart(X, &b, 'b').s);
	return n;
}

static dv_xn expr(dv_xsql *X, const dv_xnode *x)
{
	dv_xn none = { 0, 0, DV_X_NULL };

	if (X->g->st != DCVAL_OK)
		return none;
	switch (x->kind) {
	case DV_XK_LIT:
	case DV_XK_COL:
	case DV_XK_NOW:
		return dv_xleaf(X, x);
	case DV_XK_NOT:
	case DV_XK_AND:
	case DV_XK_OR:
	case DV_XK_ISNULL:
	case DV_XK_NOTNULL:
		return logic_node(X, x);
	case DV_XK_EQ:
	case DV_XK_NE:
	case DV_XK_LT:
	case DV_XK_LE:
	case DV_XK_GT:
	case DV_XK_GE:
		return cmp_node(X, x);
	case DV_XK_IN:
	case DV_XK_NOTIN:
		return in_node(X, x);
	case DV_XK_LEN:
	case DV_XK_LOWER:
	case DV_XK_UPPER:
	case DV_XK_ABS:
	case DV_XK_NEG: {
		dv_xn a = expr(X, x->a);

		return dv_xunary(X, x, &a);
	}
	case DV_XK_ADD:
	case DV_XK_SUB:
	case DV_XK_MUL:
	case DV_XK_DIV: {
		dv_xn a = expr(X, x->a);
		dv_xn b = expr(X, x->b);

		return dv_xarith(X, x, &a, &b);
	}
	default:
		dv_xrefuse(X, "an untyped call");
		return none;
	}
}

void dv_sql_rules(dv_sqlgen *g)
{
	const dv_ruleset *rs = &g->c->rules;
	dv_buf a;
	size_t i;

	dv_buf_init(&a, 1u << 26);
	for (i = 0; i < rs->n && g->st == DCVAL_OK; i++) {
		dv_xsql X = { .g = g, .r = &rs->rules[i], .ri = i };
		dv_xn when, check;

		g->line = X.r->line;
		dv_buf_reset(&a);
		dv_sql_put(g, &a, "count(*) FILTER (WHERE ");
		if (X.r->when) {
			when = expr(&X, X.r->when);
			dv_sql_put(g, &a, "(%s) IS TRUE AND ", dv_xpart(&X, &when, 'b').s);
		}
		check = expr(&X, X.r->check);
		dv_sql_put(g, &a, "(%s) IS FALSE)", dv_xpart(&X, &check, 'b').s);
		if (g->st == DCVAL_OK)
			dv_sql_check(g, X.r->name, NULL, X.r->severity, a.data);
	}
	g->line = 0;
	dv_buf_release(&a);
}

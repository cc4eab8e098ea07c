/*
 * The values of rules (rules.h): literals, columns, now(), functions,
 * unary minus and + - * / as engine/rules_eval.c computes them.
 *
 * Integers: exact in 64 bits; a sum, difference or product that leaves
 * int64 goes on as the double of its operands' doubles (eval_numeric):
 * the query computes the exact result in the dialect's wide integer, keeps
 * it when it fits (part i) and else the double operation (part d).
 * Doubles: IEEE operations are the same in C, DuckDB and PostgreSQL, but
 * the evaluator turns an infinite result into null and an underflow into
 * 0 where PostgreSQL raises an error, so an operation that could leave
 * the double range runs on operands scaled by powers of two (exact), and
 * the scaled result decides: infinite (null) or zero, else the plain
 * operation runs. The one case the scaled result cannot decide is a
 * product or quotient whose exact magnitude lies within half an ulp above
 * 2^-1075 (C rounds it to 2^-1074, the query to 0).
 * Instants and durations: seconds * 10^9 + nanoseconds in the wide
 * integer (exact; a rule's sums stay far inside int64 seconds).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export/rules.h"

#define DAY_NS "86400000000000"
#define I64_MIN "CAST('-9223372036854775808' AS BIGINT)"

typedef struct dv_xconst {
	char s[80];
} dv_xconst;

/* 2^e as a double literal (exact: 17 significant digits read back). */
static dv_xconst pow2(const dv_sqlgen *g, int e)
{
	dv_xconst c;

	snprintf(c.s, sizeof(c.s), "CAST('%.17g' AS %s)", ldexp(1.0, e), g->d->double_type);
	return c;
}

/* secs * 10^9 + ns as a wide literal. */
static void wide_lit(dv_sqlgen *g, char *out, size_t cap, int64_t secs, int32_t ns)
{
	__int128 v = (__int128)secs * 1000000000 + ns;
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
	char digits[48];
	size_t n = sizeof(digits);

	digits[--n] = '\0';
	do {
		digits[--n] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	snprintf(out, cap, "CAST('%s%s' AS %s)", v < 0 ? "-" : "", digits + n, g->d->wide);
}

static dv_xn lit_node(dv_xsql *X, const dv_xnode *x)
{
	dv_sqlgen *g = X->g;
	const dv_xval *v = &x->lit;
	dv_xn n = { 0, 0, DV_X_NULL };
	char w[160];

	if (v->t == DV_X_NULL)
		return n;
	n = dv_xnew(X, v->t, 0);
	switch (v->t) {
	case DV_X_BOOL:
		dv_xdef(X, &n, 'b', "%s", v->i ? "TRUE" : "FALSE");
		break;
	case DV_X_INT:
		dv_xdef(X, &n, 'i', "CAST('%" PRId64 "' AS BIGINT)", v->i);
		dv_xdef(X, &n, 'd', "CAST(CAST('%" PRId64 "' AS BIGINT) AS %s)", v->i,
			g->d->double_type);
		break;
	case DV_X_NUM:
		if (!isfinite(v->d)) {
			dv_xrefuse(X, "a number literal beyond the double range");
			break;
		}
		dv_xdef(X, &n, 'd', "CAST('%.17g' AS %s)", v->d, g->d->double_type);
		break;
	case DV_X_STR: {
		dv_buf e;

		dv_buf_init(&e, 1u << 26);
		if (v->xform != DV_XF_NONE)
			dv_sql_put(g, &e, "translate(");
		dv_sql_literal(g, &e, v->s, v->len);
		if (v->xform == DV_XF_LOWER)
			dv_sql_put(g, &e, ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')");
		else if (v->xform == DV_XF_UPPER)
			dv_sql_put(g, &e, ", 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')");
		if (g->st == DCVAL_OK)
			dv_xdef(X, &n, 's', "%s", e.data);
		dv_buf_release(&e);
		break;
	}
	case DV_X_DATE:
		dv_xdef(X, &n, 'i', "CAST('%" PRId64 "' AS BIGINT)", v->i);
		break;
	case DV_X_DATETIME:
	case DV_X_TIME:
	case DV_X_DUR:
		wide_lit(g, w, sizeof(w), v->i, v->ns);
		dv_xdef(X, &n, 'w', "%s", w);
		break;
	default:
		dv_xrefuse(X, "a literal of this type");
		break;
	}
	return n;
}

static dv_xn col_node(dv_xsql *X, const dv_xnode *x)
{
	dv_sqlgen *g = X->g;
	size_t k = x->col;
	dv_xn n = dv_xnew(X, x->type, 0);

	switch (x->type) {
	case DV_X_BOOL:
		dv_xdef(X, &n, 'b', "(n%zu = 1)", k);
		break;
	case DV_X_INT:
		dv_xdef(X, &n, 'i', "n%zu", k);
		dv_xdef(X, &n, 'd', "CAST(n%zu AS %s)", k, g->d->double_type);
		break;
	case DV_X_NUM: {
		dv_buf e;

		dv_buf_init(&e, 1u << 20);
		dv_sql_number_double(g, &e, k);
		if (g->st == DCVAL_OK)
			dv_xdef(X, &n, 'd', "CASE WHEN ok%zu THEN %s END", k, e.data);
		dv_buf_release(&e);
		break;
	}
	case DV_X_STR:
		dv_xdef(X, &n, 's', "v%zu", k);
		break;
	case DV_X_DATE:
		dv_xdef(X, &n, 'i', "n%zu", k);
		break;
	case DV_X_DATETIME:
	case DV_X_TIME:
		dv_xdef(X, &n, 'w', "CAST(n%zu AS %s) * 1000000000 + ns%zu", k, g->d->wide, k);
		break;
	default:
		dv_xdef(X, &n, 'o', "CASE WHEN ok%zu THEN 1 END", k);
		break;
	}
	return n;
}

dv_xn dv_xleaf(dv_xsql *X, const dv_xnode *x)
{
	dv_sqlgen *g = X->g;

	if (x->kind == DV_XK_LIT)
		return lit_node(X, x);
	if (x->kind == DV_XK_COL)
		return col_node(X, x);
	{
		/* now(): --now, else the engine's clock (microseconds) */
		dv_xn n = dv_xnew(X, DV_X_DATETIME, 0);
		char w[160];

		if (g->o->has_now) {
			wide_lit(g, w, sizeof(w), g->o->now_secs, g->o->now_ns);
			dv_xdef(X, &n, 'w', "%s", w);
		} else {
			dv_xdef(X, &n, 'w', "CAST(%s AS %s) * 1000", g->d->now_us, g->d->wide);
		}
		return n;
	}
}

dv_xn dv_xunary(dv_xsql *X, const dv_xnode *x, const dv_xn *a)
{
	dv_sqlgen *g = X->g;
	dv_xn none = { 0, 0, DV_X_NULL }, n;
	const char *A;
	dv_xname pa;

	if (a->t == DV_X_NULL || !a->h)
		return none; /* every function and minus of null is null */
	n = dv_xnew(X, x->type, a->h);
	switch (x->kind) {
	case DV_XK_LEN:
		pa = dv_xpart(X, a, 's');
		dv_xdef(X, &n, 'i', "CAST(length(%s) AS BIGINT)", pa.s);
		dv_xdef(X, &n, 'd', "CAST(length(%s) AS %s)", pa.s, g->d->double_type);
		return n;
	case DV_XK_LOWER:
	case DV_XK_UPPER: {
		static const char up[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		static const char lo[] = "abcdefghijklmnopqrstuvwxyz";
		bool lower = x->kind == DV_XK_LOWER;

		dv_xdef(X, &n, 's', "translate(%s, '%s', '%s')", dv_xpart(X, a, 's').s,
			lower ? up : lo, lower ? lo : up);
		return n;
	}
	default:
		break;
	}
	/* abs and unary minus: integer, number, duration */
	switch (a->t) {
	case DV_X_INT:
		pa = dv_xpart(X, a, 'i');
		A = pa.s;
		/* -INT64_MIN leaves int64: a number (eval_neg) */
		if (x->kind == DV_XK_ABS)
			dv_xdef(X, &n, 'i', "CASE WHEN %s = %s THEN NULL WHEN %s < 0 THEN -%s ELSE %s END",
				A, I64_MIN, A, A, A);
		else
			dv_xdef(X, &n, 'i', "CASE WHEN %s = %s THEN NULL ELSE -%s END", A, I64_MIN, A);
		/* the double, exact for both */
		dv_xdef(X, &n, 'd', x->kind == DV_XK_ABS ? "abs(%s)" : "-%s", dv_xpart(X, a, 'd').s);
		return n;
	case DV_X_NUM:
		dv_xdef(X, &n, 'd', x->kind == DV_XK_ABS ? "abs(%s)" : "-%s", dv_xpart(X, a, 'd').s);
		return n;
	case DV_X_DUR:
		if (x->kind == DV_XK_NEG) {
			dv_xdef(X, &n, 'w', "-%s", dv_xpart(X, a, 'w').s);
			return n;
		}
		break;
	default:
		break;
	}
	dv_xrefuse(X, "this function's argument type");
	return n;
}

/* The double a + b (or a - b), null when it overflows (the halves
 * decide: exact for operands of 2^-1000 and more; a smaller one cannot
 * change a sum that large). */
static void dadd(dv_sqlgen *g, dv_buf *e, const char *A, const char *B, bool sub)
{
	const char *op = sub ? "-" : "+";
	dv_xconst p1022 = pow2(g, 1022), p1023 = pow2(g, 1023), h = pow2(g, -1),
		  tiny = pow2(g, -1000);

	dv_sql_put(g, e, "CASE WHEN abs(%s) < %s AND abs(%s) < %s THEN %s %s %s ",
		   A, p1022.s, B, p1022.s, A, op, B);
	dv_sql_put(g, e, "WHEN abs(CASE WHEN abs(%s) < %s THEN 0 ELSE %s * %s END %s "
		   "CASE WHEN abs(%s) < %s THEN 0 ELSE %s * %s END) >= %s THEN NULL ",
		   A, tiny.s, A, h.s, op, B, tiny.s, B, h.s, p1023.s);
	dv_sql_put(g, e, "ELSE %s %s %s END", A, op, B);
}

/* Scale exponent of double x: 600 above 2^500, -600 below 2^-500. */
static void dscale(dv_sqlgen *g, dv_buf *e, const char *X, bool factor)
{
	dv_xconst hi = pow2(g, 500), lo = pow2(g, -500);

	if (factor) {
		dv_xconst dn = pow2(g, -600), up = pow2(g, 600), one = pow2(g, 0);

		dv_sql_put(g, e, "(%s * CASE WHEN abs(%s) > %s THEN %s WHEN abs(%s) < %s THEN %s "
			   "ELSE %s END)", X, X, hi.s, dn.s, X, lo.s, up.s, one.s);
	} else {
		dv_sql_put(g, e, "CASE WHEN abs(%s) > %s THEN 600 WHEN abs(%s) < %s THEN -600 "
			   "ELSE 0 END", X, hi.s, X, lo.s);
	}
}

/* The double a * b (or a / b, b not 0): the scaled operands' result q,
 * times 2^k, is infinite (null) or rounds to zero, or the plain one. */
static void dmul(dv_sqlgen *g, dv_buf *e, const char *A, const char *B, bool div)
{
	static const struct { int k; const char *cmp; int e; bool zero; } edge[] = {
		{ 600, ">=", 424, false }, { 1200, ">=", -176, false },
		{ -600, "<=", -475, true }, { -1200, "<=", 125, true },
	};
	const char *op = div ? "/" : "*";
	dv_buf q, k;
	size_t i;

	dv_buf_init(&q, 1u << 20);
	dv_buf_init(&k, 1u << 20);
	dv_sql_put(g, &q, "abs(");
	dscale(g, &q, A, true);
	dv_sql_put(g, &q, " %s ", op);
	dscale(g, &q, B, true);
	dv_sql_put(g, &q, ")");
	dv_sql_put(g, &k, "(");
	dscale(g, &k, A, false);
	dv_sql_put(g, &k, ") %s (", div ? "-" : "+");
	dscale(g, &k, B, false);
	dv_sql_put(g, &k, ")");
	if (g->st == DCVAL_OK) {
		dv_sql_put(g, e, "CASE");
		for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
			dv_sql_put(g, e, " WHEN %s = %d AND %s %s %s THEN %s", k.data, edge[i].k,
				   q.data, edge[i].cmp, pow2(g, edge[i].e).s,
				   edge[i].zero ? "0" : "NULL");
		dv_sql_put(g, e, " ELSE %s %s %s END", A, op, B);
	}
	dv_buf_release(&q);
	dv_buf_release(&k);
}

/* Integer a op b (+ - *) exact in the wide integer, kept when in int64. */
static void iexact(dv_sqlgen *g, dv_buf *e, const char *A, const char *B, char op)
{
	const char *w = g->d->wide;

	dv_sql_put(g, e, "CASE WHEN (CAST(%s AS %s) %c CAST(%s AS %s)) BETWEEN "
		   "CAST('-9223372036854775808' AS %s) AND CAST('9223372036854775807' AS %s) "
		   "THEN CAST(CAST(%s AS %s) %c CAST(%s AS %s) AS BIGINT) END",
		   A, w, op, B, w, w, w, A, w, op, B, w);
}

static dv_xn numeric_arith(dv_xsql *X, const dv_xnode *x, const dv_xn *a,
			   const dv_xn *b, unsigned h)
{
	dv_sqlgen *g = X->g;
	dv_xname ad = dv_xpart(X, a, 'd'), bd = dv_xpart(X, b, 'd');
	dv_xn n = dv_xnew(X, x->type, h);
	dv_buf e, i;
	char op = x->kind == DV_XK_ADD ? '+' : x->kind == DV_XK_SUB ? '-' : '*';

	dv_buf_init(&e, 1u << 22);
	dv_buf_init(&i, 1u << 22);
	if (x->kind == DV_XK_DIV) {
		/* `/` is always a number; division by zero is null */
		dv_sql_put(g, &e, "CASE WHEN %s = 0 THEN NULL ELSE ", bd.s);
		dmul(g, &e, ad.s, bd.s, true);
		dv_sql_put(g, &e, " END");
	} else if (op == '*') {
		dmul(g, &e, ad.s, bd.s, false);
	} else {
		dadd(g, &e, ad.s, bd.s, op == '-');
	}
	if (x->type == DV_X_INT && a->t == DV_X_INT && b->t == DV_X_INT &&
	    x->kind != DV_XK_DIV) {
		iexact(g, &i, dv_xpart(X, a, 'i').s, dv_xpart(X, b, 'i').s, op);
		if (g->st == DCVAL_OK) {
			dv_xdef(X, &n, 'i', "%s", i.data);
			dv_xdef(X, &n, 'd', "COALESCE(CAST(%s AS %s), %s)", i.data,
				g->d->double_type, e.data);
		}
	} else if (g->st == DCVAL_OK) {
		dv_xdef(X, &n, 'd', "%s", e.data);
	}
	dv_buf_release(&e);
	dv_buf_release(&i);
	return n;
}

/* date ± duration: whole days only, else null (date_plus). */
static dv_xn date_plus(dv_xsql *X, const dv_xn *date, const dv_xn *dur, bool sub,
		       unsigned h)
{
	dv_sqlgen *g = X->g;
	dv_xname w = dv_xpart(X, dur, 'w');
	dv_xn n = dv_xnew(X, DV_X_DATE, h);
	char q[160];

	snprintf(q, sizeof(q), g->d->wide_div, w.s, DAY_NS);
	dv_xdef(X, &n, 'i', "CASE WHEN %s %% %s = 0 THEN %s %c CAST(%s AS BIGINT) END",
		w.s, DAY_NS, dv_xpart(X, date, 'i').s, sub ? '-' : '+', q);
	return n;
}

dv_xn dv_xarith(dv_xsql *X, const dv_xnode *x, const dv_xn *a, const dv_xn *b)
{
	dv_xn none = { 0, 0, DV_X_NULL }, n;
	unsigned h = a->h > b->h ? a->h : b->h;
	bool sub = x->kind == DV_XK_SUB;

	if (a->t == DV_X_NULL || b->t == DV_X_NULL || !a->h || !b->h)
		return none; /* an operator with a null operand is null */
	if ((a->t == DV_X_INT || a->t == DV_X_NUM) && (b->t == DV_X_INT || b->t == DV_X_NUM))
		return numeric_arith(X, x, a, b, h);
	if (a->t == DV_X_DATE && b->t == DV_X_DUR)
		return date_plus(X, a, b, sub, h);
	if (a->t == DV_X_DUR && b->t == DV_X_DATE)
		return date_plus(X, b, a, false, h);
	n = dv_xnew(X, x->type, h);
	if (a->t == DV_X_DATE && b->t == DV_X_DATE) {
		dv_xdef(X, &n, 'w', "CAST(%s - %s AS %s) * " DAY_NS, dv_xpart(X, a, 'i').s,
			dv_xpart(X, b, 'i').s, X->g->d->wide);
		return n;
	}
	/* datetime or time ± duration, duration ± duration, datetime - datetime */
	dv_xdef(X, &n, 'w', "%s %c %s", dv_xpart(X, a, 'w').s, sub ? '-' : '+',
		dv_xpart(X, b, 'w').s);
	return n;
}

void dv_xnum_sign(dv_xsql *X, dv_buf *e, const dv_xn *a, const dv_xn *b)
{
	dv_sqlgen *g = X->g;
	dv_xname ad = dv_xpart(X, a, 'd'), bd = dv_xpart(X, b, 'd');
	bool ai = a->t == DV_X_INT, bi = b->t == DV_X_INT;
	dv_xname aI = dv_xpart(X, a, 'i'), bI = dv_xpart(X, b, 'i');
	dv_xconst p63 = pow2(g, 63);

	dv_sql_put(g, e, "CASE WHEN %s IS NULL OR %s IS NULL THEN NULL", ad.s, bd.s);
	if (ai && bi)
		dv_sql_put(g, e, " WHEN %s IS NOT NULL AND %s IS NOT NULL THEN "
			   "CASE WHEN %s < %s THEN -1 WHEN %s > %s THEN 1 ELSE 0 END",
			   aI.s, bI.s, aI.s, bI.s, aI.s, bI.s);
	/* an integer i against a double d (cmp_int_double): beyond int64,
	 * else the integer parts, else the fraction */
	if (ai || bi) {
		const char *I = ai ? aI.s : bI.s, *D = ai ? bd.s : ad.s;
		int s = ai ? 1 : -1;

		dv_sql_put(g, e, " WHEN %s IS NOT NULL THEN %d * CASE WHEN %s >= %s THEN -1 "
			   "WHEN %s < -%s THEN 1 WHEN %s < CAST(trunc(%s) AS BIGINT) THEN -1 "
			   "WHEN %s > CAST(trunc(%s) AS BIGINT) THEN 1 WHEN %s > trunc(%s) THEN -1 "
			   "WHEN %s < trunc(%s) THEN 1 ELSE 0 END",
			   I, s, D, p63.s, D, p63.s, I, D, I, D, D, D, D, D);
		if (ai && bi) {
			/* b an integer and a gone on as a double */
			dv_sql_put(g, e, " WHEN %s IS NOT NULL THEN -1 * CASE WHEN %s >= %s THEN -1 "
				   "WHEN %s < -%s THEN 1 WHEN %s < CAST(trunc(%s) AS BIGINT) THEN -1 "
				   "WHEN %s > CAST(trunc(%s) AS BIGINT) THEN 1 WHEN %s > trunc(%s) THEN -1 "
				   "WHEN %s < trunc(%s) THEN 1 ELSE 0 END",
				   bI.s, ad.s, p63.s, ad.s, p63.s, bI.s, ad.s, bI.s, ad.s, ad.s,
				   ad.s, ad.s, ad.s);
		}
	}
	dv_sql_put(g, e, " ELSE CASE WHEN %s < %s THEN -1 WHEN %s > %s THEN 1 ELSE 0 END END",
		   ad.s, bd.s, ad.s, bd.s);
}

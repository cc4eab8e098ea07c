/*
 * The evaluator of rule expressions: SQL's three-valued logic over typed
 * values (contract.md "Cross-field rules"). An operator with a null
 * operand gives null, except `is [not] null`, `false and null` (false) and
 * `true or null` (true); division by zero gives null, and so does an
 * arithmetic result that leaves its type's range (a number overflowing a
 * double, a datetime or duration overflowing 64-bit seconds). Integer
 * arithmetic is exact in int64; a result beyond it continues as a number.
 */
#include <math.h>
#include <string.h>

#include "engine/rules.h"
#include "util/utf8.h"

#define NS_PER_S 1000000000

static void set_null(dv_xval *o)
{
	memset(o, 0, sizeof(*o));
}

static void set_bool(dv_xval *o, bool b)
{
	memset(o, 0, sizeof(*o));
	o->t = DV_X_BOOL;
	o->i = b;
}

static void set_num(dv_xval *o, double d)
{
	memset(o, 0, sizeof(*o));
	if (!isfinite(d))
		return; /* null */
	o->t = DV_X_NUM;
	o->d = d;
}

static void set_int(dv_xval *o, int64_t i)
{
	memset(o, 0, sizeof(*o));
	o->t = DV_X_INT;
	o->i = i;
}

/* (secs, ns) values: datetime, time, duration. false on overflow. */
static bool set_span(dv_xval *o, dv_xtype t, int64_t secs, int64_t ns)
{
	memset(o, 0, sizeof(*o));
	if (ns >= NS_PER_S) {
		ns -= NS_PER_S;
		if (__builtin_add_overflow(secs, 1, &secs))
			return false;
	} else if (ns < 0) {
		ns += NS_PER_S;
		if (__builtin_sub_overflow(secs, 1, &secs))
			return false;
	}
	o->t = t;
	o->i = secs;
	o->ns = (int32_t)ns;
	return true;
}

static double as_double(const dv_xval *v)
{
	return v->t == DV_X_INT ? (double)v->i : v->d;
}

/* Exact order of integer i and finite double d. */
static int cmp_int_double(int64_t i, double d)
{
	int64_t t;
	double frac;

	if (d >= 9223372036854775808.0)
		return -1;
	if (d < -9223372036854775808.0)
		return 1;
	t = (int64_t)d; /* exact: |d| < 2^63, truncated toward zero */
	if (i != t)
		return i < t ? -1 : 1;
	frac = d - (double)t;
	return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static unsigned char xform(unsigned char c, uint8_t how)
{
	if (how == DV_XF_LOWER && c >= 'A' && c <= 'Z')
		return (unsigned char)(c + 32);
	if (how == DV_XF_UPPER && c >= 'a' && c <= 'z')
		return (unsigned char)(c - 32);
	return c;
}

static int cmp_str(const dv_xval *a, const dv_xval *b)
{
	size_t n = a->len < b->len ? a->len : b->len, k;

	if (a->xform == DV_XF_NONE && b->xform == DV_XF_NONE) {
		int c = n ? memcmp(a->s, b->s, n) : 0;

		if (c)
			return c;
	} else {
		for (k = 0; k < n; k++) {
			unsigned char x = xform((unsigned char)a->s[k], a->xform);
			unsigned char y = xform((unsigned char)b->s[k], b->xform);

			if (x != y)
				return x < y ? -1 : 1;
		}
	}
	return a->len < b->len ? -1 : a->len > b->len;
}

static inline int xcmp(const dv_xval *a, const dv_xval *b)
{
	switch (a->t) {
	case DV_X_INT:
		if (b->t == DV_X_INT)
			return (a->i > b->i) - (a->i < b->i);
		return cmp_int_double(a->i, b->d);
	case DV_X_NUM:
		if (b->t == DV_X_INT)
			return -cmp_int_double(b->i, a->d);
		return (a->d > b->d) - (a->d < b->d);
	case DV_X_STR:
		return cmp_str(a, b);
	case DV_X_DATETIME:
	case DV_X_TIME:
	case DV_X_DUR:
		if (a->i != b->i)
			return a->i < b->i ? -1 : 1;
		return (a->ns > b->ns) - (a->ns < b->ns);
	default: /* bool, date */
		return (a->i > b->i) - (a->i < b->i);
	}
}

int dv_xval_cmp(const dv_xval *a, const dv_xval *b)
{
	return xcmp(a, b);
}

static inline void eval_column(const dv_xnode *x, const dv_xenv *env,
			       dv_xval *o)
{
	const dv_typed *t = &env->typed[x->col];
	const dv_value *v = &env->values[x->col];

	memset(o, 0, sizeof(*o));
	if (!env->has_typed[x->col])
		return;
	o->t = x->type;
	switch (x->type) {
	case DV_X_STR:
		o->s = v->s ? v->s : "";
		o->len = v->s ? v->len : 0;
		break;
	case DV_X_NUM:
		o->d = t->d;
		break;
	default:
		o->i = t->i;
		o->ns = t->ns;
		break;
	}
}

/*
 * An operand: columns and literals, the leaves of nearly every rule
 * (`label_ts <= event_ts + 30d`), are read here rather than through a
 * call of dv_expr_eval() each, which costs more than reading them.
 */
static inline void operand(const dv_xnode *x, const dv_xenv *env, dv_xval *o)
{
	if (x->kind == DV_XK_COL)
		eval_column(x, env, o);
	else if (x->kind == DV_XK_LIT)
		*o = x->lit;
	else
		dv_expr_eval(x, env, o);
}

static void eval_neg(const dv_xval *a, dv_xval *o)
{
	switch (a->t) {
	case DV_X_INT:
		if (a->i == INT64_MIN)
			set_num(o, 9223372036854775808.0);
		else
			set_int(o, -a->i);
		return;
	case DV_X_NUM:
		set_num(o, -a->d);
		return;
	case DV_X_DUR:
		if (a->i == INT64_MIN || !set_span(o, DV_X_DUR, -a->i, -(int64_t)a->ns))
			set_null(o);
		return;
	default:
		set_null(o);
		return;
	}
}

static void eval_numeric(dv_xkind k, const dv_xval *a, const dv_xval *b,
			 dv_xval *o)
{
	int64_t r;

	if (k == DV_XK_DIV) {
		if (as_double(b) == 0)
			set_null(o);
		else
			set_num(o, as_double(a) / as_double(b));
		return;
	}
	if (a->t == DV_X_INT && b->t == DV_X_INT) {
		bool over = k == DV_XK_ADD ? __builtin_add_overflow(a->i, b->i, &r) :
			    k == DV_XK_SUB ? __builtin_sub_overflow(a->i, b->i, &r) :
					     __builtin_mul_overflow(a->i, b->i, &r);

		if (!over) {
			set_int(o, r);
			return;
		}
	}
	set_num(o, k == DV_XK_ADD ? as_double(a) + as_double(b) :
		   k == DV_XK_SUB ? as_double(a) - as_double(b) :
				    as_double(a) * as_double(b));
}

/* date ± duration: whole days only (a non-constant duration that is not
 * whole days gives null). */
static void date_plus(const dv_xval *date, const dv_xval *dur, bool sub,
		      dv_xval *o)
{
	int64_t days;

	set_null(o);
	if (dur->ns || dur->i % 86400)
		return;
	days = dur->i / 86400;
	if (sub ? __builtin_sub_overflow(date->i, days, &days) :
		  __builtin_add_overflow(date->i, days, &days))
		return;
	o->t = DV_X_DATE;
	o->i = days;
}

static void eval_arith(dv_xkind k, const dv_xval *a, const dv_xval *b,
		       dv_xval *o)
{
	bool sub = k == DV_XK_SUB;
	int64_t s;

	if (a->t == DV_X_NULL || b->t == DV_X_NULL) {
		set_null(o);
		return;
	}
	if ((a->t == DV_X_INT || a->t == DV_X_NUM) &&
	    (b->t == DV_X_INT || b->t == DV_X_NUM)) {
		eval_numeric(k, a, b, o);
		return;
	}
	if (a->t == DV_X_DATE && b->t == DV_X_DUR) {
		date_plus(a, b, sub, o);
		return;
	}
	if (a->t == DV_X_DUR && b->t == DV_X_DATE) {
		date_plus(b, a, false, o);
		return;
	}
	if (a->t == DV_X_DATE && b->t == DV_X_DATE) {
		if (__builtin_sub_overflow(a->i, b->i, &s) ||
		    __builtin_mul_overflow(s, (int64_t)86400, &s) ||
		    !set_span(o, DV_X_DUR, s, 0))
			set_null(o);
		return;
	}
	/* datetime ± duration, duration ± duration, datetime - datetime */
	if (a->t == DV_X_DUR && b->t == DV_X_DATETIME) {
		const dv_xval *t = a;

		a = b;
		b = t;
	}
	if (sub ? __builtin_sub_overflow(a->i, b->i, &s) :
		  __builtin_add_overflow(a->i, b->i, &s)) {
		set_null(o);
		return;
	}
	if (!set_span(o, a->t == b->t && sub ? DV_X_DUR : a->t, s,
		      sub ? (int64_t)a->ns - b->ns : (int64_t)a->ns + b->ns))
		set_null(o);
}

/* x in [...]: true on a member equal to x; else null when x or a member
 * is null; else false (SQL). */
static void eval_in(const dv_xnode *x, const dv_xenv *env, dv_xval *o)
{
	dv_xval a, m;
	bool saw_null = false;
	size_t i;

	dv_expr_eval(x->a, env, &a);
	if (a.t == DV_X_NULL) {
		set_null(o);
		return;
	}
	for (i = 0; i < x->n; i++) {
		dv_expr_eval(x->list[i], env, &m);
		if (m.t == DV_X_NULL) {
			saw_null = true;
			continue;
		}
		if (xcmp(&a, &m) == 0) {
			set_bool(o, x->kind == DV_XK_IN);
			return;
		}
	}
	if (saw_null)
		set_null(o);
	else
		set_bool(o, x->kind == DV_XK_NOTIN);
}

static void eval_logic(const dv_xnode *x, const dv_xenv *env, dv_xval *o)
{
	bool is_and = x->kind == DV_XK_AND;
	dv_xval a, b;

	dv_expr_eval(x->a, env, &a);
	/* false and _ is false, true or _ is true */
	if (a.t == DV_X_BOOL && a.i == !is_and) {
		set_bool(o, !is_and);
		return;
	}
	dv_expr_eval(x->b, env, &b);
	if (b.t == DV_X_BOOL && b.i == !is_and)
		set_bool(o, !is_and);
	else if (a.t == DV_X_NULL || b.t == DV_X_NULL)
		set_null(o);
	else
		set_bool(o, is_and);
}

static void eval_cmp(const dv_xnode *x, const dv_xenv *env, dv_xval *o)
{
	dv_xval a, b;
	int c;

	operand(x->a, env, &a);
	operand(x->b, env, &b);
	if (a.t == DV_X_NULL || b.t == DV_X_NULL) {
		set_null(o);
		return;
	}
	c = xcmp(&a, &b);
	switch (x->kind) {
	case DV_XK_EQ: set_bool(o, c == 0); break;
	case DV_XK_NE: set_bool(o, c != 0); break;
	case DV_XK_LT: set_bool(o, c < 0); break;
	case DV_XK_LE: set_bool(o, c <= 0); break;
	case DV_XK_GT: set_bool(o, c > 0); break;
	default: set_bool(o, c >= 0); break;
	}
}

/* len, lower, upper, abs, on a non-null argument a. */
static void eval_fn(dv_xkind k, const dv_xval *a, dv_xval *o)
{
	switch (k) {
	case DV_XK_LEN:
		set_int(o, (int64_t)dv_utf8_count(a->s, a->len));
		return;
	case DV_XK_LOWER:
	case DV_XK_UPPER:
		*o = *a;
		o->xform = k == DV_XK_LOWER ? DV_XF_LOWER : DV_XF_UPPER;
		return;
	default: /* abs */
		if (a->t == DV_X_NUM)
			set_num(o, fabs(a->d));
		else if (a->i < 0)
			eval_neg(a, o);
		else
			*o = *a;
		return;
	}
}

void dv_expr_eval(const dv_xnode *x, const dv_xenv *env, dv_xval *o)
{
	dv_xval a, b;

	switch (x->kind) {
	case DV_XK_LIT:
		*o = x->lit;
		return;
	case DV_XK_COL:
		eval_column(x, env, o);
		return;
	case DV_XK_NOW:
		set_null(o);
		o->t = DV_X_DATETIME;
		o->i = env->now_secs;
		o->ns = env->now_ns;
		return;
	case DV_XK_LEN:
	case DV_XK_LOWER:
	case DV_XK_UPPER:
	case DV_XK_ABS:
		dv_expr_eval(x->a, env, &a);
		if (a.t == DV_X_NULL)
			set_null(o);
		else
			eval_fn(x->kind, &a, o);
		return;
	case DV_XK_NEG:
		dv_expr_eval(x->a, env, &a);
		eval_neg(&a, o);
		return;
	case DV_XK_NOT:
		dv_expr_eval(x->a, env, &a);
		if (a.t == DV_X_BOOL)
			set_bool(o, !a.i);
		else
			set_null(o);
		return;
	case DV_XK_AND:
	case DV_XK_OR:
		eval_logic(x, env, o);
		return;
	case DV_XK_ISNULL:
	case DV_XK_NOTNULL:
		dv_expr_eval(x->a, env, &a);
		set_bool(o, (a.t == DV_X_NULL) == (x->kind == DV_XK_ISNULL));
		return;
	case DV_XK_IN:
	case DV_XK_NOTIN:
		eval_in(x, env, o);
		return;
	case DV_XK_ADD:
	case DV_XK_SUB:
	case DV_XK_MUL:
	case DV_XK_DIV:
		operand(x->a, env, &a);
		operand(x->b, env, &b);
		eval_arith(x->kind, &a, &b, o);
		return;
	default:
		eval_cmp(x, env, o);
		return;
	}
}

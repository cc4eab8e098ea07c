/*
 * Rule expressions: names -> columns and functions, static types, and
 * the literals a comparison turns into dates, datetimes or times (a
 * string compared with a date column is parsed as a date here, once).
 * Every fault is reported at the byte of the expression it is about.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "contract/compile.h"
#include "contract/expr.h"
#include "contract/suggest.h"
#include "value/duration.h"

struct xt {
	dcval_contract *c;
	dv_xerr *err;
};

static bool fail(struct xt *t, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct xt *t, size_t off, const char *fmt, ...)
{
	va_list ap;

	t->err->off = off;
	va_start(ap, fmt);
	vsnprintf(t->err->text, sizeof(t->err->text), fmt, ap);
	va_end(ap);
	return false;
}

const char *dv_xtype_name(dv_xtype t)
{
	static const char *const names[] = {
		[DV_X_NULL] = "null", [DV_X_BOOL] = "boolean",
		[DV_X_INT] = "integer", [DV_X_NUM] = "number",
		[DV_X_STR] = "string", [DV_X_DATE] = "date",
		[DV_X_DATETIME] = "datetime", [DV_X_TIME] = "time",
		[DV_X_DUR] = "duration", [DV_X_OPAQUE] = "any",
	};

	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

static bool is_numeric(dv_xtype t)
{
	return t == DV_X_INT || t == DV_X_NUM;
}

static bool is_temporal(dv_xtype t)
{
	return t == DV_X_DATE || t == DV_X_DATETIME || t == DV_X_TIME;
}

/* A short text of node x for messages: "'amount'", "the string \"x\"". */
static const char *what(char *buf, size_t cap, const dv_xnode *x)
{
	if (x->kind == DV_XK_COL)
		snprintf(buf, cap, "column '%.*s' (%s)", (int)(x->name_len > 60 ? 60 : x->name_len),
			 x->name, dv_xtype_name(x->type));
	else if (x->kind == DV_XK_LIT && x->literal_text)
		snprintf(buf, cap, "the string \"%.*s%s\"",
			 (int)(x->lit.len > 40 ? 40 : x->lit.len), x->lit.s,
			 x->lit.len > 40 ? "..." : "");
	else if (x->kind == DV_XK_LIT && x->type != DV_X_NULL &&
		 x->type != DV_X_BOOL)
		snprintf(buf, cap, "the %s %.*s", dv_xtype_name(x->type),
			 (int)(x->name_len > 40 ? 40 : x->name_len), x->name);
	else if (x->kind == DV_XK_LIT)
		snprintf(buf, cap, "%.*s", (int)(x->name_len > 40 ? 40 : x->name_len),
			 x->name);
	else
		snprintf(buf, cap, "a %s value", dv_xtype_name(x->type));
	return buf;
}

static dv_xtype column_type(const dv_column *col)
{
	switch (col->type) {
	case DV_T_STRING: return DV_X_STR;
	case DV_T_INTEGER: return DV_X_INT;
	case DV_T_NUMBER: return DV_X_NUM;
	case DV_T_BOOLEAN: return DV_X_BOOL;
	case DV_T_DATE: return DV_X_DATE;
	case DV_T_DATETIME: return DV_X_DATETIME;
	case DV_T_TIME: return DV_X_TIME;
	default: return DV_X_OPAQUE;
	}
}

static bool ty_column(struct xt *t, dv_xnode *x)
{
	const dcval_contract *c = t->c;
	const char **names;
	const char *hint = NULL;
	char word[80];
	uint32_t found;
	size_t i;

	if (dv_strmap_find(&c->names, x->name, x->name_len, &found) &&
	    strlen(c->columns[found].name) == x->name_len) {
		x->col = found;
		x->type = column_type(&c->columns[found]);
		return true;
	}
	names = dv_arena_array(&t->c->arena, c->n_columns,
			       sizeof(*names));
	if (!names) {
		t->err->nomem = true;
		return fail(t, 0, "out of memory");
	}
	for (i = 0; i < c->n_columns; i++)
		names[i] = c->columns[i].name;
	if (x->name_len < sizeof(word) && !memchr(x->name, '\0', x->name_len)) {
		memcpy(word, x->name, x->name_len);
		word[x->name_len] = '\0';
		hint = dv_suggest(word, names, c->n_columns);
	}
	if (hint)
		return fail(t, x->off, "unknown column '%.*s' (did you mean '%s'?)",
			    (int)(x->name_len > 60 ? 60 : x->name_len), x->name, hint);
	return fail(t, x->off, "unknown column '%.*s'",
		    (int)(x->name_len > 60 ? 60 : x->name_len), x->name);
}

static bool ty(struct xt *t, dv_xnode *x);

static const struct {
	const char *name;
	dv_xkind kind;
	size_t arity;
} functions[] = {
	{ "len", DV_XK_LEN, 1 }, { "lower", DV_XK_LOWER, 1 },
	{ "upper", DV_XK_UPPER, 1 }, { "abs", DV_XK_ABS, 1 },
	{ "now", DV_XK_NOW, 0 },
};

#define N_FUNCTIONS (sizeof(functions) / sizeof(functions[0]))

static bool ty_call(struct xt *t, dv_xnode *x)
{
	const char *known[N_FUNCTIONS], *hint = NULL;
	char word[64];
	size_t i;
	dv_xtype a;

	for (i = 0; i < N_FUNCTIONS; i++) {
		known[i] = functions[i].name;
		if (strlen(functions[i].name) == x->name_len &&
		    memcmp(functions[i].name, x->name, x->name_len) == 0)
			break;
	}
	if (i == N_FUNCTIONS) {
		if (x->name_len < sizeof(word)) {
			memcpy(word, x->name, x->name_len);
			word[x->name_len] = '\0';
			hint = dv_suggest(word, known, N_FUNCTIONS);
		}
		if (hint)
			return fail(t, x->off, "unknown function '%.*s' (did you mean '%s'?)",
				    (int)(x->name_len > 60 ? 60 : x->name_len), x->name, hint);
		return fail(t, x->off,
			    "unknown function '%.*s': the functions are len, lower, upper, abs and now",
			    (int)(x->name_len > 60 ? 60 : x->name_len), x->name);
	}
	if (x->n != functions[i].arity)
		return fail(t, x->off, "%s() takes %zu argument%s, got %zu",
			    functions[i].name, functions[i].arity,
			    functions[i].arity == 1 ? "" : "s", x->n);
	x->kind = functions[i].kind;
	if (x->kind == DV_XK_NOW) {
		x->type = DV_X_DATETIME;
		return true;
	}
	x->a = x->list[0];
	x->depth = x->a->depth + 1;
	if (!ty(t, x->a))
		return false;
	a = x->a->type;
	if (x->kind == DV_XK_ABS) {
		if (!is_numeric(a) && a != DV_X_NULL)
			return fail(t, x->a->off, "abs() takes a number, got %s",
				    dv_xtype_name(a));
		x->type = a == DV_X_NULL ? DV_X_INT : a;
		return true;
	}
	if (a != DV_X_STR && a != DV_X_NULL)
		return fail(t, x->a->off, "%s() takes a string, got %s",
			    functions[i].name, dv_xtype_name(a));
	x->type = x->kind == DV_XK_LEN ? DV_X_INT : DV_X_STR;
	return true;
}

/* Turn string literal x into a value of temporal type `to`. */
static bool convert(struct xt *t, dv_xnode *x, dv_xtype to)
{
	static const dv_type as[] = { [DV_X_DATE] = DV_T_DATE,
				      [DV_X_DATETIME] = DV_T_DATETIME,
				      [DV_X_TIME] = DV_T_TIME };
	char buf[96];
	dv_typed v;

	if (!dv_cc_parse_iso(as[to], x->lit.s, x->lit.len, &v))
		return fail(t, x->off, "%s is not a %s%s", what(buf, sizeof(buf), x),
			    dv_xtype_name(to),
			    to == DV_X_DATE ? " (YYYY-MM-DD)" :
			    to == DV_X_TIME ? " (HH:MM:SS with an optional offset)" :
			    " (RFC 3339, such as 2026-01-01T00:00:00Z)");
	x->lit.t = x->type = to;
	x->lit.i = v.i;
	x->lit.ns = v.ns;
	x->lit.s = NULL;
	x->lit.len = 0;
	x->literal_text = false;
	return true;
}

/* Whether values of types a and b compare. */
static bool comparable(dv_xtype a, dv_xtype b)
{
	if (a == DV_X_OPAQUE || b == DV_X_OPAQUE)
		return false;
	return a == DV_X_NULL || b == DV_X_NULL || a == b ||
	       (is_numeric(a) && is_numeric(b));
}

/*
 * Make `y` comparable with `x` (the other side): a string literal beside
 * a date, datetime or time is parsed as one. The message blames y, the
 * literal when only one side is a literal.
 */
static bool unify(struct xt *t, dv_xnode *x, dv_xnode *y, const char *verb)
{
	char bx[96], by[96];
	const dv_xnode *blame = y, *other = x;

	if (y->kind == DV_XK_LIT && y->literal_text && is_temporal(x->type))
		return convert(t, y, x->type);
	if (x->kind == DV_XK_LIT && x->literal_text && is_temporal(y->type))
		return convert(t, x, y->type);
	if (comparable(x->type, y->type))
		return true;
	if (x->kind == DV_XK_LIT && y->kind != DV_XK_LIT) {
		blame = x;
		other = y;
	}
	if (x->type == DV_X_OPAQUE || y->type == DV_X_OPAQUE) {
		const dv_xnode *o = x->type == DV_X_OPAQUE ? x : y;

		return fail(t, o->off,
			    "%s has type any: only 'is null' and 'is not null' apply to it",
			    what(bx, sizeof(bx), o));
	}
	return fail(t, blame->off, "cannot %s %s with %s", verb,
		    what(by, sizeof(by), other), what(bx, sizeof(bx), blame));
}

static bool ty_in(struct xt *t, dv_xnode *x)
{
	size_t i;

	if (!ty(t, x->a))
		return false;
	for (i = 0; i < x->n; i++)
		if (!ty(t, x->list[i]) || !unify(t, x->a, x->list[i], "compare"))
			return false;
	x->type = DV_X_BOOL;
	return true;
}

static bool want_bool(struct xt *t, const dv_xnode *x, const char *op)
{
	char buf[96];

	if (x->type == DV_X_BOOL || x->type == DV_X_NULL)
		return true;
	return fail(t, x->off, "'%s' needs a boolean, got %s", op,
		    what(buf, sizeof(buf), x));
}

/* Whether x is a constant duration that is not whole days. */
static bool part_day(const dv_xnode *x)
{
	return x->kind == DV_XK_LIT && x->lit.t == DV_X_DUR &&
	       (x->lit.ns || x->lit.i % 86400);
}

/* Result type of a + b or a - b (sub); DV_X_OPAQUE when the pair does
 * not apply. */
static dv_xtype additive(dv_xtype a, dv_xtype b, bool sub)
{
	if (a == DV_X_NULL && b == DV_X_NULL)
		return DV_X_NULL;
	/* a null operand takes the type that makes the pair apply */
	if (a == DV_X_NULL)
		a = (b == DV_X_DATE || b == DV_X_DATETIME) && !sub ? DV_X_DUR : b;
	if (b == DV_X_NULL)
		b = a == DV_X_DATE || a == DV_X_DATETIME ? DV_X_DUR : a;
	if (is_numeric(a) && is_numeric(b))
		return a == DV_X_INT && b == DV_X_INT ? DV_X_INT : DV_X_NUM;
	if (b == DV_X_DUR && (a == DV_X_DATETIME || a == DV_X_DATE || a == DV_X_DUR))
		return a;
	if (!sub && a == DV_X_DUR && (b == DV_X_DATETIME || b == DV_X_DATE))
		return b;
	if (sub && a == b && (a == DV_X_DATETIME || a == DV_X_DATE))
		return DV_X_DUR;
	return DV_X_OPAQUE;
}

static bool ty_arith(struct xt *t, dv_xnode *x)
{
	static const char *const ops[] = { [DV_XK_ADD] = "+", [DV_XK_SUB] = "-",
					   [DV_XK_MUL] = "*", [DV_XK_DIV] = "/" };
	dv_xtype a = x->a->type, b = x->b->type, r;
	char ba[96], bb[96];

	if (x->kind == DV_XK_ADD || x->kind == DV_XK_SUB) {
		r = additive(a, b, x->kind == DV_XK_SUB);
		if (r == DV_X_DATE && ((a == DV_X_DATE && part_day(x->b)) ||
				       (b == DV_X_DATE && part_day(x->a))))
			return fail(t, (a == DV_X_DATE ? x->b : x->a)->off,
				    "a duration added to or subtracted from a date must be whole days");
	} else {
		r = (is_numeric(a) || a == DV_X_NULL) &&
		    (is_numeric(b) || b == DV_X_NULL) ?
			    (x->kind == DV_XK_DIV || a == DV_X_NUM || b == DV_X_NUM ?
				     DV_X_NUM : DV_X_INT) :
			    DV_X_OPAQUE;
	}
	if (r == DV_X_OPAQUE)
		return fail(t, x->off, "'%s' does not apply to %s and %s",
			    ops[x->kind], what(ba, sizeof(ba), x->a),
			    what(bb, sizeof(bb), x->b));
	x->type = r == DV_X_NULL ? DV_X_NULL : r;
	return true;
}

static bool ty(struct xt *t, dv_xnode *x)
{
	char buf[96];

	switch (x->kind) {
	case DV_XK_LIT:
		x->type = x->lit.t;
		return true;
	case DV_XK_COL:
		return ty_column(t, x);
	case DV_XK_CALL:
		return ty_call(t, x);
	case DV_XK_NEG:
		if (!ty(t, x->a))
			return false;
		if (!is_numeric(x->a->type) && x->a->type != DV_X_DUR &&
		    x->a->type != DV_X_NULL)
			return fail(t, x->off, "'-' does not apply to %s",
				    what(buf, sizeof(buf), x->a));
		x->type = x->a->type;
		return true;
	case DV_XK_NOT:
		if (!ty(t, x->a) || !want_bool(t, x->a, "not"))
			return false;
		x->type = DV_X_BOOL;
		return true;
	case DV_XK_AND:
	case DV_XK_OR:
		if (!ty(t, x->a) || !want_bool(t, x->a, x->kind == DV_XK_AND ? "and" : "or") ||
		    !ty(t, x->b) || !want_bool(t, x->b, x->kind == DV_XK_AND ? "and" : "or"))
			return false;
		x->type = DV_X_BOOL;
		return true;
	case DV_XK_EQ: case DV_XK_NE: case DV_XK_LT:
	case DV_XK_LE: case DV_XK_GT: case DV_XK_GE:
		if (!ty(t, x->a) || !ty(t, x->b) || !unify(t, x->a, x->b, "compare"))
			return false;
		x->type = DV_X_BOOL;
		return true;
	case DV_XK_ISNULL:
	case DV_XK_NOTNULL:
		if (!ty(t, x->a))
			return false;
		x->type = DV_X_BOOL;
		return true;
	case DV_XK_IN:
	case DV_XK_NOTIN:
		return ty_in(t, x);
	case DV_XK_ADD: case DV_XK_SUB: case DV_XK_MUL: case DV_XK_DIV:
		if (!ty(t, x->a) || !ty(t, x->b))
			return false;
		if (x->a->type == DV_X_OPAQUE || x->b->type == DV_X_OPAQUE) {
			const dv_xnode *o = x->a->type == DV_X_OPAQUE ? x->a : x->b;

			return fail(t, o->off,
				    "%s has type any: only 'is null' and 'is not null' apply to it",
				    what(buf, sizeof(buf), o));
		}
		return ty_arith(t, x);
	default:
		return fail(t, x->off, "internal: unknown expression node");
	}
}

bool dv_expr_type(struct dcval_contract *c, dv_xnode *root, dv_xerr *err)
{
	struct xt t = { .c = c, .err = err };
	char buf[96];

	memset(err, 0, sizeof(*err));
	if (!ty(&t, root))
		return false;
	if (root->type != DV_X_BOOL)
		return fail(&t, root->off, "the expression must be true or false, but it is %s",
			    what(buf, sizeof(buf), root));
	return true;
}

dv_xnode *dv_expr_compile(struct dcval_contract *c, const char *s,
			  size_t len, dv_xerr *err)
{
	dv_xnode *x = dv_expr_parse(&c->arena, s, len, err);

	if (!x || !dv_expr_type(c, x, err))
		return NULL;
	return x;
}

void dv_expr_refs(const dv_xnode *x, size_t *refs, size_t *n)
{
	size_t i;

	if (x->kind == DV_XK_COL) {
		for (i = 0; i < *n; i++)
			if (refs[i] == x->col)
				return;
		refs[(*n)++] = x->col;
		return;
	}
	if (x->a)
		dv_expr_refs(x->a, refs, n);
	if (x->b)
		dv_expr_refs(x->b, refs, n);
	if (x->kind != DV_XK_LEN && x->kind != DV_XK_LOWER &&
	    x->kind != DV_XK_UPPER && x->kind != DV_XK_ABS)
		for (i = 0; i < x->n; i++)
			dv_expr_refs(x->list[i], refs, n);
}

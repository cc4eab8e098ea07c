/*
 * Rule expressions: tokens -> tree, by recursive descent, one function
 * per precedence level (lowest first): or, and, not, comparison (not
 * associative), + -, * /, unary -, primary. Every recursion counts
 * against DV_EXPR_MAX_DEPTH (jq's src/jv_parse.c MAX_PARSING_DEPTH).
 */
#include <stdio.h>
#include <string.h>

#include "contract/expr.h"

struct xp {
	dv_arena *arena;
	const char *s;
	size_t len;
	dv_xtoken tok;      /* the current token */
	dv_xerr *err;
	bool failed;
	unsigned depth;
};

static dv_xnode *fail_at(struct xp *p, size_t off, const char *fmt,
			 const char *arg)
{
	if (!p->failed) {
		p->failed = true;
		p->err->off = off;
		snprintf(p->err->text, sizeof(p->err->text), fmt, arg);
	}
	return NULL;
}

static dv_xnode *nomem(struct xp *p)
{
	if (!p->failed) {
		p->failed = true;
		p->err->nomem = true;
		p->err->off = 0;
		snprintf(p->err->text, sizeof(p->err->text), "out of memory");
	}
	return NULL;
}

/* Move to the next token. */
static bool advance(struct xp *p)
{
	p->tok = dv_xlex(p->s, p->len, p->tok.off + p->tok.len, p->err);
	if (p->tok.kind == DV_XT_ERROR) {
		p->failed = true;
		return false;
	}
	return true;
}

static dv_xnode *node(struct xp *p, dv_xkind kind, size_t off, dv_xnode *a,
		      dv_xnode *b)
{
	dv_xnode *x = dv_arena_alloc(p->arena, sizeof(*x));

	if (!x)
		return nomem(p);
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	x->off = (uint32_t)off;
	x->a = a;
	x->b = b;
	x->depth = 1 + (a ? a->depth : 0);
	if (b && b->depth >= x->depth)
		x->depth = b->depth + 1;
	if (x->depth > DV_EXPR_MAX_TREE)
		return fail_at(p, off, "%s", "expression is nested too deeply");
	return x;
}

/* The height of a node with a list below it. */
static bool list_depth(struct xp *p, dv_xnode *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (x->list[i]->depth >= x->depth)
			x->depth = x->list[i]->depth + 1;
	if (x->depth > DV_EXPR_MAX_TREE) {
		fail_at(p, x->off, "%s", "expression is nested too deeply");
		return false;
	}
	return true;
}

/* "unexpected ')'", naming what was expected. */
static dv_xnode *unexpected(struct xp *p, const char *expected)
{
	char msg[96];

	snprintf(msg, sizeof(msg), "expected %s, got %%s", expected);
	return fail_at(p, p->tok.off, msg, dv_xtok_name(p->tok.kind));
}

static dv_xnode *parse_or(struct xp *p);

static bool enter(struct xp *p)
{
	if (++p->depth > DV_EXPR_MAX_DEPTH) {
		fail_at(p, p->tok.off, "%s", "expression is nested too deeply");
		return false;
	}
	return true;
}

/* Arguments of a call or members of a list up to `close`. */
static bool parse_items(struct xp *p, dv_xtok close, dv_xnode *x,
			const char *what)
{
	dv_xnode *items[DV_EXPR_MAX_DEPTH * 4], **kept;
	size_t n = 0;

	if (p->tok.kind != close) {
		for (;;) {
			if (n == sizeof(items) / sizeof(items[0])) {
				fail_at(p, p->tok.off, "too many %s", what);
				return false;
			}
			items[n] = parse_or(p);
			if (!items[n++])
				return false;
			if (p->tok.kind != DV_XT_COMMA)
				break;
			if (!advance(p))
				return false;
		}
	}
	if (p->tok.kind != close) {
		unexpected(p, close == DV_XT_RPAREN ? "',' or ')'" : "',' or ']'");
		return false;
	}
	kept = dv_arena_array(p->arena, n ? n : 1, sizeof(*kept));
	if (!kept) {
		nomem(p);
		return false;
	}
	memcpy(kept, items, n * sizeof(*kept));
	x->list = kept;
	x->n = n;
	return list_depth(p, x) && advance(p);
}

/* A column name (plain or backquoted) or a function call. */
static dv_xnode *parse_name(struct xp *p)
{
	dv_xtoken t = p->tok;
	dv_xnode *x;
	char *name;

	if (!advance(p))
		return NULL;
	if (t.kind == DV_XT_IDENT && p->tok.kind == DV_XT_LPAREN) {
		x = node(p, DV_XK_CALL, t.off, NULL, NULL);
		if (!x || !advance(p) ||
		    !parse_items(p, DV_XT_RPAREN, x, "arguments"))
			return NULL;
		x->name = p->s + t.off;
		x->name_len = t.len;
		return x;
	}
	x = node(p, DV_XK_COL, t.off, NULL, NULL);
	if (!x)
		return NULL;
	if (t.kind == DV_XT_QIDENT) {
		name = dv_arena_alloc(p->arena, t.len);
		if (!name)
			return nomem(p);
		x->name_len = dv_xlex_string(p->s, &t, name);
		name[x->name_len] = '\0';
		x->name = name;
	} else {
		x->name = p->s + t.off;
		x->name_len = t.len;
	}
	return x;
}

static dv_xnode *literal(struct xp *p, dv_xtype t)
{
	dv_xnode *x = node(p, DV_XK_LIT, p->tok.off, NULL, NULL);

	if (!x)
		return NULL;
	x->lit.t = t;
	x->type = t;
	x->name = p->s + p->tok.off; /* the literal as written */
	x->name_len = p->tok.len;
	return x;
}

static dv_xnode *parse_literal(struct xp *p)
{
	dv_xtoken t = p->tok;
	dv_xnode *x;
	char *str;

	switch (t.kind) {
	case DV_XT_INT:
	case DV_XT_NUM:
		if (t.kind == DV_XT_INT && !t.big && t.u <= INT64_MAX) {
			x = literal(p, DV_X_INT);
			if (x)
				x->lit.i = (int64_t)t.u;
		} else {
			x = literal(p, DV_X_NUM);
			if (x)
				x->lit.d = t.kind == DV_XT_INT && !t.big ?
						   (double)t.u : t.d;
		}
		break;
	case DV_XT_DUR:
		x = literal(p, DV_X_DUR);
		if (x) {
			x->lit.i = t.ms / 1000;
			x->lit.ns = (int32_t)(t.ms % 1000) * 1000000;
		}
		break;
	case DV_XT_STR:
		x = literal(p, DV_X_STR);
		str = x ? dv_arena_alloc(p->arena, t.len) : NULL;
		if (x && !str)
			return nomem(p);
		if (x) {
			x->lit.len = dv_xlex_string(p->s, &t, str);
			str[x->lit.len] = '\0';
			x->lit.s = str;
			x->literal_text = true;
		}
		break;
	case DV_XT_TRUE:
	case DV_XT_FALSE:
		x = literal(p, DV_X_BOOL);
		if (x)
			x->lit.i = t.kind == DV_XT_TRUE;
		break;
	default:
		x = literal(p, DV_X_NULL);
		break;
	}
	if (!x || !advance(p))
		return NULL;
	return x;
}

static dv_xnode *parse_primary(struct xp *p)
{
	dv_xnode *x;

	switch (p->tok.kind) {
	case DV_XT_INT:
	case DV_XT_NUM:
	case DV_XT_DUR:
	case DV_XT_STR:
	case DV_XT_TRUE:
	case DV_XT_FALSE:
	case DV_XT_NULL:
		return parse_literal(p);
	case DV_XT_IDENT:
	case DV_XT_QIDENT:
		return parse_name(p);
	case DV_XT_LPAREN:
		if (!advance(p))
			return NULL;
		x = parse_or(p);
		if (!x)
			return NULL;
		if (p->tok.kind != DV_XT_RPAREN)
			return unexpected(p, "')'");
		return advance(p) ? x : NULL;
	default:
		return unexpected(p, "a value, a column or '('");
	}
}

/* Negate a numeric or duration literal in place (`-2e3`, `-30d`);
 * -9223372036854775808 is the smallest integer. */
static bool fold_neg(dv_xnode *x, const dv_xtoken *t)
{
	if (x->kind != DV_XK_LIT)
		return false;
	switch (x->lit.t) {
	case DV_X_INT:
		if (x->lit.i == INT64_MIN) {
			x->lit.t = x->type = DV_X_NUM;
			x->lit.d = 9223372036854775808.0;
			return true;
		}
		x->lit.i = -x->lit.i;
		return true;
	case DV_X_NUM:
		if (t->kind == DV_XT_INT && !t->big &&
		    t->u == (uint64_t)INT64_MAX + 1) {
			x->lit.t = x->type = DV_X_INT;
			x->lit.i = INT64_MIN;
			return true;
		}
		x->lit.d = -x->lit.d;
		return true;
	case DV_X_DUR:
		if (x->lit.ns) {
			x->lit.i = -x->lit.i - 1;
			x->lit.ns = 1000000000 - x->lit.ns;
		} else {
			x->lit.i = -x->lit.i;
		}
		return true;
	default:
		return false;
	}
}

static dv_xnode *parse_unary(struct xp *p)
{
	dv_xnode *x;
	dv_xtoken minus, operand;

	if (!enter(p))
		return NULL;
	if (p->tok.kind != DV_XT_MINUS) {
		x = parse_primary(p);
	} else {
		minus = p->tok;
		if (!advance(p))
			return NULL;
		operand = p->tok;
		x = parse_unary(p);
		/* a literal right after the sign folds into it */
		if (x && !(operand.off == x->off && x->kind == DV_XK_LIT &&
			   fold_neg(x, &operand)))
			x = node(p, DV_XK_NEG, minus.off, x, NULL);
		else if (x) {
			x->name_len += (size_t)(x->name - (p->s + minus.off));
			x->name = p->s + minus.off;
			x->off = (uint32_t)minus.off;
		}
	}
	p->depth--;
	return x;
}

static dv_xnode *parse_mul(struct xp *p)
{
	dv_xnode *x = parse_unary(p), *y;
	dv_xtok op;
	size_t off;

	while (x && (p->tok.kind == DV_XT_STAR || p->tok.kind == DV_XT_SLASH)) {
		op = p->tok.kind;
		off = p->tok.off;
		if (!advance(p) || !(y = parse_unary(p)))
			return NULL;
		x = node(p, op == DV_XT_STAR ? DV_XK_MUL : DV_XK_DIV, off, x, y);
	}
	return x;
}

static dv_xnode *parse_add(struct xp *p)
{
	dv_xnode *x = parse_mul(p), *y;
	dv_xtok op;
	size_t off;

	while (x && (p->tok.kind == DV_XT_PLUS || p->tok.kind == DV_XT_MINUS)) {
		op = p->tok.kind;
		off = p->tok.off;
		if (!advance(p) || !(y = parse_mul(p)))
			return NULL;
		x = node(p, op == DV_XT_PLUS ? DV_XK_ADD : DV_XK_SUB, off, x, y);
	}
	return x;
}

static bool is_cmp(dv_xtok k)
{
	return k == DV_XT_EQ || k == DV_XT_NE || k == DV_XT_LT ||
	       k == DV_XT_LE || k == DV_XT_GT || k == DV_XT_GE;
}

static dv_xkind cmp_kind(dv_xtok k)
{
	switch (k) {
	case DV_XT_EQ: return DV_XK_EQ;
	case DV_XT_NE: return DV_XK_NE;
	case DV_XT_LT: return DV_XK_LT;
	case DV_XT_LE: return DV_XK_LE;
	case DV_XT_GT: return DV_XK_GT;
	default: return DV_XK_GE;
	}
}

/* `in [..]` or `not in [..]` after x; the current token is `[`. */
static dv_xnode *parse_in(struct xp *p, dv_xnode *x, bool negated, size_t off)
{
	dv_xnode *y;

	if (p->tok.kind != DV_XT_LBRACK)
		return unexpected(p, "'[' after 'in'");
	y = node(p, negated ? DV_XK_NOTIN : DV_XK_IN, off, x, NULL);
	if (!y || !advance(p) || !parse_items(p, DV_XT_RBRACK, y, "list members"))
		return NULL;
	if (y->n == 0)
		return fail_at(p, off, "%s", "the list after 'in' is empty");
	return y;
}

/* One comparison; comparisons do not chain (`a < b < c` is an error). */
static dv_xnode *parse_cmp(struct xp *p)
{
	dv_xnode *x = parse_add(p), *y;
	dv_xtok op = p->tok.kind;
	size_t off = p->tok.off;

	if (!x)
		return NULL;
	if (is_cmp(op)) {
		if (!advance(p) || !(y = parse_add(p)))
			return NULL;
		x = node(p, cmp_kind(op), off, x, y);
	} else if (op == DV_XT_IS) {
		bool negated = false;

		if (!advance(p))
			return NULL;
		if (p->tok.kind == DV_XT_NOT) {
			negated = true;
			if (!advance(p))
				return NULL;
		}
		if (p->tok.kind != DV_XT_NULL)
			return unexpected(p, negated ? "'null' after 'is not'" :
						       "'null' or 'not null' after 'is'");
		if (!advance(p))
			return NULL;
		x = node(p, negated ? DV_XK_NOTNULL : DV_XK_ISNULL, off, x, NULL);
	} else if (op == DV_XT_IN) {
		if (!advance(p))
			return NULL;
		x = parse_in(p, x, false, off);
	} else if (op == DV_XT_NOT) {
		if (!advance(p))
			return NULL;
		if (p->tok.kind != DV_XT_IN)
			return unexpected(p, "'in' after 'not'");
		if (!advance(p))
			return NULL;
		x = parse_in(p, x, true, off);
	} else {
		return x;
	}
	if (x && (is_cmp(p->tok.kind) || p->tok.kind == DV_XT_IS ||
		  p->tok.kind == DV_XT_IN || p->tok.kind == DV_XT_NOT))
		return fail_at(p, p->tok.off, "%s",
			       "comparisons do not chain: join them with 'and' or use parentheses");
	return x;
}

static dv_xnode *parse_not(struct xp *p)
{
	dv_xnode *x;
	size_t off;

	if (!enter(p))
		return NULL;
	if (p->tok.kind == DV_XT_NOT) {
		off = p->tok.off;
		x = advance(p) ? parse_not(p) : NULL;
		if (x)
			x = node(p, DV_XK_NOT, off, x, NULL);
	} else {
		x = parse_cmp(p);
	}
	p->depth--;
	return x;
}

static dv_xnode *parse_and(struct xp *p)
{
	dv_xnode *x = parse_not(p), *y;
	size_t off;

	while (x && p->tok.kind == DV_XT_AND) {
		off = p->tok.off;
		if (!advance(p) || !(y = parse_not(p)))
			return NULL;
		x = node(p, DV_XK_AND, off, x, y);
	}
	return x;
}

static dv_xnode *parse_or(struct xp *p)
{
	dv_xnode *x, *y;
	size_t off;

	if (!enter(p))
		return NULL;
	x = parse_and(p);
	while (x && p->tok.kind == DV_XT_OR) {
		off = p->tok.off;
		if (!advance(p) || !(y = parse_and(p)))
			return NULL;
		x = node(p, DV_XK_OR, off, x, y);
	}
	p->depth--;
	return x;
}

dv_xnode *dv_expr_parse(dv_arena *arena, const char *s, size_t len,
			dv_xerr *err)
{
	struct xp p = { .arena = arena, .s = s, .len = len, .err = err };
	dv_xnode *x;

	memset(err, 0, sizeof(*err));
	if (!advance(&p))
		return NULL;
	if (p.tok.kind == DV_XT_END)
		return fail_at(&p, 0, "%s", "the expression is empty");
	x = parse_or(&p);
	if (x && p.tok.kind != DV_XT_END)
		return unexpected(&p, "an operator or the end of the expression");
	return p.failed ? NULL : x;
}

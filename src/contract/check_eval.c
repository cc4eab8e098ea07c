/*
 * The evaluate functions of the column-check table (colcheck_rows.h):
 * one compiled op against one typed, non-null value. They are the
 * per-record hot path: nothing here allocates. Each returns NULL when the
 * value passes, else the message tail: op->detail, static text, or a
 * message that names the value's figures written into v->msg.
 */
#include <stdio.h>
#include <string.h>

#include "contract/colcheck.h"
#include "value/decimal.h"
#include "value/figure.h"
#include "util/utf8.h"

/*
 * A value against a bound: <0, 0, >0, as dv_typed_cmp() orders them,
 * written out here so that each bound's evaluate function compiles to
 * straight-line code. A number column's value compares by double first,
 * and when the doubles tie, by the exact values of the two texts (a
 * value and a bound that round to the same double may still differ).
 */
static inline int bound_cmp(const dv_op *op, const dv_opval *v)
{
	const dv_typed *t = v->t, *b = &op->u.bound;

	switch (v->type) {
	case DV_T_NUMBER:
		if (t->d != b->d)
			return t->d > b->d ? 1 : -1;
		if (v->s && op->arg)
			return dv_dec_cmp(v->s, v->len, op->arg, strlen(op->arg));
		return 0;
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (t->i != b->i)
			return t->i > b->i ? 1 : -1;
		return (t->ns > b->ns) - (t->ns < b->ns);
	default:
		return (t->i > b->i) - (t->i < b->i);
	}
}

const char *dv_ev_minimum(const dv_op *op, const dv_opval *v)
{
	return bound_cmp(op, v) >= 0 ? NULL : op->detail;
}

const char *dv_ev_maximum(const dv_op *op, const dv_opval *v)
{
	return bound_cmp(op, v) <= 0 ? NULL : op->detail;
}

const char *dv_ev_exclusive_minimum(const dv_op *op, const dv_opval *v)
{
	return bound_cmp(op, v) > 0 ? NULL : op->detail;
}

const char *dv_ev_exclusive_maximum(const dv_op *op, const dv_opval *v)
{
	return bound_cmp(op, v) < 0 ? NULL : op->detail;
}

/* Lengths count code points; the byte length settles most values. */
const char *dv_ev_min_length(const dv_op *op, const dv_opval *v)
{
	return op->u.length <= v->len &&
	       dv_utf8_count(v->s, v->len) >= op->u.length ? NULL : op->detail;
}

const char *dv_ev_max_length(const dv_op *op, const dv_opval *v)
{
	return v->len <= op->u.length ||
	       dv_utf8_count(v->s, v->len) <= op->u.length ? NULL : op->detail;
}

static bool enum_has_string(const dv_enum *en, const char *s, size_t len)
{
	size_t lo = 0, hi = en->n, mid, n;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		n = en->str_len[mid] < len ? en->str_len[mid] : len;
		c = memcmp(en->str[mid], s, n);
		if (c == 0)
			c = en->str_len[mid] < len ? -1 : en->str_len[mid] > len;
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool enum_has_typed(const dv_enum *en, dv_type type, const dv_typed *t)
{
	size_t lo = 0, hi = en->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = dv_typed_cmp(type, &en->typed[mid], t);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

const char *dv_ev_enum(const dv_op *op, const dv_opval *v)
{
	bool in = v->type == DV_T_STRING ?
			  enum_has_string(op->u.en, v->s, v->len) :
			  enum_has_typed(op->u.en, v->type, v->t);

	return in ? NULL : op->detail;
}

const char *dv_ev_format(const dv_op *op, const dv_opval *v)
{
	return dv_strfmt_check(op->u.strfmt, v->s, v->len) ? NULL : op->detail;
}

/*
 * A pattern match. A JIT-compiled pattern goes straight to
 * pcre2_jit_match() (pcre2jit(3): the fast path, without pcre2_match()'s
 * option checks; the values were checked as UTF-8 by the reader, which
 * PCRE2_NO_UTF_CHECK also says on the other path). A JIT match that
 * overflows the JIT's stack is run again by the interpreter. On a failure
 * other than "no match" the message says that the value was not checked.
 */
const char *dv_ev_pattern(const dv_op *op, const dv_opval *v)
{
	const dv_pattern *re = op->u.re;
	int rc = re->jit ? pcre2_jit_match(re->code, (PCRE2_SPTR)v->s, v->len,
					   0, 0, v->md, re->mctx)
			 : pcre2_match(re->code, (PCRE2_SPTR)v->s, v->len, 0,
				       PCRE2_NO_UTF_CHECK, v->md, re->mctx);

	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(re->code, (PCRE2_SPTR)v->s, v->len, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, v->md,
				 re->mctx);
	if (rc >= 0)
		return NULL;
	switch (rc) {
	case PCRE2_ERROR_NOMATCH:
		return op->detail;
	case PCRE2_ERROR_MATCHLIMIT:
		return "was not checked: pattern match gave up after "
			  DV_PATTERN_STR(DV_PATTERN_MATCH_LIMIT)
			  " steps (the match limit)";
	case PCRE2_ERROR_DEPTHLIMIT:
		return "was not checked: pattern match gave up at backtracking depth "
			  DV_PATTERN_STR(DV_PATTERN_DEPTH_LIMIT)
			  " (the depth limit)";
	case PCRE2_ERROR_NOMEMORY:
	case PCRE2_ERROR_HEAPLIMIT:
		return "was not checked: pattern match gave up (out of memory)";
	default:
		return "was not checked: pattern match failed";
	}
}

/* Vectors: dv_typed i = elements, ns = first element beyond the double
 * range (1-based, 0: none), d = norm (types.h). */

const char *dv_ev_dimension(const dv_op *op, const dv_opval *v)
{
	uint64_t n = (uint64_t)v->t->i;

	if (n == op->u.length)
		return NULL;
	snprintf(v->msg, v->msg_cap, "has %llu element%s, not %s",
		 (unsigned long long)n, n == 1 ? "" : "s", op->arg);
	return v->msg;
}

const char *dv_ev_finite(const dv_op *op, const dv_opval *v)
{
	(void)op;
	if (v->t->ns == 0)
		return NULL;
	snprintf(v->msg, v->msg_cap,
		 "element %ld is beyond the range of a double",
		 (long)v->t->ns);
	return v->msg;
}

/* A vector with an element beyond the double range has no norm: its
 * norm check is skipped (`finite` reports the element). */
const char *dv_ev_norm(const dv_op *op, const dv_opval *v)
{
	char fig[DV_FIGURE_MAX];
	double x = v->t->d, shown;
	const char *side, *bound;

	if (v->t->ns != 0)
		return NULL;
	if (op->u.range.has_lo && x < op->u.range.lo) {
		side = "below";
		bound = op->u.range.lo_text;
	} else if (op->u.range.has_hi && x > op->u.range.hi) {
		side = "above";
		bound = op->u.range.hi_text;
	} else {
		return NULL;
	}
	/* six digits, unless they would round onto the bound */
	dv_figure(x, fig);
	if (dv_parse_number(fig, strlen(fig), &shown) &&
	    (side[0] == 'a' ? shown <= op->u.range.hi : shown >= op->u.range.lo))
		dv_format_double(x, fig, sizeof(fig));
	snprintf(v->msg, v->msg_cap, "norm %s is %s %s", fig, side, bound);
	return v->msg;
}

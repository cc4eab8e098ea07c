/*
 * A boolean column's true/false lists, and the compile functions of the
 * format, length and bound rows of the column-check table
 * (colcheck_rows.h).
 */
#include <stdio.h>
#include <string.h>

#include "contract/colcheck.h"
#include "contract/compile.h"
#include "contract/suggest.h"
#include "value/decimal.h"

/* The engine's defaults when a boolean column gives no list (spec Types). */
static const char *const default_true[] = { "true", "True", "TRUE", "1" };
static const char *const default_false[] = { "false", "False", "FALSE", "0" };

/* The four bound keys, their rules, and their message tails. */
static const struct {
	const char *key;
	dv_rule rule;
	const char *detail;
} bound_ops[4] = {
	{ "minimum", DV_R_MINIMUM, "is less than the minimum" },
	{ "maximum", DV_R_MAXIMUM, "is greater than the maximum" },
	{ "exclusive_minimum", DV_R_EXCLUSIVE_MINIMUM,
	  "is not greater than the exclusive minimum" },
	{ "exclusive_maximum", DV_R_EXCLUSIVE_MAXIMUM,
	  "is not less than the exclusive maximum" },
};

/* Pairs of bounds (indexes into bound_ops) that must leave a range. */
static const struct {
	int lo;
	int hi;
	bool strict; /* lo == hi is already empty */
} bound_pairs[] = {
	{ 0, 1, false },
	{ 0, 3, true },
	{ 2, 1, true },
	{ 2, 3, true },
};

/* A true_values / false_values list: a non-empty sequence of strings. */
static dcval_status cc_bool_list(struct dv_cc *cc, struct dv_colsrc *src,
				 enum dv_colkey key, const char *const **out,
				 size_t *n_out)
{
	const dv_ynode *n = src->k[key];
	char what[DV_CC_SHOWBUF + 32];
	const char **v;
	size_t i;

	snprintf(what, sizeof(what), "'%s' of column '%s'",
		 key == DV_CK_TRUE_VALUES ? "true_values" : "false_values",
		 src->col->name);
	if (dv_cc_want(cc, n, DV_Y_SEQ, what))
		return DCVAL_ECONTRACT;
	if (n->n == 0)
		return dv_cc_fail(cc, n, "%s must not be empty", what);
	v = dv_arena_array(&cc->c->arena, n->n, sizeof(*v));
	if (!v)
		return dv_cc_nomem(cc);
	for (i = 0; i < n->n; i++) {
		if (dv_cc_string(cc, n->items[i], what))
			return DCVAL_ECONTRACT;
		v[i] = dv_cc_strdup(cc, n->items[i]);
		if (!v[i])
			return DCVAL_ENOMEM;
	}
	*out = v;
	*n_out = n->n;
	return DCVAL_OK;
}

/* No text may be both true and false (against the defaults when one list
 * is not given). */
static dcval_status cc_bool_overlap(struct dv_cc *cc,
				    const struct dv_colsrc *src,
				    const char *const *t, size_t nt,
				    const char *const *f, size_t nf)
{
	const dv_ynode *at;
	char show[DV_CC_SHOWBUF];
	size_t i, j;

	for (i = 0; i < nt; i++) {
		for (j = 0; j < nf; j++) {
			if (strcmp(t[i], f[j]) != 0)
				continue;
			at = src->k[DV_CK_FALSE_VALUES] ?
				src->k[DV_CK_FALSE_VALUES]->items[j] :
				src->k[DV_CK_TRUE_VALUES]->items[i];
			return dv_cc_fail(cc, at,
					  "'%s' is both a true and a false value of column '%s'",
					  dv_cc_show(show, t[i], strlen(t[i])),
					  src->col->name);
		}
	}
	return DCVAL_OK;
}

dcval_status dv_cc_bool_lists(struct dv_cc *cc, struct dv_colsrc *src)
{
	dv_column *col = src->col;
	const char *const *t = default_true, *const *f = default_false;
	size_t nt = 4, nf = 4;

	if (col->type != DV_T_BOOLEAN) {
		if (src->k[DV_CK_TRUE_VALUES])
			return dv_cc_not_for(cc, src, src->k[DV_CK_TRUE_VALUES],
					     "true_values");
		if (src->k[DV_CK_FALSE_VALUES])
			return dv_cc_not_for(cc, src, src->k[DV_CK_FALSE_VALUES],
					     "false_values");
		return DCVAL_OK;
	}
	if (src->k[DV_CK_TRUE_VALUES] &&
	    cc_bool_list(cc, src, DV_CK_TRUE_VALUES, &col->true_values,
			 &col->n_true))
		return cc->err->status;
	if (src->k[DV_CK_FALSE_VALUES] &&
	    cc_bool_list(cc, src, DV_CK_FALSE_VALUES, &col->false_values,
			 &col->n_false))
		return cc->err->status;
	if (!col->n_true && !col->n_false)
		return DCVAL_OK;
	if (col->n_true) {
		t = col->true_values;
		nt = col->n_true;
	}
	if (col->n_false) {
		f = col->false_values;
		nf = col->n_false;
	}
	return cc_bool_overlap(cc, src, t, nt, f, nf);
}

/* `format` on a date, datetime or time column: a strptime-style pattern
 * whose directives are known, fit the type and set each field once. */
static dcval_status cc_time_format(struct dv_cc *cc, struct dv_colsrc *src,
				     const dv_ynode *n)
{
	const dv_column *col = src->col;
	char show[DV_CC_SHOWBUF], dir[DV_CC_SHOWBUF], was[DV_CC_SHOWBUF];
	const char *bad = NULL, *first = NULL;
	dv_fmt_problem why = DV_FMTP_UNKNOWN;

	if (n->len > 0 && strlen(n->text) == n->len) {
		why = dv_format_pattern_check(n->text, col->type, &bad, &first);
		if (why == DV_FMTP_OK) {
			src->col->time_format = dv_cc_strdup(cc, n);
			return src->col->time_format ? DCVAL_OK : DCVAL_ENOMEM;
		}
	}
	dv_cc_shown(show, n);
	if (!bad)
		return dv_cc_fail(cc, n, "invalid format '%s' for column '%s'",
				  show, col->name);
	dv_cc_show(dir, bad, bad[0] && bad[1] ? 2 : strlen(bad));
	switch (why) {
	case DV_FMTP_FOREIGN:
		return dv_cc_fail(cc, n,
				  "invalid format '%s' for column '%s': directive '%s' does not apply to %s",
				  show, col->name, dir,
				  dv_type_article(col->type));
	case DV_FMTP_REPEATED:
		if (bad[1] == first[1])
			return dv_cc_fail(cc, n,
					  "invalid format '%s' for column '%s': directive '%s' is repeated",
					  show, col->name, dir);
		return dv_cc_fail(cc, n,
				  "invalid format '%s' for column '%s': directive '%s' sets the %s again (after '%s')",
				  show, col->name, dir,
				  dv_format_field_name(bad, first),
				  dv_cc_show(was, first, 2));
	default:
		return dv_cc_fail(cc, n,
				  "invalid format '%s' for column '%s': unknown directive '%s'",
				  show, col->name, dir);
	}
}

/* `format` on a string column: a dv_strfmt, checked by a format op. */
static dcval_status cc_str_format(struct dv_cc *cc, struct dv_colsrc *src,
				  const dv_ynode *n, dv_op *op)
{
	const char *names[DV_FMT_COUNT], *hint = NULL;
	char show[DV_CC_SHOWBUF];
	size_t i;

	if (n->kind == DV_Y_SCALAR && strlen(n->text) == n->len &&
	    dv_strfmt_parse(n->text, &op->u.strfmt)) {
		op->arg = dv_strfmt_name(op->u.strfmt);
		op->detail = dv_cc_printf(cc, "is not a valid %s", op->arg);
		return op->detail ? DCVAL_OK : DCVAL_ENOMEM;
	}
	for (i = 0; i < DV_FMT_COUNT; i++)
		names[i] = dv_strfmt_name((dv_strfmt)i);
	if (n->kind == DV_Y_SCALAR && strlen(n->text) == n->len)
		hint = dv_suggest(n->text, names, DV_FMT_COUNT);
	dv_cc_shown(show, n);
	if (hint)
		return dv_cc_fail(cc, n,
				  "unknown format '%s' for column '%s' (did you mean '%s'?)",
				  show, src->col->name, hint);
	return dv_cc_fail(cc, n,
			  "unknown format '%s' for column '%s': expected email, uuid, uri, ipv4, ipv6 or hostname",
			  show, src->col->name);
}

/* Row `format`: a string format op, or (date, datetime, time) the
 * column's time format, which is no op. */
dcval_status dv_cc_format(struct dv_cc *cc, struct dv_colsrc *src,
			  const dv_ynode *value, dv_op *op)
{
	char what[DV_CC_SHOWBUF + 32];

	if (!value)
		return DCVAL_OK;
	snprintf(what, sizeof(what), "'format' of column '%s'", src->col->name);
	if (dv_cc_string(cc, value, what))
		return DCVAL_ECONTRACT;
	if (src->col->type == DV_T_STRING)
		return cc_str_format(cc, src, value, op);
	return cc_time_format(cc, src, value);
}

/* Rows `min_length` and `max_length`; max_length also checks that the
 * two leave a range (min_length's row comes first). */
dcval_status dv_cc_length(struct dv_cc *cc, struct dv_colsrc *src,
			  const dv_ynode *value, dv_op *op)
{
	bool is_min = op->rule == DV_R_MIN_LENGTH;
	const char *name = is_min ? "min_length" : "max_length";
	const dv_ynode *lo = src->ck[DV_R_MIN_LENGTH];
	const dv_op *lo_op = &src->ops[DV_R_MIN_LENGTH];
	char where[DV_CC_SHOWBUF + 32];

	if (!value)
		return DCVAL_OK;
	snprintf(where, sizeof(where), " for column '%s'", src->col->name);
	if (dv_cc_count(cc, value, name, where, &op->u.length))
		return DCVAL_ECONTRACT;
	op->arg = dv_cc_printf(cc, "%llu", (unsigned long long)op->u.length);
	if (!op->arg)
		return DCVAL_ENOMEM;
	op->detail = dv_cc_printf(cc, "is %s than %s characters",
				  is_min ? "shorter" : "longer", op->arg);
	if (!op->detail)
		return DCVAL_ENOMEM;
	if (!is_min && lo && lo_op->u.length > op->u.length)
		return dv_cc_fail(cc, dv_cc_later(lo, value),
				  "min_length %s is greater than max_length %s in column '%s'",
				  lo_op->arg, op->arg, src->col->name);
	return DCVAL_OK;
}

/* A bound of an integer or number column from a YAML integer or float.
 * Returns false with the error set. */
static bool cc_bound_number(struct dv_cc *cc, const dv_ynode *n,
			    const char *key, const dv_column *col,
			    dv_typed *out)
{
	char show[DV_CC_SHOWBUF];
	bool finite;
	double d;

	dv_cc_shown(show, n);
	if (!dv_ycore_double(n->text, n->len, &d, &finite)) {
		dv_cc_fail(cc, n, "bound %s is beyond the range of %s column '%s'",
			   show, dv_type_name(col->type), col->name);
		return false;
	}
	if (!finite) {
		dv_cc_fail(cc, n, "'%s' must be a finite number for column '%s', got '%s'",
			   key, col->name, show);
		return false;
	}
	if (col->type == DV_T_NUMBER) {
		out->d = d;
		return true;
	}
	if (n->type == DV_YS_INT && dv_ycore_int(n->text, n->len, &out->i))
		return true;
	dv_cc_fail(cc, n, "bound %s does not fit integer column '%s'", show,
		   col->name);
	return false;
}

/* Parse one bound as the column's type: integer and number columns take
 * YAML integers and floats (finite), date, datetime and time columns
 * strings in ISO form. */
static dcval_status cc_bound_value(struct dv_cc *cc, struct dv_colsrc *src,
				   int which, dv_typed *out)
{
	const dv_ynode *n = src->ck[bound_ops[which].rule];
	const char *key = bound_ops[which].key;
	const dv_column *col = src->col;
	char got[DV_CC_GOTBUF], show[DV_CC_SHOWBUF];
	bool ok = false;

	memset(out, 0, sizeof(*out));
	switch (col->type) {
	case DV_T_INTEGER:
	case DV_T_NUMBER:
		if (dv_ynode_is(n, DV_YS_INT) || dv_ynode_is(n, DV_YS_FLOAT))
			return cc_bound_number(cc, n, key, col, out) ?
				DCVAL_OK : cc->err->status;
		break;
	case DV_T_DATE:
	case DV_T_DATETIME:
	case DV_T_TIME:
		ok = dv_ynode_is(n, DV_YS_STR) &&
		     dv_cc_parse_iso(col->type, n->text, n->len, out);
		break;
	default: /* the row's type mask keeps other types out */
		break;
	}
	if (ok)
		return DCVAL_OK;
	/* a date is written as a string: no need to say that it is one */
	if (dv_ynode_is(n, DV_YS_STR) && col->type != DV_T_INTEGER &&
	    col->type != DV_T_NUMBER)
		snprintf(got, sizeof(got), "'%s'", dv_cc_shown(show, n));
	else
		dv_cc_got(got, n);
	return dv_cc_fail(cc, n, "'%s' must be %s for column '%s', got %s",
			  key, dv_type_article(col->type), col->name, got);
}

/* The bound as shown in messages: as written, but a 0o / 0x integer in
 * decimal. */
static const char *cc_bound_arg(struct dv_cc *cc, const dv_ynode *n,
				const dv_column *col, const dv_typed *v)
{
	char buf[32];

	if (n->type != DV_YS_INT || n->len < 2 || n->text[0] != '0' ||
	    (n->text[1] != 'o' && n->text[1] != 'x'))
		return dv_cc_strdup(cc, n);
	if (col->type == DV_T_INTEGER)
		return dv_cc_printf(cc, "%lld", (long long)v->i);
	if (!dv_format_double(v->d, buf, sizeof(buf)))
		return dv_cc_strdup(cc, n);
	return dv_cc_printf(cc, "%s", buf);
}

/* The bounds leave no value: lo > hi, or lo >= hi for an exclusive one,
 * or two exclusive integer bounds with nothing between them. */
static dcval_status cc_bounds_range(struct dv_cc *cc,
				    const struct dv_colsrc *src)
{
	const dv_op *ops[4] = {
		&src->ops[DV_R_MINIMUM], &src->ops[DV_R_MAXIMUM],
		&src->ops[DV_R_EXCLUSIVE_MINIMUM],
		&src->ops[DV_R_EXCLUSIVE_MAXIMUM],
	};
	const dv_column *col = src->col;
	size_t i;

	for (i = 0; i < sizeof(bound_pairs) / sizeof(bound_pairs[0]); i++) {
		int lo = bound_pairs[i].lo, hi = bound_pairs[i].hi, r;
		const dv_ynode *a = src->ck[bound_ops[lo].rule];
		const dv_ynode *b = src->ck[bound_ops[hi].rule];

		if (!a || !b)
			continue;
		r = dv_typed_cmp(col->type, &ops[lo]->u.bound, &ops[hi]->u.bound);
		/* number bounds that round to one double: their exact values */
		if (r == 0 && col->type == DV_T_NUMBER)
			r = dv_dec_cmp(ops[lo]->arg, strlen(ops[lo]->arg),
				       ops[hi]->arg, strlen(ops[hi]->arg));
		if (r > 0 || (r == 0 && bound_pairs[i].strict))
			return dv_cc_fail(cc, dv_cc_later(a, b),
					  "%s %s is %s %s %s in column '%s'",
					  bound_ops[lo].key,
					  ops[lo]->arg,
					  bound_pairs[i].strict ?
						  "not less than" : "greater than",
					  bound_ops[hi].key,
					  ops[hi]->arg, col->name);
		if (col->type == DV_T_INTEGER && lo == 2 && hi == 3 &&
		    ops[lo]->u.bound.i + 1 >= ops[hi]->u.bound.i)
			return dv_cc_fail(cc, dv_cc_later(a, b),
					  "exclusive_minimum %s and exclusive_maximum %s leave no integer in column '%s'",
					  ops[lo]->arg, ops[hi]->arg, col->name);
	}
	return DCVAL_OK;
}

/* Rows `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`.
 * The last of them (called whether or not its key is given) checks that
 * the bounds given leave a range. */
dcval_status dv_cc_bound(struct dv_cc *cc, struct dv_colsrc *src,
			 const dv_ynode *value, dv_op *op)
{
	char show[DV_CC_SHOWBUF];
	int i = 0;

	while (i < 3 && bound_ops[i].rule != op->rule)
		i++;
	if (value) {
		if (cc_bound_value(cc, src, i, &op->u.bound))
			return cc->err->status;
		op->arg = cc_bound_arg(cc, value, src->col, &op->u.bound);
		if (!op->arg)
			return DCVAL_ENOMEM;
		op->detail = dv_cc_printf(cc, "%s %s", bound_ops[i].detail,
					  dv_cc_show(show, op->arg,
						     strlen(op->arg)));
		if (!op->detail)
			return DCVAL_ENOMEM;
	}
	if (op->rule == DV_R_EXCLUSIVE_MAXIMUM)
		return cc_bounds_range(cc, src);
	return DCVAL_OK;
}

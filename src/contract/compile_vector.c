/*
 * The compile functions of the vector rows of the column-check table:
 * dimension (exact element count), finite (default true) and norm
 * ({minimum, maximum}, inclusive, Euclidean).
 */
#include <stdio.h>
#include <string.h>

#include "contract/colcheck.h"
#include "contract/compile.h"

/* Row `dimension`: a non-negative integer. The message names the count
 * found, so it is made per violation (check_eval.c); op->detail is the
 * fallback. */
dcval_status dv_cc_dimension(struct dv_cc *cc, struct dv_colsrc *src,
			     const dv_ynode *value, dv_op *op)
{
	char where[DV_CC_SHOWBUF + 32];

	if (!value)
		return DCVAL_OK;
	snprintf(where, sizeof(where), " for column '%s'", src->col->name);
	if (dv_cc_count(cc, value, "dimension", where, &op->u.length))
		return DCVAL_ECONTRACT;
	op->arg = dv_cc_printf(cc, "%llu", (unsigned long long)op->u.length);
	if (!op->arg)
		return DCVAL_ENOMEM;
	op->detail = dv_cc_printf(cc, "does not have %s elements", op->arg);
	return op->detail ? DCVAL_OK : DCVAL_ENOMEM;
}

/* Row `finite`: true (the default, also when the key is absent) keeps the
 * check, false drops it. */
dcval_status dv_cc_finite(struct dv_cc *cc, struct dv_colsrc *src,
			  const dv_ynode *value, dv_op *op)
{
	char what[DV_CC_SHOWBUF + 32];
	bool on = true;

	snprintf(what, sizeof(what), "'finite' of column '%s'", src->col->name);
	if (value && dv_cc_bool(cc, value, what, &on))
		return DCVAL_ECONTRACT;
	if (!on)
		return DCVAL_OK;
	op->arg = "true";
	op->detail = "has an element beyond the range of a double";
	return DCVAL_OK;
}

/* One bound of `norm`: a finite, non-negative YAML integer or float. */
static dcval_status norm_bound(struct dv_cc *cc, const struct dv_colsrc *src,
			       const dv_ynode *n, const char *key, double *out,
			       const char **text)
{
	char got[DV_CC_GOTBUF];
	bool finite = false;

	if ((dv_ynode_is(n, DV_YS_INT) || dv_ynode_is(n, DV_YS_FLOAT)) &&
	    dv_ycore_double(n->text, n->len, out, &finite) && finite &&
	    *out >= 0) {
		*text = dv_cc_strdup(cc, n);
		return *text ? DCVAL_OK : DCVAL_ENOMEM;
	}
	return dv_cc_fail(cc, n,
			  "'%s' of 'norm' of column '%s' must be a finite non-negative number, got %s",
			  key, src->col->name, dv_cc_got(got, n));
}

/* Row `norm`: a mapping of minimum and/or maximum, minimum not above
 * maximum. */
dcval_status dv_cc_norm(struct dv_cc *cc, struct dv_colsrc *src,
			const dv_ynode *value, dv_op *op)
{
	static const char *const keys[] = { "minimum", "maximum" };
	static const struct dv_keytable ks = { keys, 2, 0 };
	const dv_ynode *slot[2] = { NULL, NULL };
	char what[DV_CC_SHOWBUF + 32];

	if (!value)
		return DCVAL_OK;
	snprintf(what, sizeof(what), "'norm' of column '%s'", src->col->name);
	if (dv_cc_want(cc, value, DV_Y_MAP, what) ||
	    dv_cc_keys(cc, value, &ks, slot))
		return DCVAL_ECONTRACT;
	if (!slot[0] && !slot[1])
		return dv_cc_fail(cc, value,
				  "%s needs a minimum, a maximum or both", what);
	op->u.range.has_lo = slot[0] != NULL;
	op->u.range.has_hi = slot[1] != NULL;
	if (slot[0] && norm_bound(cc, src, slot[0], "minimum",
				  &op->u.range.lo, &op->u.range.lo_text))
		return cc->err->status;
	if (slot[1] && norm_bound(cc, src, slot[1], "maximum",
				  &op->u.range.hi, &op->u.range.hi_text))
		return cc->err->status;
	if (slot[0] && slot[1] && op->u.range.lo > op->u.range.hi)
		return dv_cc_fail(cc, dv_cc_later(slot[0], slot[1]),
				  "norm minimum %s is greater than norm maximum %s in column '%s'",
				  op->u.range.lo_text, op->u.range.hi_text,
				  src->col->name);
	op->arg = dv_cc_printf(cc, "%s%s%s%s%s",
			       slot[0] ? "minimum=" : "",
			       slot[0] ? op->u.range.lo_text : "",
			       slot[0] && slot[1] ? " " : "",
			       slot[1] ? "maximum=" : "",
			       slot[1] ? op->u.range.hi_text : "");
	if (!op->arg)
		return DCVAL_ENOMEM;
	op->detail = "has a norm out of range";
	return DCVAL_OK;
}

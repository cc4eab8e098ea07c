/*
 * The column-check table and its walk over one column: every row whose
 * type mask holds the column's type compiles (perhaps to nothing); a row's
 * key on any other type is a contract error. The ops kept are stored in
 * the rows' run order.
 */
#include "contract/colcheck.h"
#include "contract/compile.h"

static const struct dv_colcheck rows[] = {
#define DV_COLCHECK(key, rule, types, compile, evaluate, order) \
	{ key, rule, types, compile, evaluate, order },
#include "contract/colcheck_rows.h"
#undef DV_COLCHECK
};

#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

_Static_assert(N_ROWS <= DV_CHECK_MAX, "raise DV_CHECK_MAX");
_Static_assert(DV_T_COUNT <= 32, "type masks are 32 bits");

const struct dv_colcheck *dv_colchecks(size_t *n)
{
	*n = N_ROWS;
	return rows;
}

/* The ops that compiled, by ascending row order, into the contract arena. */
static dcval_status keep_ops(struct dv_cc *cc, struct dv_colsrc *src)
{
	size_t idx[DV_CHECK_MAX];
	size_t i, j, n = 0;
	dv_op *ops;

	for (i = 0; i < N_ROWS; i++) {
		if (!src->ops[rows[i].rule].detail)
			continue;
		for (j = n; j > 0 && rows[idx[j - 1]].order > rows[i].order; j--)
			idx[j] = idx[j - 1];
		idx[j] = i;
		n++;
	}
	ops = dv_arena_array(&cc->c->arena, n ? n : 1, sizeof(*ops));
	if (!ops)
		return dv_cc_nomem(cc);
	for (j = 0; j < n; j++)
		ops[j] = src->ops[rows[idx[j]].rule];
	src->col->ops = ops;
	src->col->n_ops = n;
	return DCVAL_OK;
}

dcval_status dv_cc_checks(struct dv_cc *cc, struct dv_colsrc *src)
{
	unsigned mask = DV_TM(src->col->type);
	size_t i;

	if (dv_cc_bool_lists(cc, src))
		return cc->err->status;
	for (i = 0; i < N_ROWS; i++) {
		const struct dv_colcheck *r = &rows[i];
		const dv_ynode *value = src->ck[r->rule];
		dv_op *op = &src->ops[r->rule];

		if (!(r->types & mask)) {
			if (value)
				return dv_cc_not_for(cc, src, value, r->key);
			continue;
		}
		op->rule = r->rule;
		op->eval = r->evaluate;
		if (r->compile(cc, src, value, op))
			return cc->err->status;
	}
	return keep_ops(cc, src);
}

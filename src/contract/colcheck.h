/*
 * Column checks: one table (colcheck_rows.h) of {contract key, rule id,
 * types, compile, evaluate, order}. The compiler walks it for every
 * column (dv_cc_checks); the engine runs each compiled op's evaluate
 * function (dv_op.eval). The evaluate functions live in this folder
 * (check_eval.c) because the table that names them does: they are pure
 * functions of a compiled op and one typed value, and the engine is
 * above the contract.
 */
#ifndef DV_CONTRACT_COLCHECK_H
#define DV_CONTRACT_COLCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "contract/contract_impl.h"
#include "contract/ytree.h"
#include "dcval/dcval.h"

struct dv_cc;
struct dv_colsrc;

/* Type masks. */
#define DV_TM(t) (1u << (t))
#define DV_TM_STRING DV_TM(DV_T_STRING)
#define DV_TM_TEMPORAL (DV_TM(DV_T_DATE) | DV_TM(DV_T_DATETIME) | DV_TM(DV_T_TIME))
#define DV_TM_ORDERED (DV_TM(DV_T_INTEGER) | DV_TM(DV_T_NUMBER) | DV_TM_TEMPORAL)
#define DV_TM_SCALAR (DV_TM_STRING | DV_TM_ORDERED | DV_TM(DV_T_BOOLEAN))
#define DV_TM_VECTOR DV_TM(DV_T_VECTOR)

typedef dcval_status (*dv_check_compile)(struct dv_cc *cc,
					  struct dv_colsrc *src,
					  const dv_ynode *value, dv_op *op);

/* One row of the table. */
struct dv_colcheck {
	const char *key;          /* contract key */
	dv_rule rule;             /* rule id of its violations */
	unsigned types;           /* DV_TM_* mask */
	dv_check_compile compile;
	dv_op_eval evaluate;
	unsigned order;           /* run order, ascending */
};

/* Most rows the table may have (a build-time check in colcheck.c). */
#define DV_CHECK_MAX 24

/* Every row's compile and evaluate function. */
#define DV_COLCHECK(key, rule, types, compile, evaluate, order)         \
	dcval_status compile(struct dv_cc *cc, struct dv_colsrc *src,   \
			     const dv_ynode *value, dv_op *op);         \
	const char *evaluate(const dv_op *op, const dv_opval *v);
#include "contract/colcheck_rows.h"
#undef DV_COLCHECK

/* The table: *n gets its number of rows. */
const struct dv_colcheck *dv_colchecks(size_t *n);

#endif

/*
 * Cross-field rules at run time: the evaluator of a compiled expression
 * tree (contract/expr.h) over one record's values, and the per-record
 * check of every rule (rules.c). Nothing is allocated per record:
 * strings point into the record, lower()/upper() are applied lazily when
 * strings are compared, and the violation's value text is built in the
 * validator's reused buffer.
 */
#ifndef DV_ENGINE_RULES_H
#define DV_ENGINE_RULES_H

#include <stdbool.h>

#include "contract/expr.h"
#include "engine/engine.h"
#include "value/types.h"

/* What an expression sees: one record's values by column index. */
typedef struct dv_xenv {
	const dv_value *values;   /* the record's values */
	const dv_typed *typed;    /* typed values, valid where has_typed */
	const bool *has_typed;    /* not null and passed the type check */
	int64_t now_secs;         /* now(): the run's now */
	int32_t now_ns;
} dv_xenv;

/* Evaluate x into *out (DV_X_NULL when null). */
void dv_expr_eval(const dv_xnode *x, const dv_xenv *env, dv_xval *out);

/* Compare two non-null values of comparable types: <0, 0, >0. */
int dv_xval_cmp(const dv_xval *a, const dv_xval *b);

#endif

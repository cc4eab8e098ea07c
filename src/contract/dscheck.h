/*
 * Compiled dataset checks (contract.md "Dataset checks" [2]): one
 * dv_dscol per `dataset.columns` entry, in contract order, and the
 * `dataset.freshness` check. compile_dataset.c builds them, the engine
 * (engine/dsstats.c) measures and reports them after the last record.
 */
#ifndef DV_CONTRACT_DSCHECK_H
#define DV_CONTRACT_DSCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"

/* A limit as a number and as the contract wrote it (for messages). */
typedef struct dv_dslimit {
	bool set;          /* the key was given */
	double value;      /* fractions, shares, mean bounds */
	uint64_t count;    /* min_distinct, max_distinct */
	const char *arg;   /* as written (a 0o / 0x integer in decimal) */
} dv_dslimit;

/* One `dataset.columns` entry. */
typedef struct dv_dscol {
	size_t column;                 /* index in dcval_contract.columns */
	dcval_severity severity;       /* the entry's `severity`, default error */
	dv_dslimit max_null_fraction;  /* in [0, 1] */
	dv_dslimit min_distinct;
	dv_dslimit max_distinct;
	dv_dslimit min_share;          /* in [0, 1] */
	dv_dslimit max_share;          /* in [0, 1] */
	dv_dslimit mean_min;           /* integer and number columns */
	dv_dslimit mean_max;
	unsigned long line;            /* where the entry is written */
} dv_dscol;

/* `dataset.freshness`. */
typedef struct dv_dsfresh {
	size_t column;                 /* a date or datetime column */
	int64_t max_age_ms;            /* positive */
	const char *max_age;           /* as written: "26h" */
	dcval_severity severity;
} dv_dsfresh;

struct dcval_contract;

/* Whether an entry needs the exact value counts (distinct or share). */
bool dv_dscol_counts_values(const dv_dscol *d);

/* Whether it needs the value counts per value (share checks). */
bool dv_dscol_counts_shares(const dv_dscol *d);

/* The compiled dataset checks as lines of `dcval lint --dump-compiled`. */
void dv_dscheck_dump(const struct dcval_contract *c, FILE *out);

#endif

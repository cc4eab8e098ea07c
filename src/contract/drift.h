/*
 * A contract's compiled `drift:` section (contract.md "Drift"): per
 * column its limits and what the run is compared with, taken from the
 * baseline profile when the contract is loaded (so a baseline that cannot
 * serve is a contract error, exit 2, and `dcval lint` reports it). All
 * memory lives in the contract's arena; the baseline's quantile sketch is
 * kept as its serialized text and decoded by the validator.
 */
#ifndef DV_CONTRACT_DRIFT_H
#define DV_CONTRACT_DRIFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "value/types.h"

/* The metrics, in report order. */
enum { DV_DM_PSI = 0, DV_DM_KS, DV_DM_NULL, DV_DM_UNSEEN, DV_DM_COUNT };

#define DV_DRIFT_DECILES 9
#define DV_DRIFT_FLOOR 0.0001

typedef struct dv_drift_col {
	size_t column;                /* index in the contract */
	dcval_severity severity;
	bool has[DV_DM_COUNT];        /* the metric is checked */
	double limit[DV_DM_COUNT];
	dv_type type;                 /* the contract column's */
	bool ordered_psi;             /* psi bins: deciles (else top values + other) */
	double cuts[DV_DRIFT_DECILES];/* baseline deciles, numeric domain */
	/* baseline value list (psi on string / boolean, unseen_share),
	 * sorted: strings by bytes then length, others by i */
	size_t n_values;
	const char *const *str;       /* string columns */
	const size_t *str_len;
	const int64_t *ival;          /* integer, boolean, date columns */
	const double *share;          /* baseline share of each value (psi) */
	double other_share;           /* of every other value */
	double base_null_fraction;
	const char *kll;              /* baseline quantile sketch (ks), text */
	size_t kll_len;
} dv_drift_col;

struct dv_drift {
	const char *baseline;         /* path as resolved */
	const char *baseline_text;    /* as written (DV_LOAD_NO_BASELINE only) */
	dv_drift_col *cols;           /* contract order */
	size_t n_cols;
};

#endif

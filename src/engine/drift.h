/*
 * Drift in the validate pass (contract.md "Drift"): per drift column a
 * few counters, the bins of its psi and, for ks, counters against the
 * baseline sketch's points (stats/ksrun.h): flat memory. Fed with each
 * record's values after the column checks; the metrics are compared with
 * their limits when the run finishes.
 */
#ifndef DV_ENGINE_DRIFT_H
#define DV_ENGINE_DRIFT_H

#include "engine/engine.h"
#include "stats/ksrun.h"
#include "stats/valindex.h"

/* The run's measurements of one drift column (e->drift[i]); sharded
 * runs carry them in their parts (part_state.c). */
struct dv_drift_run {
	uint64_t nulls;   /* null or absent values */
	uint64_t valid;   /* values that passed their type */
	uint64_t unseen;  /* of them, not in the baseline's value list */
	uint64_t *bins;   /* psi: 10 deciles, or the values + other */
	size_t n_bins;
	dv_ksrun *ks;     /* ks: the run's values against the baseline's sketch */
	dv_vindex idx;    /* the baseline's value list, hashed (idx.slot: one) */
};

/* State for the contract's drift section (nothing without one). */
dcval_status dv_drift_init(dv_engine *e);
void dv_drift_release(dv_engine *e);

/* The current record's values (called by dv_engine_stats_record). */
dcval_status dv_drift_record(dv_engine *e);

/* The dataset-level drift violations, after freshness. */
dcval_status dv_drift_finish(dv_engine *e);

#endif

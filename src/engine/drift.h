/*
 * Drift in the validate pass (contract.md "Drift"): per drift column a
 * few counters, the bins of its psi and, for ks, a quantile sketch: flat
 * memory. Fed with each record's values after the column checks; the
 * metrics are compared with their limits when the run finishes.
 */
#ifndef DV_ENGINE_DRIFT_H
#define DV_ENGINE_DRIFT_H

#include "engine/engine.h"

/* State for the contract's drift section (nothing without one). */
dcval_status dv_drift_init(dv_engine *e);
void dv_drift_release(dv_engine *e);

/* The current record's values (called by dv_engine_stats_record). */
dcval_status dv_drift_record(dv_engine *e);

/* The dataset-level drift violations, after freshness. */
dcval_status dv_drift_finish(dv_engine *e);

#endif

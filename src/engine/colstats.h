/*
 * Column statistics collected by the validator for `dcval profile`
 * (stats/colstats.h): off unless dv_engine_stats_enable() was called.
 * Fed once per record by dv_engine_end_record() after the column checks:
 * a null or absent value counts as null, a value that failed its type as
 * invalid (in no statistic), every other value enters the statistics.
 */
#ifndef DV_ENGINE_COLSTATS_H
#define DV_ENGINE_COLSTATS_H

#include "engine/engine.h"
#include "stats/colstats.h"

/*
 * Collect statistics of every column with `top_n` top values. The run
 * becomes a profile's (cli.md: profile never exits 1, it reports no
 * violation): the key sets of `unique` and `primary_key`, which grow with
 * the input (about 12 bytes a key), are dropped and those checks skipped,
 * so that memory stays flat on any input size.
 */
dcval_status dv_engine_stats_enable(dv_engine *e, uint32_t top_n);

/* The statistics of column i (declared order), NULL when not enabled. */
const dv_colstats *dv_engine_stats(const dv_engine *e, size_t i);

/* The current record's values into the statistics (record.c). */
dcval_status dv_engine_stats_record(dv_engine *e);

/* Free them (validator.c). */
void dv_engine_stats_release(dv_engine *e);

#endif

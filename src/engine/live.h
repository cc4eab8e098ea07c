/*
 * Flushing for live inputs (a pipe, a terminal, a socket): after each
 * record that produced output (a violation, a quarantined record, the
 * quarantine outputs' header), the quarantine streams are flushed and
 * the caller's on_flush hook runs (the report's stream), so that a
 * reader at the other end sees each violation as soon as its record
 * arrived. Regular files never pay for it: nothing is flushed per record.
 */
#ifndef DV_ENGINE_LIVE_H
#define DV_ENGINE_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "dcval/dcval.h"

struct dcval_validator;

/* What the last flush saw. */
typedef struct dv_live_mark {
	bool on;            /* the current input is live */
	uint64_t emitted;   /* violations (errors + warnings) */
	uint64_t records;   /* records */
	bool q_started;     /* the quarantine outputs had their start */
} dv_live_mark;

/* The current input is live (or not): flushing per record from now on. */
void dv_engine_live(struct dcval_validator *e, bool live);

/*
 * When the current input is live and output was produced since the last
 * flush: flush the quarantine outputs and call on_flush. Returns DCVAL_OK,
 * DCVAL_EIO when a flush failed, or on_flush's status.
 */
dcval_status dv_engine_live_flush(struct dcval_validator *e);

/* Whether an input is being read (a run, or an open in-memory session). */
bool dv_engine_reading(const struct dcval_validator *e);

#endif

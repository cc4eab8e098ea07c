/*
 * Flushing for live inputs; see live.h.
 */
#include <stdio.h>

#include "engine/engine_impl.h"
#include "engine/live.h"

static void mark(dv_engine *e)
{
	e->live.emitted = e->total.errors + e->total.warnings;
	e->live.records = e->total.records;
	e->live.q_started = e->q_started;
}

void dv_engine_live(dv_engine *e, bool live)
{
	e->live.on = live;
	mark(e);
}

static bool produced(const dv_engine *e)
{
	bool quarantine = e->opts.valid_out || e->opts.invalid_out;

	return e->total.errors + e->total.warnings != e->live.emitted ||
	       (quarantine && (e->total.records != e->live.records ||
			       e->q_started != e->live.q_started));
}

static dcval_status flush(FILE *f)
{
	return !f || fflush(f) == 0 ? DCVAL_OK : DCVAL_EIO;
}

dcval_status dv_engine_live_flush(dv_engine *e)
{
	dcval_status st;

	if (!e->live.on || !produced(e))
		return DCVAL_OK;
	mark(e);
	st = flush(e->opts.valid_out);
	if (st == DCVAL_OK)
		st = flush(e->opts.invalid_out);
	if (st == DCVAL_OK && e->opts.on_flush)
		st = e->opts.on_flush(e->opts.flush_ud);
	return st;
}

bool dv_engine_reading(const dv_engine *e)
{
	return e->cur != NULL;
}

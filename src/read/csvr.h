/*
 * CSV rows to engine records for an input fed piecewise rather than read
 * from a dv_source: the in-memory session (session.c) gives the header
 * line and then one record's line per call. The rows are csv.c's, so a
 * session's records are checked exactly as a file's.
 */
#ifndef DV_READ_CSVR_H
#define DV_READ_CSVR_H

#include <stdbool.h>
#include <stddef.h>

#include "dcval/dcval.h"
#include "engine/engine.h"

typedef struct dv_csvr dv_csvr;

/* Rows split at `delimiter` for engine e (its contract's quote); path
 * names the input in messages (borrowed). NULL when out of memory. */
dv_csvr *dv_csvr_new(dv_engine *e, char delimiter, const char *path);

/* The contract says header: false: columns by position from now on. */
dcval_status dv_csvr_positional(dv_csvr *r);

/* Whether the header was read (or none is expected). */
bool dv_csvr_header_done(const dv_csvr *r);

/* Bytes p[0..n) and the end of what was given: each row in them (the
 * header first) goes to the engine. DCVAL_STOP once a row stopped the
 * input (fail-fast, a header that cannot join the quarantine outputs). */
dcval_status dv_csvr_feed(dv_csvr *r, const char *p, size_t n,
			  dcval_error *err);

/* Free r; NULL is a harmless no-op. */
void dv_csvr_free(dv_csvr *r);

#endif

/*
 * Parallel validation of one input ("parallel map, sequential reduce"):
 * the calling thread reads the input, cuts it into chunks at record
 * boundaries (cut.h) and replays each chunk's log in input order
 * (dv_engine_replay); worker threads read and check the chunks
 * (dv_engine_worker_new). A fixed number of chunks is in flight, so
 * memory stays flat whatever the input's size.
 */
#ifndef DV_READ_PAR_H
#define DV_READ_PAR_H

#include <stdbool.h>

#include "dcval/dcval.h"
#include "engine/engine.h"

struct dv_source;

/* Whether input src (its first chunk read) of format f is read in
 * parallel: CSV, TSV or JSON Lines, not live, more than one job, a
 * contract whose run needs no per-record values (dv_engine_can_split),
 * and not small (a regular file of at least 4 MiB, or chunk_bytes set). */
bool dv_par_wanted(const dv_engine *e, const struct dv_source *src,
		   dcval_format f);

/* Read src as the reader of f would, with workers. Returns as a reader
 * does (reader.h). */
dcval_status dv_par_read(dv_engine *e, struct dv_source *src, dcval_format f,
			 dcval_error *err);

#endif

/*
 * One input through the validator: open its source (decompressing when
 * it is compressed), choose its format, drive its reader, and record how
 * it ended. The public dcval_validator_run() lives here, above the
 * engine, so that the engine never knows input formats.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/live.h"
#include "read/par.h"
#include "read/reader.h"
#include "read/source.h"
#include "util/error.h"

/* The format: the caller's, else the contract's, else the file name's,
 * else the content's. */
static dcval_format choose_format(const dv_engine *e, const char *path,
				  const dv_source *src)
{
	dcval_format f = dv_engine_forced_format(e);

	if (f == DCVAL_FORMAT_AUTO)
		f = dv_engine_contract(e)->format;
	if (f == DCVAL_FORMAT_AUTO && strcmp(path, "-") != 0)
		f = dv_reader_by_path(path);
	if (f == DCVAL_FORMAT_AUTO)
		f = dv_reader_sniff(src);
	return f;
}

/* dv_source's on_chunk: pass the current input's progress to the caller;
 * for a live input, flush what the chunk's record-less violations (a csv
 * header's) wrote. A failed flush shows at the next write or at the end. */
static void chunk_done(void *ctx, uint64_t bytes)
{
	if (dv_engine_wants_progress(ctx))
		dv_engine_progress(ctx, bytes);
	(void)dv_engine_live_flush(ctx);
}

/*
 * Corrupt or truncated compressed data: the records before the fault
 * were checked; a record it cuts was never handed to the reader whole,
 * so it is not checked (nor quarantined): the message says so.
 */
static dcval_status input_fault(const dv_input *in, const dv_source *src,
				dcval_error *err)
{
	unsigned long long n = in->counts.records;

	if (src->decompressed == 0)
		return dv_error_set(err, DCVAL_EIO, src->path, 0, 0, "%s",
				    src->fault);
	return dv_error_set(err, DCVAL_EIO, src->path, 0, 0,
			    "%s after %llu record%s; a record cut by it is not "
			    "checked",
			    src->fault, n, n == 1 ? "" : "s");
}

dcval_status dcval_validator_run(dcval_validator *e, const char *path, FILE *in,
				 dcval_error *err)
{
	dv_input *input;
	dv_source src;
	dcval_status st;

	if (dv_engine_reading(e)) /* an open session (session.h) */
		return dv_error_set(err, DCVAL_EUSAGE, path, 0, 0,
				    "the validator is reading another input");
	input = dv_engine_input_begin(e, path);
	if (!input)
		return dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
	if (dv_source_init(&src, in, path) != DCVAL_OK) {
		st = dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	dv_engine_live(e, src.live);
	if (dv_engine_wants_progress(e) || src.live) {
		src.on_chunk = chunk_done;
		src.chunk_ctx = e;
	}
	st = dv_source_next(&src);
	input->compression = src.compression;
	if (st == DCVAL_OK) {
		input->format = choose_format(e, path, &src);
		if (dv_par_wanted(e, &src, input->format))
			st = dv_par_read(e, &src, input->format, err);
		else
			st = dv_reader_get(input->format)->read(e, &src, err);
	}
	if (src.err) {
		st = DCVAL_EIO;
		dv_error_set(err, st, path, 0, 0, "read error: %s",
			     strerror(src.err));
	} else if (src.fault[0] && st != DCVAL_STOP) {
		st = input_fault(input, &src, err);
	}
	input->bytes = src.bytes;
	/* a write error on an output (EIO with err unset) is not the input's */
	if ((st == DCVAL_EIO && (src.err || (err && err->status == DCVAL_EIO))) ||
	    st == DCVAL_ENOMEM) {
		input->status = st;
		snprintf(input->error, sizeof(input->error), "%s",
			 err && err->status ? err->text : dcval_status_str(st));
	}
	dv_source_release(&src);
	if (dv_engine_live_flush(e) != DCVAL_OK && st == DCVAL_OK)
		st = DCVAL_EIO;
	dv_engine_live(e, false);
out:
	dv_engine_input_end(e);
	return st;
}

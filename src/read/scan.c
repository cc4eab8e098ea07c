/*
 * Contract-less record scan (scan.h): the source, the format choice and
 * the tokenizers of validate, with callbacks in place of the engine.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "read/jsonval.h"
#include "read/reader.h"
#include "read/scan.h"
#include "read/source.h"
#include "util/error.h"

typedef struct dv_scan {
	const dv_scan_cb *cb;
	dv_scan_info *info;
	dv_csvrd rd;
	bool header;          /* the first csv row is record 0 */
	bool saw_row;
	uint64_t rows;        /* csv rows so far */
	bool stopped;         /* a callback said DCVAL_STOP */
} dv_scan;

static dcval_status stop_check(dv_scan *s, dcval_status st)
{
	if (st == DCVAL_STOP) {
		s->stopped = true;
		s->rd.stop = true;
	}
	return st;
}

/* The record number of the next csv row. */
static uint64_t csv_next(dv_scan *s)
{
	uint64_t n = s->rows++;

	if (!s->header)
		n++;
	if (n)
		s->info->records++;
	return n;
}

static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	dv_scan *s = ctx;
	uint64_t rec = csv_next(s);

	s->saw_row = true;
	if (row->unterminated || row->bad_quote)
		/* the messages of csv.c's malformed_detail() */
		return stop_check(s, s->cb->bad(s->cb->ctx, rec, row->line,
			row->unterminated ? row->nf : row->bad_quote,
			row->unterminated ? "quoted field is not terminated"
					  : "closing quote is followed by text, not by the delimiter or the line end",
			false));
	return stop_check(s, s->cb->row(s->cb->ctx, row, rec));
}

static dcval_status on_big(void *ctx, dv_csvbig ev, uint64_t line,
			   const char *p, size_t n)
{
	dv_scan *s = ctx;
	char detail[96];
	uint64_t rec;

	(void)p;
	(void)n;
	if (ev != DV_CSVBIG_BEGIN)
		return DCVAL_OK;
	s->saw_row = true;
	rec = csv_next(s);
	if (rec == 0) {
		s->rd.stop = true;
		snprintf(detail, sizeof(detail),
			 "header is larger than %zu bytes (the field size cap)",
			 s->rd.max_rec);
		return stop_check(s, s->cb->bad(s->cb->ctx, 0, line, 0, detail,
						true));
	}
	snprintf(detail, sizeof(detail),
		 "record is larger than %zu bytes (the field size cap)",
		 s->rd.max_rec);
	return stop_check(s, s->cb->bad(s->cb->ctx, rec, line, 0, detail,
					false));
}

static dcval_status csv_chunk(void *ctx, const char *p, size_t n, bool *stop)
{
	dv_scan *s = ctx;
	dcval_status st = dv_csvrd_feed(&s->rd, p, n);

	*stop = s->rd.stop;
	return st;
}

static dcval_status scan_csv(dv_scan *s, dv_source *src, char delim)
{
	dv_csvrow_cb cb = { on_row, on_big, s };
	dcval_status st;

	dv_csvrd_init(&s->rd, delim, '"', true, DV_SCAN_MAX_ROW, false, &cb);
	st = dv_source_feed(src, dv_source_bom(src), csv_chunk, s);
	if (st == DCVAL_OK && !s->stopped)
		st = dv_csvrd_finish(&s->rd);
	if (st == DCVAL_OK && !s->saw_row) {
		s->info->empty = true;
		if (s->header)
			st = stop_check(s, s->cb->bad(s->cb->ctx, 0, 0, 0,
				"input is empty: no header line", true));
	}
	dv_csvrd_release(&s->rd);
	return st;
}

static dcval_status sink_record(void *ctx, const dv_jdoc *doc, uint64_t line)
{
	dv_scan *s = ctx;

	return stop_check(s, s->cb->json(s->cb->ctx, doc, ++s->info->records,
					 line));
}

static dcval_status sink_bad(void *ctx, uint64_t line, uint64_t col,
			     const char *detail, bool ends)
{
	dv_scan *s = ctx;
	uint64_t rec = ends ? 0 : ++s->info->records;

	return stop_check(s, s->cb->bad(s->cb->ctx, rec, line, col, detail,
					ends));
}

/* The format: the caller's, else the file name's, else the content's
 * (run.c's choice without a contract). */
static dcval_format choose(dcval_format f, const char *path,
			   const dv_source *src)
{
	if (f == DCVAL_FORMAT_AUTO && strcmp(path, "-") != 0)
		f = dv_reader_by_path(path);
	if (f == DCVAL_FORMAT_AUTO)
		f = dv_reader_sniff(src);
	return f;
}

static dcval_status scan_body(dv_scan *s, dv_source *src, char delim)
{
	dv_jsonval_sink sink = { sink_record, sink_bad, s };

	switch (s->info->format) {
	case DCVAL_FORMAT_JSONL:
		return dv_jsonl_scan(src, &sink, DV_SCAN_MAX_LINE);
	case DCVAL_FORMAT_JSON:
		return dv_json_scan(src, &sink, DV_SCAN_MAX_LINE);
	case DCVAL_FORMAT_TSV:
		return scan_csv(s, src, delim ? delim : '\t');
	default:
		return scan_csv(s, src, delim ? delim : ',');
	}
}

dcval_status dv_scan_input(const char *path, FILE *in, dcval_format format,
			   char delim, bool header, const dv_scan_cb *cb,
			   dv_scan_info *info, dcval_error *err)
{
	dv_scan s;
	dv_source src;
	dcval_status st;

	memset(&s, 0, sizeof(s));
	memset(info, 0, sizeof(*info));
	s.cb = cb;
	s.info = info;
	s.header = header;
	if (dv_source_init(&src, in, path) != DCVAL_OK)
		return dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
	st = dv_source_next(&src);
	info->compression = src.compression;
	if (st == DCVAL_OK) {
		info->format = choose(format, path, &src);
		st = scan_body(&s, &src, delim);
	}
	if (st == DCVAL_STOP)
		st = DCVAL_OK;
	if (src.err) {
		st = dv_error_set(err, DCVAL_EIO, path, 0, 0, "read error: %s",
				  strerror(src.err));
	} else if (src.fault[0] && !s.stopped) {
		st = dv_error_set(err, DCVAL_EIO, path, 0, 0, "%s", src.fault);
	} else if (st == DCVAL_ENOMEM) {
		dv_error_set(err, st, path, 0, 0, "out of memory");
	}
	info->bytes = src.bytes;
	dv_source_release(&src);
	return st;
}

/*
 * JSON Lines reader: one JSON object per line, read in chunks.
 *
 * Each chunk is searched for '\n' with memchr from where the last search
 * stopped; a line wholly inside a chunk is parsed in place, a line split
 * across chunks is gathered in `part`. A line over the cap is never
 * gathered: it becomes one `malformed` record at once and its bytes are
 * streamed to the invalid quarantine up to the next newline. Blank lines
 * (empty, or spaces, tabs and '\r' only) are not records but count as
 * physical lines, whatever their length: a line that passes the cap while
 * blank keeps its first max_line bytes in `part` and the rest as runs of
 * one blank byte (`ws`); it becomes a record only when a byte that is not
 * blank follows (the kept bytes are then written out first), or when its
 * runs pass DV_JSONL_WS_RUNS. "\r\n" ends a line like "\n"; a UTF-8 byte
 * order mark at the very start is skipped.
 *
 * Each record goes to the fast path (jfast.h: one pass, no tree) and,
 * when that gives it back (invalid JSON, escaped keys, deep nesting), to
 * the strict parser (jdoc.h) and jsonval.c's walk, which report invalid
 * JSON; DCVAL_JSON_SLOWPATH=1 (a test knob) sends every record there.
 *
 * Quarantine gets each line's bytes with its line end; a last line
 * without one gets "\n" added so that quarantine files stay JSON Lines
 * when records of several inputs meet.
 */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "engine/engine.h"
#include "read/jfast.h"
#include "read/jsonval.h"
#include "read/reader.h"
#include "read/source.h"
#include "util/error.h"

/* Most runs of one blank byte kept for a blank line past the cap. */
#define DV_JSONL_WS_RUNS 65536

/* A run of one blank byte. */
struct dv_ws_run {
	uint64_t count;
	char c;
};

typedef struct dv_jsonl {
	dv_jsonval jv;      /* values and extra keys */
	dv_jfast jf;        /* the fast path's scratch (jfast.h) */
	bool fast;          /* records go to the fast path first */
	dv_buf part;        /* the start of a line split across chunks */
	size_t max_line;    /* most bytes of a line, line end excluded */
	uint64_t line;      /* physical line number of the current line */
	bool overlong;      /* the current line is past max_line: skipping */
	bool blank_long;    /* it is past max_line and blank so far */
	dv_buf ws;          /* blank_long: its bytes after `part`, as dv_ws_run */
	dv_record skip;     /* the overlong line's record, open while skipping */
} dv_jsonl;

static bool is_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool is_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_blank_byte(p[i]))
			return false;
	return true;
}

/*
 * One whole line p[0..n): its bytes, the line end included (raw for
 * quarantine). Parses it and hands the record to the engine.
 */
static dcval_status jsonl_line(dv_jsonl *r, const char *p, size_t n)
{
	size_t len = n;
	char detail[240];
	dcval_status st;
	bool valid;
	dv_rule rule;

	if (len && p[len - 1] == '\n')
		len--;
	if (len && p[len - 1] == '\r')
		len--;
	if (is_blank(p, len))
		return DCVAL_OK;
	if (r->fast) {
		bool done;

		st = dv_jfast_record(&r->jf, r->line, p, len, p, n, &done);
		if (st != DCVAL_OK || done)
			return st;
	}
	st = dv_jsonval_parse(&r->jv, p, len, &valid);
	if (st != DCVAL_OK)
		return st;
	if (valid)
		return dv_jsonval_emit(&r->jv, r->line, p, n);
	rule = dv_jsonval_describe(&r->jv, false, r->line,
				   (uint64_t)r->jv.doc.err.pos + 1, detail,
				   sizeof(detail));
	return dv_jsonval_bad(&r->jv, r->line, rule, detail, p, n);
}

/* Bytes of the overlong line, straight to the invalid quarantine. */
static dcval_status overlong_put(dv_jsonl *r, const char *p, size_t n)
{
	if (!r->jv.want_raw || !n)
		return DCVAL_OK;
	return dv_engine_quarantine_invalid(r->jv.e, p, n);
}

/*
 * The current line went past the cap: it becomes one `malformed` record
 * now, and its bytes (those in `part` first) are streamed to the invalid
 * quarantine as they are read, never gathered.
 */
static dcval_status overlong_begin(dv_jsonl *r)
{
	char detail[80];
	dcval_status st;
	size_t i;

	if (r->jv.sink) {
		r->overlong = true;
		dv_buf_reset(&r->part);
		snprintf(detail, sizeof(detail), "line longer than %zu bytes",
			 r->max_line);
		return r->jv.sink->bad(r->jv.sink->ctx, r->line, 0, detail,
				       false);
	}
	memset(&r->skip, 0, sizeof(r->skip));
	r->skip.line = r->line;
	r->skip.raw_written = true;
	r->skip.values = dv_engine_begin_record(r->jv.e);
	for (i = 0; i < r->jv.c->n_columns; i++)
		r->skip.values[i].kind = DV_V_SKIP;
	r->overlong = true;
	snprintf(detail, sizeof(detail), "line longer than %zu bytes",
		 r->max_line);
	st = dv_engine_issue(r->jv.e, &r->skip, DV_R_MALFORMED, 0, NULL, NULL,
			     0, detail);
	if (st == DCVAL_OK)
		st = overlong_put(r, r->part.data, r->part.len);
	dv_buf_reset(&r->part);
	return st;
}

static dcval_status overlong_end(dv_jsonl *r)
{
	r->overlong = false;
	if (r->jv.sink)
		return DCVAL_OK;
	return dv_engine_end_record(r->jv.e, &r->skip);
}

/* Add blank bytes p[0..n) to the runs; returns how many were taken
 * (fewer when the runs are full). */
static size_t ws_add(dv_jsonl *r, const char *p, size_t n, dcval_status *st)
{
	struct dv_ws_run run = { 0, 0 }, *last;
	size_t i;

	*st = DCVAL_OK;
	for (i = 0; i < n; i++) {
		last = r->ws.len ? (struct dv_ws_run *)(void *)(r->ws.data +
			r->ws.len - sizeof(run)) : NULL;
		if (last && last->c == p[i]) {
			last->count++;
			continue;
		}
		run.c = p[i];
		run.count = 1;
		*st = dv_buf_append(&r->ws, &run, sizeof(run));
		if (*st != DCVAL_OK) {
			if (*st == DCVAL_ELIMIT)
				*st = DCVAL_OK;
			break;
		}
	}
	return i;
}

/*
 * The blank line past the cap turns out to be a record: it becomes an
 * overlong record, and the bytes kept (`part`, then the runs) go to the
 * invalid quarantine first.
 */
static dcval_status blank_long_record(dv_jsonl *r)
{
	char buf[4096];
	dcval_status st;
	size_t i, k;

	r->blank_long = false;
	st = overlong_begin(r);
	for (i = 0; st == DCVAL_OK && i < r->ws.len; i += sizeof(struct dv_ws_run)) {
		struct dv_ws_run run;

		memcpy(&run, r->ws.data + i, sizeof(run));
		memset(buf, run.c, sizeof(buf));
		for (; st == DCVAL_OK && run.count; run.count -= k) {
			k = run.count < sizeof(buf) ? (size_t)run.count : sizeof(buf);
			st = overlong_put(r, buf, k);
		}
	}
	dv_buf_reset(&r->ws);
	return st;
}

/* The current line passes the cap: still blank, or a record. */
static dcval_status long_start(dv_jsonl *r)
{
	if (!is_blank(r->part.data, r->part.len))
		return overlong_begin(r);
	r->blank_long = true;
	dv_buf_reset(&r->ws);
	return DCVAL_OK;
}

/* Bytes p[0..n) of a line past the cap (its line end excluded). */
static dcval_status long_bytes(dv_jsonl *r, const char *p, size_t n)
{
	dcval_status st;
	size_t k = 0, taken;

	if (r->blank_long) {
		while (k < n && is_blank_byte(p[k]))
			k++;
		taken = ws_add(r, p, k, &st);
		if (st != DCVAL_OK || taken == n)
			return st;
		st = blank_long_record(r);
		if (st != DCVAL_OK)
			return st;
		p += taken;
		n -= taken;
	}
	return overlong_put(r, p, n);
}

/* A blank line past the cap ends: it was no record. */
static void blank_long_drop(dv_jsonl *r)
{
	r->blank_long = false;
	dv_buf_reset(&r->ws);
	dv_buf_reset(&r->part);
}

/*
 * Bytes p[0..n) at the end of a chunk with no newline: keep them for the
 * next chunk; past the cap, the line turns into an overlong record (or
 * a long blank line).
 */
static dcval_status jsonl_keep(dv_jsonl *r, const char *p, size_t n)
{
	dcval_status st;

	if (!r->overlong && !r->blank_long && n > r->max_line - r->part.len) {
		st = long_start(r);
		if (st != DCVAL_OK)
			return st;
	}
	if (r->overlong || r->blank_long)
		return long_bytes(r, p, n);
	return dv_buf_append(&r->part, p, n);
}

/*
 * The line ending at p[n - 1] == '\n' (p is where the scan resumed: the
 * line's start, or the chunk's start when `part` holds its beginning).
 */
static dcval_status jsonl_end(dv_jsonl *r, const char *p, size_t n)
{
	dcval_status st = DCVAL_OK;

	if (!r->overlong && !r->blank_long && r->part.len + n - 1 > r->max_line)
		st = long_start(r);
	if (st == DCVAL_OK && (r->overlong || r->blank_long))
		st = long_bytes(r, p, n - 1);
	if (st != DCVAL_OK)
		return st;
	if (r->blank_long) {
		blank_long_drop(r);
	} else if (r->overlong) {
		st = overlong_put(r, p + n - 1, 1);
		if (st == DCVAL_OK)
			st = overlong_end(r);
	} else if (!r->part.len) {
		st = jsonl_line(r, p, n);
	} else if ((st = dv_buf_append(&r->part, p, n)) == DCVAL_OK) {
		st = jsonl_line(r, r->part.data, r->part.len);
	}
	dv_buf_reset(&r->part);
	r->line++;
	return st;
}

/* One chunk: every line it ends, then keep its unfinished tail. */
static dcval_status jsonl_chunk(dv_jsonl *r, const char *p, size_t n)
{
	const char *end = p + n, *nl;
	dcval_status st;

	while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
		st = jsonl_end(r, p, (size_t)(nl + 1 - p));
		if (st != DCVAL_OK)
			return st;
		p = nl + 1;
	}
	return p < end ? jsonl_keep(r, p, (size_t)(end - p)) : DCVAL_OK;
}

/* End of input: a last line without a line end. */
static dcval_status jsonl_finish(dv_jsonl *r)
{
	dcval_status st;

	if (r->overlong) {
		st = overlong_put(r, "\n", 1);
		return st == DCVAL_OK ? overlong_end(r) : st;
	}
	if (r->blank_long) {
		blank_long_drop(r);
		return DCVAL_OK;
	}
	if (!r->part.len)
		return DCVAL_OK;
	/* room for this byte was kept: part never holds more than max_line */
	st = dv_buf_putc(&r->part, '\n');
	if (st == DCVAL_OK)
		st = jsonl_line(r, r->part.data, r->part.len);
	return st;
}

static dcval_status jsonl_chunk_cb(void *ctx, const char *p, size_t n,
				   bool *stop)
{
	*stop = false;
	return jsonl_chunk(ctx, p, n);
}

/*
 * Whether the test knob DCVAL_JSON_SLOWPATH (set, not "0") turns the fast
 * path off: every record then takes the strict path, which the
 * differential tests compare the fast path with.
 */
static bool slowpath_forced(void)
{
	const char *v = getenv("DCVAL_JSON_SLOWPATH");

	return v && *v && strcmp(v, "0") != 0;
}

dcval_status dv_jsonl_read(dv_engine *e, dv_source *src, dcval_error *err)
{
	dv_jsonl r = { .line = src->line0, .max_line = dv_engine_max_line(e) };
	dcval_status st;

	/* + 1 for the '\n' that ends a line, or is added to the last one */
	dv_buf_init(&r.part, r.max_line < SIZE_MAX / 2 ? r.max_line + 1
						       : SIZE_MAX / 2);
	if (r.max_line >= SIZE_MAX / 2)
		r.max_line = SIZE_MAX / 2 - 1;
	dv_buf_init(&r.ws, DV_JSONL_WS_RUNS * sizeof(struct dv_ws_run));
	st = dv_jsonval_init(&r.jv, e);
	r.fast = st == DCVAL_OK && !slowpath_forced();
	if (r.fast)
		st = dv_jfast_init(&r.jf, &r.jv, r.max_line);
	if (st == DCVAL_OK)
		st = dv_source_feed(src, dv_source_bom(src), jsonl_chunk_cb, &r);
	if (st == DCVAL_OK)
		st = jsonl_finish(&r);
	/* a read error is reported by the engine, which owns the source */
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, r.line, 0, "out of memory");
	dv_jfast_release(&r.jf);
	dv_jsonval_release(&r.jv);
	dv_buf_release(&r.part);
	dv_buf_release(&r.ws);
	return st;
}

dcval_status dv_jsonl_scan(dv_source *src, const dv_jsonval_sink *sink,
			   size_t max)
{
	dv_jsonl r = { .line = 1, .max_line = max };
	dcval_status st;

	dv_buf_init(&r.part, r.max_line < SIZE_MAX / 2 ? r.max_line + 1
						       : SIZE_MAX / 2);
	if (r.max_line >= SIZE_MAX / 2)
		r.max_line = SIZE_MAX / 2 - 1;
	dv_buf_init(&r.ws, DV_JSONL_WS_RUNS * sizeof(struct dv_ws_run));
	st = dv_jsonval_init_sink(&r.jv, sink, r.max_line);
	if (st == DCVAL_OK)
		st = dv_source_feed(src, dv_source_bom(src), jsonl_chunk_cb, &r);
	if (st == DCVAL_OK)
		st = jsonl_finish(&r);
	dv_jsonval_release(&r.jv);
	dv_buf_release(&r.part);
	dv_buf_release(&r.ws);
	return st;
}

/*
 * JSON Lines reader: one JSON object per line, read in chunks.
 *
 * Each chunk is searched for '\n' with memchr from where the last search
 * stopped; a line wholly inside a chunk is parsed in place, a line split
 * across chunks is gathered in `part`. A line over the cap is never
 * gathered: it becomes one `malformed` record at once and its bytes are
 * streamed to the invalid quarantine up to the next newline. Blank lines
 * (empty, or spaces, tabs and '\r' only) are not records but count as
 * physical lines; "\r\n" ends a line like "\n"; a UTF-8 byte order mark
 * at the very start is skipped.
 *
 * Quarantine gets each line's bytes with its line end; a last line
 * without one gets "\n" added so that quarantine files stay JSON Lines
 * when records of several inputs meet.
 */
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "read/jsonval.h"
#include "read/source.h"
#include "util/error.h"

typedef struct dv_jsonl {
	dv_jsonval jv;      /* values and extra keys */
	dv_buf part;        /* the start of a line split across chunks */
	size_t max_line;    /* most bytes of a line, line end excluded */
	uint64_t line;      /* physical line number of the current line */
	bool overlong;      /* the current line is past max_line: skipping */
	dv_record skip;     /* the overlong line's record, open while skipping */
} dv_jsonl;

static bool is_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
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
	json_error_t jerr;
	json_t *root;
	char detail[240];
	dv_rule rule;

	if (len && p[len - 1] == '\n')
		len--;
	if (len && p[len - 1] == '\r')
		len--;
	if (is_blank(p, len))
		return DCVAL_OK;
	root = dv_jsonval_parse(p, len, &jerr);
	if (root)
		return dv_jsonval_emit(&r->jv, r->line, root, p, n);
	rule = dv_jsonval_describe(&jerr, true, detail, sizeof(detail));
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
	return dv_engine_end_record(r->jv.e, &r->skip);
}

/*
 * Bytes p[0..n) at the end of a chunk with no newline: keep them for the
 * next chunk; past the cap, the line turns into an overlong record.
 */
static dcval_status jsonl_keep(dv_jsonl *r, const char *p, size_t n)
{
	dcval_status st;

	if (!r->overlong && n > r->max_line - r->part.len) {
		st = overlong_begin(r);
		if (st != DCVAL_OK)
			return st;
	}
	if (r->overlong)
		return overlong_put(r, p, n);
	return dv_buf_append(&r->part, p, n);
}

/*
 * The line ending at p[n - 1] == '\n' (p is where the scan resumed: the
 * line's start, or the chunk's start when `part` holds its beginning).
 */
static dcval_status jsonl_end(dv_jsonl *r, const char *p, size_t n)
{
	dcval_status st = DCVAL_OK;

	if (!r->overlong && r->part.len + n - 1 > r->max_line)
		st = overlong_begin(r);
	if (st != DCVAL_OK)
		return st;
	if (r->overlong) {
		st = overlong_put(r, p, n);
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

dcval_status dv_jsonl_read(dv_engine *e, dv_source *src, dcval_error *err)
{
	dv_jsonl r = { .line = 1, .max_line = dv_engine_max_line(e) };
	dcval_status st;

	/* + 1 for the '\n' that ends a line, or is added to the last one */
	dv_buf_init(&r.part, r.max_line < SIZE_MAX / 2 ? r.max_line + 1
						       : SIZE_MAX / 2);
	if (r.max_line >= SIZE_MAX / 2)
		r.max_line = SIZE_MAX / 2 - 1;
	st = dv_jsonval_init(&r.jv, e);
	if (st == DCVAL_OK)
		st = dv_source_feed(src, dv_source_bom(src), jsonl_chunk_cb, &r);
	if (st == DCVAL_OK)
		st = jsonl_finish(&r);
	/* a read error is reported by the engine, which owns the source */
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, r.line, 0, "out of memory");
	dv_jsonval_release(&r.jv);
	dv_buf_release(&r.part);
	return st;
}

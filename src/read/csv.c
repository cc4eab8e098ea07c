/*
 * CSV and TSV reader: rows (csvrow.c, Python's csv boundaries) become
 * the header and records of the engine.
 *
 * Per row: the first one is the header (unless header: false); every
 * other row is one record. A row whose quoting went wrong is one
 * `malformed` violation and nothing else: text after a closing quote
 * (`"a"b,c`), or a quoted field still open at the end of the input. Its
 * values are not checked (the fields are not what the writer meant), as
 * for every malformed record. Otherwise each field is checked for valid
 * UTF-8 and placed in its column's slot, and a row whose width differs
 * from the header's is one `field_count` violation.
 *
 * A row over the cap is one `malformed` record whose bytes stream to the
 * invalid quarantine output as they are read; an oversized header ends
 * the input.
 */
#include <stdio.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "engine/engine.h"
#include "read/csvr.h"
#include "read/csvrow.h"
#include "read/reader.h"
#include "read/source.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

struct dv_csvr {
	dv_engine *e;
	const struct dcval_contract *c;
	dv_csvrd rd;            /* the rows */
	const char *path;       /* for messages */
	dcval_error *err;
	size_t bom;             /* byte order mark length (0 or 3) */
	bool want_raw;
	bool header_done;       /* header read (or none expected) */
	bool saw_row;           /* any row at all */
	dv_record big_rec;      /* the oversized record being streamed */
};

/* Invalid UTF-8 in header names: one `encoding` violation each. */
static dcval_status check_names(dv_csvr *r, const dv_csvrow *row)
{
	dcval_status st = DCVAL_OK;
	size_t i;

	for (i = 0; i < row->nf && st == DCVAL_OK && !row->ascii; i++) {
		const char *s = row->buf + row->off[i];

		if (dv_utf8_valid_prefix(s, row->len[i]) != row->len[i])
			st = dv_engine_header_issue(r->e, DV_R_ENCODING, row->line,
						    (uint32_t)(i + 1), s, row->len[i],
						    "is not valid UTF-8");
	}
	return st;
}

/* What went wrong with a row's quoting. */
static const char *malformed_detail(const dv_csvrow *row)
{
	return row->unterminated ? "quoted field is not terminated"
				 : "closing quote is followed by text, not by the delimiter or the line end";
}

/*
 * The header row (a malformed one is reported, its names still used). With
 * quarantine outputs, its line must equal the one
 * they already hold (from the first csv input), else this input cannot
 * join them: an input error naming it, before anything of it is reported.
 */
static dcval_status read_header(dv_csvr *r, const dv_csvrow *row)
{
	dv_slice *names;
	const char *first;
	dcval_status st;
	bool joined;
	size_t i;

	st = dv_engine_quarantine_header(r->e, r->bom, row->raw, row->raw_len,
					 &joined, &first);
	if (st != DCVAL_OK)
		return st;
	if (!joined) {
		r->rd.stop = true;
		return dv_error_set(r->err, DCVAL_EIO, r->path, row->line, 1,
				    "header line differs from the one of '%s' in the quarantine output; this input cannot join it",
				    first);
	}
	if (row->unterminated || row->bad_quote)
		st = dv_engine_header_issue(r->e, DV_R_MALFORMED, row->line,
					    row->unterminated ? (uint32_t)row->nf
							      : row->bad_quote,
					    NULL, 0, malformed_detail(row));
	if (st == DCVAL_OK)
		st = check_names(r, row);
	if (st != DCVAL_OK)
		return st;
	names = dv_calloc(row->nf, sizeof(*names));
	if (!names)
		return DCVAL_ENOMEM;
	for (i = 0; i < row->nf; i++) {
		names[i].s = row->buf + row->off[i];
		names[i].len = row->len[i];
	}
	st = dv_engine_header(r->e, names, row->nf, row->line);
	dv_free(names);
	return st;
}

/* Put field i into its column's slot, reporting invalid UTF-8 (the value
 * of a sensitive column is redacted). */
static dcval_status place_field(dv_csvr *r, const dv_csvrow *row,
				dv_record *rec, const long *map, size_t width,
				size_t i)
{
	const char *s = row->buf + row->off[i];
	size_t len = row->len[i];
	long col = i < width ? map[i] : -1;
	dv_value *v;

	if (!row->ascii && dv_utf8_valid_prefix(s, len) != len) {
		if (col >= 0)
			rec->values[col].kind = DV_V_SKIP;
		return dv_engine_field_issue(r->e, rec, DV_R_ENCODING,
					     (uint32_t)(i + 1), col, s, len,
					     "is not valid UTF-8");
	}
	if (col < 0)
		return DCVAL_OK;
	v = &rec->values[col];
	v->kind = DV_V_TEXT;
	v->field = (uint32_t)(i + 1);
	v->s = s;
	v->len = len;
	return DCVAL_OK;
}

static dcval_status field_count(dv_csvr *r, const dv_csvrow *row,
				dv_record *rec, size_t width)
{
	char detail[96];
	size_t nf = row->nf, pos = nf < width ? nf + 1 : width + 1;

	snprintf(detail, sizeof(detail), "row has %zu field%s, the %s %zu", nf,
		 nf == 1 ? "" : "s",
		 r->c->header ? "header" : "contract declares", width);
	return dv_engine_issue(r->e, rec, DV_R_FIELD_COUNT, (uint32_t)pos, NULL,
			       NULL, 0, detail);
}

/* The row's quoting went wrong: one `malformed` violation at the field
 * where it did. */
static dcval_status malformed(dv_csvr *r, const dv_csvrow *row,
			      dv_record *rec)
{
	return dv_engine_issue(r->e, rec, DV_R_MALFORMED,
			       row->unterminated ? (uint32_t)row->nf : row->bad_quote,
			       NULL, NULL, 0, malformed_detail(row));
}

/* A complete row: the header, or a record to check. */
static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	dv_csvr *r = ctx;
	dcval_status st = DCVAL_OK;
	dv_record rec;
	const long *map;
	size_t width, i;

	r->saw_row = true;
	if (!r->header_done) {
		r->header_done = true;
		return read_header(r, row);
	}
	memset(&rec, 0, sizeof(rec));
	rec.line = row->line;
	rec.raw = row->raw;
	rec.raw_len = row->raw_len;
	rec.values = dv_engine_begin_record(r->e);
	map = dv_engine_field_map(r->e, &width);
	if (row->unterminated || row->bad_quote) {
		st = malformed(r, row, &rec);
	} else {
		for (i = 0; i < row->nf && st == DCVAL_OK; i++)
			st = place_field(r, row, &rec, map, width, i);
		if (st == DCVAL_OK && row->nf != width)
			st = field_count(r, row, &rec, width);
	}
	if (st == DCVAL_OK || st == DCVAL_STOP) {
		dcval_status st2 = dv_engine_end_record(r->e, &rec);

		if (st == DCVAL_OK)
			st = st2;
	}
	return st;
}

/* An oversized header: the input is unusable. */
static dcval_status big_header(dv_csvr *r, uint64_t line)
{
	char detail[96];

	r->rd.stop = true;
	snprintf(detail, sizeof(detail),
		 "header is larger than %zu bytes (the field size cap)",
		 r->rd.max_rec);
	return dv_engine_input_issue(r->e, DV_R_MALFORMED, line, 0, detail);
}

/* A record over the cap begins: report it, stream its bytes so far. */
static dcval_status big_begin(dv_csvr *r, uint64_t line, const char *p,
			      size_t n)
{
	char detail[96];
	dcval_status st, st2 = DCVAL_OK;

	if (!r->header_done)
		return big_header(r, line);
	memset(&r->big_rec, 0, sizeof(r->big_rec));
	r->big_rec.line = line;
	r->big_rec.raw_written = true;
	r->big_rec.values = dv_engine_begin_record(r->e);
	snprintf(detail, sizeof(detail),
		 "record is larger than %zu bytes (the field size cap)",
		 r->rd.max_rec);
	st = dv_engine_issue(r->e, &r->big_rec, DV_R_MALFORMED, 0, NULL, NULL, 0,
			     detail);
	if ((st == DCVAL_OK || st == DCVAL_STOP) && r->want_raw)
		st2 = dv_engine_quarantine_invalid(r->e, p, n);
	if (st2 != DCVAL_OK)
		return st2;
	if (st == DCVAL_STOP) {
		/* stopping here (fail-fast): the record still counts */
		st2 = dv_engine_end_record(r->e, &r->big_rec);
		return st2 == DCVAL_OK ? DCVAL_STOP : st2;
	}
	return st;
}

static dcval_status on_big(void *ctx, dv_csvbig ev, uint64_t line,
			   const char *p, size_t n)
{
	dv_csvr *r = ctx;

	r->saw_row = true;
	switch (ev) {
	case DV_CSVBIG_BEGIN:
		return big_begin(r, line, p, n);
	case DV_CSVBIG_BYTES:
		return r->want_raw ? dv_engine_quarantine_invalid(r->e, p, n)
				   : DCVAL_OK;
	default:
		return dv_engine_end_record(r->e, &r->big_rec);
	}
}

static dcval_status csv_chunk(void *ctx, const char *p, size_t n, bool *stop)
{
	dv_csvr *r = ctx;
	dcval_status st = dv_csvrd_feed(&r->rd, p, n);

	*stop = r->rd.stop;
	return st;
}

static dcval_status run(dv_csvr *r, dv_source *src)
{
	dcval_status st = DCVAL_OK;
	bool joined;
	const char *first;

	r->bom = dv_source_bom(src);
	r->rd.line = src->line0;
	if (src->mid) {
		/* a chunk of the input (read/par.c): the header was read */
		r->header_done = true;
		r->saw_row = true;
	} else if (!r->c->header) {
		/* no header line: the outputs start with the first input's
		 * byte order mark alone */
		r->header_done = true;
		st = dv_engine_positional(r->e);
		if (st == DCVAL_OK)
			st = dv_engine_quarantine_header(r->e, r->bom, NULL, 0,
							 &joined, &first);
	}
	if (st == DCVAL_OK)
		st = dv_source_feed(src, r->bom, csv_chunk, r);
	if (st == DCVAL_OK)
		st = dv_csvrd_finish(&r->rd);
	if (st == DCVAL_OK && !r->saw_row && r->c->header)
		st = dv_engine_input_issue(r->e, DV_R_HEADER, 0, 0,
					   "input is empty: no header line");
	return st;
}

static dcval_status csv_read(dv_engine *e, dv_source *src, char delimiter,
			     dcval_error *err)
{
	dv_csvrow_cb cb = { on_row, on_big, NULL };
	dv_csvr r;
	dcval_status st;

	memset(&r, 0, sizeof(r));
	r.e = e;
	r.c = dv_engine_contract(e);
	r.path = src->path;
	r.err = err;
	r.want_raw = dv_engine_wants_raw(e);
	cb.ctx = &r;
	dv_csvrd_init(&r.rd, delimiter, r.c->quote, !r.c->quote_none,
		      dv_engine_max_field(e), r.want_raw, &cb);
	st = run(&r, src);
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, 0, 0, "out of memory");
	dv_csvrd_release(&r.rd);
	return st;
}

dcval_status dv_csv_read(dv_engine *e, dv_source *src, dcval_error *err)
{
	const struct dcval_contract *c = dv_engine_contract(e);

	return csv_read(e, src, c->delimiter_set ? c->delimiter : ',', err);
}

dcval_status dv_tsv_read(dv_engine *e, dv_source *src, dcval_error *err)
{
	const struct dcval_contract *c = dv_engine_contract(e);

	return csv_read(e, src, c->delimiter_set ? c->delimiter : '\t', err);
}

/* ---- rows fed piecewise: the in-memory session (session.c) ---- */

dv_csvr *dv_csvr_new(dv_engine *e, char delimiter, const char *path)
{
	dv_csvr *r = dv_calloc(1, sizeof(*r));
	dv_csvrow_cb cb = { on_row, on_big, NULL };

	if (!r)
		return NULL;
	r->e = e;
	r->c = dv_engine_contract(e);
	r->path = path;
	r->want_raw = dv_engine_wants_raw(e);
	cb.ctx = r;
	dv_csvrd_init(&r->rd, delimiter, r->c->quote, !r->c->quote_none,
		      dv_engine_max_field(e), r->want_raw, &cb);
	return r;
}

dcval_status dv_csvr_positional(dv_csvr *r)
{
	bool joined;
	const char *first;
	dcval_status st;

	r->header_done = true;
	st = dv_engine_positional(r->e);
	if (st == DCVAL_OK)
		st = dv_engine_quarantine_header(r->e, 0, NULL, 0, &joined,
						 &first);
	return st;
}

bool dv_csvr_header_done(const dv_csvr *r)
{
	return r->header_done;
}

dcval_status dv_csvr_feed(dv_csvr *r, const char *p, size_t n,
			  dcval_error *err)
{
	dcval_status st;

	r->err = err;
	if (r->rd.stop)
		return DCVAL_STOP;
	st = dv_csvrd_feed(&r->rd, p, n);
	if (st == DCVAL_OK)
		st = dv_csvrd_finish(&r->rd);
	/* what was given ends its line: the next call starts a new one */
	if (n && p[n - 1] != '\n' && p[n - 1] != '\r')
		r->rd.line++;
	r->rd.prev_cr = false;
	if (st == DCVAL_OK && r->rd.stop)
		st = DCVAL_STOP;
	return st;
}

void dv_csvr_free(dv_csvr *r)
{
	if (!r)
		return;
	dv_csvrd_release(&r->rd);
	dv_free(r);
}

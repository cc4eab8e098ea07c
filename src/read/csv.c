/*
 * CSV and TSV reader on libcsv.
 *
 * libcsv reports neither lines nor byte offsets, so the reader feeds it one
 * physical line at a time (a segment ends after '\n', '\r\n' or a lone
 * '\r') and counts lines itself: after each segment it knows whether the
 * row ended, where the record started and which bytes it spans. Blank
 * lines between records are not records (spec). Fields are copied into
 * one buffer per record (libcsv reuses its own), NUL-terminated.
 *
 * A record larger than the field cap is not buffered: it is reported as
 * `malformed`, its bytes are streamed to the invalid quarantine output,
 * and the reader scans for its end itself, tracking quotes, then restarts
 * libcsv.
 */
#include <csv.h>
#include <stdio.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "engine/engine.h"
#include "read/source.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* libcsv's parser states (libcsv.c): with `quoted` set, FIELD_BEGUN is
 * inside an open quote and FIELD_MIGHT_HAVE_ENDED just after a quote in
 * a quoted field. */
#define DV_LIBCSV_FIELD_NOT_BEGUN 1
#define DV_LIBCSV_FIELD_BEGUN 2
#define DV_LIBCSV_FIELD_MIGHT_HAVE_ENDED 3

typedef struct dv_csvr {
	dv_engine *e;
	const struct dcval_contract *c;
	struct csv_parser p;
	char delim;
	dcval_status st;      /* first failure inside a libcsv callback */
	dv_buf fields;        /* field bytes, each followed by a NUL */
	size_t *off;          /* start of each field in fields */
	size_t *flen;         /* length of each field */
	size_t nf;            /* fields in the current row */
	size_t alloc_f;
	dv_buf raw;           /* the record's bytes, when quarantine wants them */
	bool want_raw;
	uint64_t line;        /* physical line of the next byte */
	uint64_t rec_line;    /* line where the current record starts */
	uint64_t rec_bytes;   /* bytes of the current record so far */
	size_t max_rec;       /* cap on a record's bytes */
	bool in_row;          /* a record has begun and not ended */
	bool row_ended;       /* libcsv ended a row during the last feed */
	bool header_done;     /* header read (or none expected) */
	bool prev_cr;         /* last byte seen was '\r' */
	bool pending;         /* a row ended at a '\r' that ended the chunk */
	bool skipping;        /* oversized record: scanning for its end */
	bool skip_quoted;     /* while skipping: inside a quoted field */
	bool skip_qmark;      /* while skipping: a quote seen inside it */
	bool skip_fstart;     /* while skipping: at the start of a field */
	bool skip_lf;         /* a skipped record ended at a '\r' that ended the chunk */
	bool stop_input;      /* unusable header: read no further */
	bool saw_row;         /* any row at all */
	bool rec_ascii;       /* the record's bytes are all ASCII: valid UTF-8 */
	dv_record skip_rec;   /* the oversized record being skipped */
} dv_csvr;

static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static dcval_status parser_init(dv_csvr *r)
{
	if (csv_init(&r->p, 0) != 0)
		return DCVAL_ENOMEM;
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_quote(&r->p, (unsigned char)r->c->quote);
	csv_set_space_func(&r->p, never_space);
	/* libcsv grows its field buffer by this step: small steps make a
	 * field near the cap cost thousands of reallocations */
	csv_set_blk_size(&r->p, 64 * 1024);
	return DCVAL_OK;
}

static dcval_status grow_fields(dv_csvr *r)
{
	size_t n = r->alloc_f ? r->alloc_f * 2 : 64;
	size_t *o, *l;

	o = dv_reallocarray(r->off, n, sizeof(*o));
	if (!o)
		return DCVAL_ENOMEM;
	r->off = o;
	l = dv_reallocarray(r->flen, n, sizeof(*l));
	if (!l)
		return DCVAL_ENOMEM;
	r->flen = l;
	r->alloc_f = n;
	return DCVAL_OK;
}

static void on_field(void *data, size_t len, void *ctx)
{
	dv_csvr *r = ctx;

	if (r->st != DCVAL_OK)
		return;
	if (r->nf == r->alloc_f && (r->st = grow_fields(r)) != DCVAL_OK)
		return;
	/* the bytes and a NUL: dv_buf keeps data[len] == '\0' */
	if (dv_buf_reserve(&r->fields, len + 1) != DCVAL_OK) {
		r->st = DCVAL_ENOMEM;
		return;
	}
	r->off[r->nf] = r->fields.len;
	r->flen[r->nf] = len;
	if (len)
		memcpy(r->fields.data + r->fields.len, data, len);
	r->fields.len += len + 1;
	r->fields.data[r->fields.len] = '\0';
	r->fields.data[r->fields.len - 1] = '\0';
	r->nf++;
}

static void on_row(int c, void *ctx)
{
	dv_csvr *r = ctx;

	(void)c;
	r->row_ended = true;
}

static void reset_row(dv_csvr *r)
{
	r->nf = 0;
	dv_buf_reset(&r->fields);
	dv_buf_reset(&r->raw);
	r->in_row = false;
	r->row_ended = false;
	r->rec_bytes = 0;
}

static dcval_status read_header(dv_csvr *r)
{
	dv_slice *names;
	dcval_status st;
	size_t i;

	names = dv_calloc(r->nf ? r->nf : 1, sizeof(*names));
	if (!names)
		return DCVAL_ENOMEM;
	for (i = 0; i < r->nf; i++) {
		names[i].s = r->fields.data + r->off[i];
		names[i].len = r->flen[i];
	}
	st = dv_engine_header(r->e, names, r->nf, r->rec_line);
	dv_free(names);
	if (st == DCVAL_OK)
		st = dv_engine_quarantine_header(r->e, r->raw.data, r->raw.len);
	return st;
}

/* Put field i into its column's slot, reporting invalid UTF-8. */
static dcval_status place_field(dv_csvr *r, dv_record *rec, const long *map,
				size_t width, size_t i)
{
	const char *s = r->fields.data + r->off[i];
	size_t len = r->flen[i];
	long col = i < width ? map[i] : -1;
	dv_value *v;

	if (!r->rec_ascii && dv_utf8_valid_prefix(s, len) != len) {
		if (col >= 0)
			rec->values[col].kind = DV_V_SKIP;
		return dv_engine_issue(r->e, rec, DV_R_ENCODING, (uint32_t)(i + 1),
				       NULL, s, len, "is not valid UTF-8");
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

static dcval_status field_count(dv_csvr *r, dv_record *rec, size_t width)
{
	char detail[96];
	size_t pos = r->nf < width ? r->nf + 1 : width + 1;

	snprintf(detail, sizeof(detail), "row has %zu field%s, the header %zu",
		 r->nf, r->nf == 1 ? "" : "s", width);
	if (!r->c->header)
		snprintf(detail, sizeof(detail), "row has %zu field%s, the contract declares %zu",
			 r->nf, r->nf == 1 ? "" : "s", width);
	return dv_engine_issue(r->e, rec, DV_R_FIELD_COUNT, (uint32_t)pos, NULL,
			       NULL, 0, detail);
}

/* A complete row: the header, or a record to check. */
static dcval_status finish_row(dv_csvr *r, bool malformed)
{
	dcval_status st = DCVAL_OK;
	dv_record rec;
	const long *map;
	size_t width, i;

	r->saw_row = true;
	if (!r->header_done) {
		r->header_done = true;
		st = read_header(r);
		reset_row(r);
		return st;
	}
	memset(&rec, 0, sizeof(rec));
	rec.line = r->rec_line;
	rec.raw = r->want_raw ? r->raw.data : NULL;
	rec.raw_len = r->want_raw ? r->raw.len : 0;
	rec.values = dv_engine_begin_record(r->e);
	map = dv_engine_field_map(r->e, &width);
	if (malformed)
		st = dv_engine_issue(r->e, &rec, DV_R_MALFORMED, (uint32_t)r->nf,
				     NULL, NULL, 0, "quoted field is not terminated");
	for (i = 0; i < r->nf && st == DCVAL_OK && !malformed; i++)
		st = place_field(r, &rec, map, width, i);
	if (st == DCVAL_OK && !malformed && r->nf != width)
		st = field_count(r, &rec, width);
	if (st == DCVAL_OK || st == DCVAL_STOP) {
		dcval_status st2 = dv_engine_end_record(r->e, &rec);

		if (st == DCVAL_OK)
			st = st2;
	}
	reset_row(r);
	return st;
}

/* End of the segment starting at p: after the first '\n', '\r\n' or lone
 * '\r', or n when the chunk ends first. */
static size_t segment_end(const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);
	size_t lim = nl ? (size_t)(nl - p) : n;
	const char *cr = memchr(p, '\r', lim);

	if (cr) {
		size_t i = (size_t)(cr - p) + 1;

		return i < n && p[i] == '\n' ? i + 1 : i;
	}
	return nl ? lim + 1 : n;
}

static bool only_terminators(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != '\r' && p[i] != '\n')
			return false;
	return true;
}

/* Count line breaks in a segment; '\r\n' counts once, also across chunks. */
static void count_lines(dv_csvr *r, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\n') {
			if (!r->prev_cr)
				r->line++;
			r->prev_cr = false;
		} else if (p[i] == '\r') {
			r->line++;
			r->prev_cr = true;
		} else {
			r->prev_cr = false;
		}
	}
}

/*
 * Oversized records. skip_begin() is called with the segment that would
 * take the record past the cap: the record is reported and its bytes so
 * far go to the invalid output; skip() then consumes bytes up to the end
 * of the record, tracking quotes itself, and ends it.
 */
static size_t skip(dv_csvr *r, const char *p, size_t n, dcval_status *st);
static dcval_status skip_end(dv_csvr *r);

static dcval_status skip_begin(dv_csvr *r, const char *p, size_t n)
{
	char detail[96];
	dcval_status st;

	if (!r->header_done) {
		r->stop_input = true;
		snprintf(detail, sizeof(detail),
			 "header is larger than %zu bytes (the field size cap)",
			 r->max_rec);
		return dv_engine_input_issue(r->e, DV_R_MALFORMED, r->rec_line, 0,
					     detail);
	}
	r->skip_quoted = r->p.quoted && (r->p.pstate == DV_LIBCSV_FIELD_BEGUN ||
					 r->p.pstate == DV_LIBCSV_FIELD_MIGHT_HAVE_ENDED);
	r->skip_qmark = r->p.pstate == DV_LIBCSV_FIELD_MIGHT_HAVE_ENDED;
	r->skip_fstart = r->p.pstate <= DV_LIBCSV_FIELD_NOT_BEGUN;
	csv_free(&r->p);
	st = parser_init(r);
	if (st != DCVAL_OK)
		return st;
	memset(&r->skip_rec, 0, sizeof(r->skip_rec));
	r->skip_rec.line = r->rec_line;
	r->skip_rec.raw_written = true;
	r->skip_rec.values = dv_engine_begin_record(r->e);
	snprintf(detail, sizeof(detail),
		 "record is larger than %zu bytes (the field size cap)", r->max_rec);
	st = dv_engine_issue(r->e, &r->skip_rec, DV_R_MALFORMED, 0, NULL, NULL,
			     0, detail);
	if (st == DCVAL_STOP) {
		/* stopping here: the record still counts, as in finish_row() */
		dcval_status st2 = skip_end(r);

		return st2 == DCVAL_OK ? DCVAL_STOP : st2;
	}
	if (st == DCVAL_OK && r->want_raw)
		st = dv_engine_quarantine_invalid(r->e, r->raw.data, r->raw.len);
	r->skipping = true;
	if (st == DCVAL_OK)
		skip(r, p, n, &st);
	return st;
}

static dcval_status skip_end(dv_csvr *r)
{
	dcval_status st = dv_engine_end_record(r->e, &r->skip_rec);

	r->skipping = false;
	reset_row(r);
	return st;
}

/*
 * One byte of a skipped record, with libcsv's quoting rules (not strict):
 * a quote opens a quoted field only at the start of the field, elsewhere
 * it is a literal byte; inside quotes, a quote ends the quoting only when
 * a delimiter or a line break follows ('""' and text after the closing
 * quote stay quoted). Returns true at the line break ending the record.
 */
static bool skip_byte(dv_csvr *r, char c)
{
	bool term = c == '\n' || c == '\r';

	if (r->skip_qmark) {
		r->skip_qmark = false;
		if (c == r->delim || term) {
			r->skip_quoted = false;
			r->skip_fstart = !term;
			return term;
		}
		return false;
	}
	if (r->skip_quoted) {
		r->skip_qmark = c == r->c->quote;
		return false;
	}
	if (c == r->c->quote && r->skip_fstart) {
		r->skip_quoted = true;
		r->skip_fstart = false;
		return false;
	}
	r->skip_fstart = c == r->delim;
	return term;
}

static size_t skip(dv_csvr *r, const char *p, size_t n, dcval_status *st)
{
	size_t i = 0;
	bool end = false;

	for (; i < n && !end; i++)
		end = skip_byte(r, p[i]);
	if (end && p[i - 1] == '\r' && i < n && p[i] == '\n')
		i++;
	else if (end && p[i - 1] == '\r' && i == n)
		r->skip_lf = true; /* a '\n' may open the next chunk */
	count_lines(r, p, i);
	if (r->want_raw)
		*st = dv_engine_quarantine_invalid(r->e, p, i);
	if (*st == DCVAL_OK && end)
		*st = skip_end(r);
	return i;
}

/* The fields of p[0..end - p), which holds no quote and no line break. */
static void split_fields(dv_csvr *r, const char *p, const char *end)
{
	const char *d;

	while ((d = memchr(p, r->delim, (size_t)(end - p)))) {
		on_field((void *)p, (size_t)(d - p), r);
		p = d + 1;
	}
	on_field((void *)p, (size_t)(end - p), r);
}

/*
 * The first segment of a record: the fields before the first quote
 * character are split here, and only the rest of the line goes through
 * libcsv. With no quote in play and no space trimming, libcsv would yield
 * exactly the bytes between delimiters, at a byte at a time through its
 * state machine; from the field holding a quote on, it parses as usual
 * (it starts a row there, and the fields continue the same row).
 */
static void parse_first(dv_csvr *r, const char *p, size_t n)
{
	const char *q = memchr(p, r->c->quote, n), *end = p + n - 1, *d;
	bool line = *end == '\n' || *end == '\r';

	if (!q && line) {
		if (*end == '\n' && n >= 2 && end[-1] == '\r')
			end--;
		split_fields(r, p, end);
		r->row_ended = true;
		return;
	}
	for (d = q; d && d > p && d[-1] != r->delim; d--)
		;
	d = d && d > p ? d - 1 : NULL; /* the delimiter before the quote's field */
	if (d) {
		split_fields(r, p, d);
		n -= (size_t)(d + 1 - p);
		p = d + 1;
	}
	csv_parse(&r->p, p, n, on_field, on_row, r);
}

/* Feed one segment of a record to libcsv. */
static dcval_status feed(dv_csvr *r, const char *p, size_t n)
{
	if (!r->in_row) {
		if (only_terminators(p, n)) {
			count_lines(r, p, n); /* a blank line: not a record */
			return DCVAL_OK;
		}
		r->in_row = true;
		r->rec_line = r->line;
		r->rec_ascii = true;
	}
	if (r->rec_ascii && !dv_ascii_only(p, n))
		r->rec_ascii = false;
	if (r->rec_bytes + n > r->max_rec)
		return skip_begin(r, p, n);
	r->rec_bytes += n;
	if (r->want_raw && dv_buf_append(&r->raw, p, n) != DCVAL_OK)
		return DCVAL_ENOMEM;
	if (r->rec_bytes == n)
		parse_first(r, p, n);
	else
		csv_parse(&r->p, p, n, on_field, on_row, r);
	/* a segment holds no line break but its last one or two bytes */
	if (n > 2)
		r->prev_cr = false;
	count_lines(r, n > 2 ? p + n - 2 : p, n > 2 ? 2 : n);
	if (r->st != DCVAL_OK)
		return r->st;
	if (!r->row_ended)
		return DCVAL_OK;
	if (p[n - 1] == '\r') {
		r->pending = true; /* a '\n' may open the next chunk */
		return DCVAL_OK;
	}
	return finish_row(r, false);
}

static dcval_status feed_chunk(dv_csvr *r, const char *p, size_t n)
{
	dcval_status st = DCVAL_OK;
	size_t pos = 0, end;

	while (pos < n && st == DCVAL_OK && !r->stop_input) {
		if (r->skip_lf) {
			/* the '\n' of a skipped record's "\r\n" is its last byte */
			r->skip_lf = false;
			if (p[pos] == '\n') {
				if (r->want_raw)
					st = dv_engine_quarantine_invalid(r->e, p + pos, 1);
				r->prev_cr = false;
				pos++;
			}
			continue;
		}
		if (r->pending) {
			r->pending = false;
			if (p[pos] == '\n') {
				if (r->want_raw && dv_buf_putc(&r->raw, '\n') != DCVAL_OK)
					return DCVAL_ENOMEM;
				r->prev_cr = false;
				pos++;
			}
			st = finish_row(r, false);
			continue;
		}
		if (r->skipping) {
			pos += skip(r, p + pos, n - pos, &st);
			continue;
		}
		end = pos + segment_end(p + pos, n - pos);
		st = feed(r, p + pos, end - pos);
		pos = end;
	}
	return st;
}

static dcval_status finish_input(dv_csvr *r)
{
	dcval_status st = DCVAL_OK;
	bool open_quote;

	if (r->pending) {
		r->pending = false;
		st = finish_row(r, false);
	}
	if (st != DCVAL_OK || r->stop_input)
		return st;
	if (r->skipping)
		return skip_end(r);
	open_quote = r->in_row && r->p.quoted &&
		     r->p.pstate == DV_LIBCSV_FIELD_BEGUN;
	if (r->in_row) {
		csv_fini(&r->p, on_field, on_row, r);
		if (r->st != DCVAL_OK)
			return r->st;
		st = finish_row(r, open_quote);
	}
	if (st == DCVAL_OK && !r->saw_row && r->c->header)
		st = dv_engine_input_issue(r->e, DV_R_HEADER, 0, 0,
					   "input is empty: no header line");
	return st;
}

static dcval_status csv_chunk(void *ctx, const char *p, size_t n, bool *stop)
{
	dv_csvr *r = ctx;
	dcval_status st = feed_chunk(r, p, n);

	*stop = r->stop_input;
	return st;
}

static dcval_status run(dv_csvr *r, dv_source *src)
{
	size_t bom = dv_source_bom(src);
	dcval_status st;

	/* both outputs start as the input did, byte order mark included */
	st = dv_engine_quarantine_header(r->e, "\xef\xbb\xbf", bom);
	if (st == DCVAL_OK)
		st = dv_source_feed(src, bom, csv_chunk, r);
	if (st == DCVAL_OK)
		st = finish_input(r);
	return st;
}

dcval_status dv_csv_read(dv_engine *e, dv_source *src, char delimiter,
			 dcval_error *err)
{
	dv_csvr r;
	dcval_status st;

	memset(&r, 0, sizeof(r));
	r.e = e;
	r.c = dv_engine_contract(e);
	r.delim = delimiter;
	r.want_raw = dv_engine_wants_raw(e);
	r.max_rec = dv_engine_max_field(e);
	r.line = 1;
	dv_buf_init(&r.fields, r.max_rec + r.max_rec / 2 + 4096);
	dv_buf_init(&r.raw, r.max_rec + 4096);
	st = parser_init(&r);
	if (st == DCVAL_OK && !r.c->header) {
		r.header_done = true;
		st = dv_engine_positional(e);
	}
	if (st == DCVAL_OK)
		st = run(&r, src);
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, 0, 0, "out of memory");
	csv_free(&r.p);
	dv_buf_release(&r.fields);
	dv_buf_release(&r.raw);
	dv_free(r.off);
	dv_free(r.flen);
	return st;
}

/*
 * CSV rows with Python's csv module's boundaries (see csvrow.h).
 *
 * The input is cut into segments: one physical line each, its line end
 * ('\n', "\r\n" or a lone '\r') included, or the bytes up to the end of
 * a chunk. Inside a segment only its last one or two bytes can be line
 * breaks, so the scan moves over runs of bytes with memchr(): in an
 * unquoted field it looks for the delimiter only (a quote there is a
 * literal byte), in a quoted field for the quote only. A line without a
 * quote byte is thus split at its delimiters with one memchr() per field,
 * the fast path the reader had on libcsv; no byte is looked at twice.
 *
 * States follow CPython's Modules/_csv.c parse_process_char(): START_FIELD,
 * IN_FIELD, IN_QUOTED_FIELD and QUOTE_IN_QUOTED_FIELD; its START_RECORD is
 * `!in_row`, and EAT_CRNL needs no state because a segment holds one line
 * end at most. Lines are counted here, so every row knows its first line.
 */
#include <string.h>

#include "read/csvrow.h"
#include "util/alloc.h"
#include "util/utf8.h"

enum {
	ST_FIELD_START = 0, /* before a field's first byte */
	ST_UNQUOTED,        /* in an unquoted field (or after text following a closing quote) */
	ST_QUOTED,          /* inside quotes */
	ST_QUOTE_SEEN       /* a quote inside quotes: closing, or the first of a doubled pair */
};

void dv_csvrd_init(dv_csvrd *r, char delim, char quote, bool quoting,
		   size_t max_rec, bool keep_raw, const dv_csvrow_cb *cb)
{
	memset(r, 0, sizeof(*r));
	r->cb = *cb;
	r->delim = delim;
	r->quote = quote;
	r->quoting = quoting;
	r->max_rec = max_rec;
	r->keep_raw = keep_raw;
	r->line = 1;
	/* a row of max_rec bytes has at most max_rec + 1 fields: its field
	 * bytes and their NULs fit in max_rec + 1 */
	dv_buf_init(&r->fields, max_rec + max_rec / 2 + 4096);
	dv_buf_init(&r->raw, max_rec + 4096);
}

void dv_csvrd_release(dv_csvrd *r)
{
	dv_buf_release(&r->fields);
	dv_buf_release(&r->raw);
	dv_free(r->off);
	dv_free(r->flen);
	r->off = r->flen = NULL;
	r->alloc_f = 0;
}

static dcval_status grow_fields(dv_csvrd *r)
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

/* Bytes of the open field (nothing is kept for a row over the cap). */
static dcval_status add(dv_csvrd *r, const char *p, size_t n)
{
	if (r->big || n == 0)
		return DCVAL_OK;
	return dv_buf_append(&r->fields, p, n);
}

/* Close the open field: it ends before fields.len, a NUL follows. */
static dcval_status close_field(dv_csvrd *r)
{
	dcval_status st;

	if (r->big)
		return DCVAL_OK;
	if (r->nf == r->alloc_f && (st = grow_fields(r)) != DCVAL_OK)
		return st;
	r->off[r->nf] = r->fstart;
	r->flen[r->nf] = r->fields.len - r->fstart;
	st = dv_buf_putc(&r->fields, '\0');
	if (st != DCVAL_OK)
		return st;
	r->nf++;
	r->fstart = r->fields.len;
	return DCVAL_OK;
}

static void reset_row(dv_csvrd *r)
{
	r->nf = 0;
	r->fstart = 0;
	dv_buf_reset(&r->fields);
	dv_buf_reset(&r->raw);
	r->in_row = false;
	r->big = false;
	r->rec_bytes = 0;
	r->bad_quote = 0;
	r->state = ST_FIELD_START;
}

/*
 * Scan the content bytes p[0..m) of a segment (no line break among them)
 * from the current state. Every byte lands in the open field, closes it
 * (delimiter), or moves the state (quotes).
 */
static dcval_status scan(dv_csvrd *r, const char *p, size_t m)
{
	dcval_status st = DCVAL_OK;
	const char *hit;
	size_t i = 0, k;

	while (i < m && st == DCVAL_OK) {
		switch (r->state) {
		case ST_FIELD_START:
			if (r->quoting && p[i] == r->quote) {
				r->state = ST_QUOTED;
				i++;
				break;
			}
			r->state = ST_UNQUOTED;
			/* fall through */
		case ST_UNQUOTED:
			hit = memchr(p + i, r->delim, m - i);
			k = hit ? (size_t)(hit - (p + i)) : m - i;
			st = add(r, p + i, k);
			i += k;
			if (hit && st == DCVAL_OK) {
				st = close_field(r);
				r->state = ST_FIELD_START;
				i++;
			}
			break;
		case ST_QUOTED:
			hit = memchr(p + i, r->quote, m - i);
			k = hit ? (size_t)(hit - (p + i)) : m - i;
			st = add(r, p + i, k);
			i += k;
			if (hit) {
				r->state = ST_QUOTE_SEEN;
				i++;
			}
			break;
		default: /* ST_QUOTE_SEEN */
			if (p[i] == r->quote) {
				st = add(r, p + i, 1); /* "" is one quote */
				r->state = ST_QUOTED;
				i++;
			} else if (p[i] == r->delim) {
				st = close_field(r);
				r->state = ST_FIELD_START;
				i++;
			} else {
				/* text after the closing quote stays in the field,
				 * which goes on unquoted (Python, strict off) */
				if (!r->bad_quote)
					r->bad_quote = (uint32_t)(r->nf + 1);
				r->state = ST_UNQUOTED;
			}
			break;
		}
	}
	return st;
}

/*
 * The content p[0..m) of a whole line that starts a row. Fields before
 * the line's first quote byte cannot be quoted, so they go into the field
 * buffer with one copy, each delimiter overwritten by its field's NUL,
 * instead of an append and a close per field. The rest of the line, from
 * the start of the field that holds the quote, goes through scan() from a
 * field's start, as it would have; without a quote the last field stays
 * open, as scan() leaves it.
 */
static dcval_status scan_line(dv_csvrd *r, const char *p, size_t m)
{
	const char *q = r->quoting ? memchr(p, r->quote, m) : NULL;
	size_t lim = q ? (size_t)(q - p) : m, start = 0, end;
	const char *hit;
	dcval_status st;
	char *f;

	st = dv_buf_append(&r->fields, p, lim);
	if (st != DCVAL_OK || lim == 0)
		return st == DCVAL_OK ? scan(r, p, m) : st;
	f = r->fields.data;
	while ((hit = memchr(f + start, r->delim, lim - start)) != NULL) {
		if (r->nf == r->alloc_f && (st = grow_fields(r)) != DCVAL_OK)
			return st;
		end = (size_t)(hit - f);
		r->off[r->nf] = start;
		r->flen[r->nf] = end - start;
		f[end] = '\0';
		r->nf++;
		start = end + 1;
	}
	r->fstart = start;
	if (!q) {
		r->state = ST_UNQUOTED;
		return DCVAL_OK;
	}
	r->fields.len = start; /* the quote's field is scanned from its start */
	f[start] = '\0';
	return scan(r, p + start, m - start);
}

/* Count the line end t[0..n) (n is 0 to 2); "\r\n" counts once, also when
 * a chunk ends between its bytes. */
static void count_end(dv_csvrd *r, const char *t, size_t n)
{
	if (n == 0)
		return;
	if (!(n == 1 && t[0] == '\n' && r->prev_cr))
		r->line++;
	r->prev_cr = t[n - 1] == '\r';
}

/* The row is complete: hand it over. */
static dcval_status deliver(dv_csvrd *r, bool unterminated)
{
	dcval_status st;
	dv_csvrow row;

	if (r->big) {
		st = r->cb.big(r->cb.ctx, DV_CSVBIG_END, r->rec_line, NULL, 0);
		reset_row(r);
		return st;
	}
	row.buf = r->fields.data;
	row.off = r->off;
	row.len = r->flen;
	row.nf = r->nf;
	row.line = r->rec_line;
	row.raw = r->keep_raw ? r->raw.data : NULL;
	row.raw_len = r->keep_raw ? r->raw.len : 0;
	row.bad_quote = r->bad_quote;
	row.unterminated = unterminated;
	row.ascii = r->ascii;
	st = r->cb.row(r->cb.ctx, &row);
	reset_row(r);
	return st;
}

/* The row's bytes p[0..n): kept, or streamed when it is over the cap. */
static dcval_status take_raw(dv_csvrd *r, const char *p, size_t n)
{
	dcval_status st;

	if (!r->big && r->rec_bytes + n > r->max_rec) {
		r->big = true;
		dv_buf_reset(&r->fields);
		st = r->cb.big(r->cb.ctx, DV_CSVBIG_BEGIN, r->rec_line,
			       r->keep_raw ? r->raw.data : NULL,
			       r->keep_raw ? r->raw.len : 0);
		dv_buf_reset(&r->raw);
		if (st != DCVAL_OK || r->stop)
			return st;
	}
	r->rec_bytes += n;
	if (r->big)
		return r->keep_raw ? r->cb.big(r->cb.ctx, DV_CSVBIG_BYTES,
					       r->rec_line, p, n)
				   : DCVAL_OK;
	if (r->keep_raw)
		return dv_buf_append(&r->raw, p, n);
	return DCVAL_OK;
}

/*
 * One segment p[0..n): content bytes, then a line end of `t` bytes (0
 * when the chunk ended first); `last`: the chunk ends with it.
 */
static dcval_status segment(dv_csvrd *r, const char *p, size_t n, size_t t,
			    bool last)
{
	size_t m = n - t;
	dcval_status st;

	if (!r->in_row) {
		if (m == 0) {
			count_end(r, p, t); /* a line with no characters: not a row */
			return DCVAL_OK;
		}
		r->in_row = true;
		r->rec_line = r->line;
		r->ascii = true;
	}
	if (r->ascii && !dv_ascii_only(p, n))
		r->ascii = false;
	st = take_raw(r, p, n);
	if (st != DCVAL_OK || r->stop)
		return st;
	if (t && !r->big && r->nf == 0 && r->fields.len == 0 &&
	    r->state == ST_FIELD_START)
		st = scan_line(r, p, m);
	else
		st = scan(r, p, m);
	if (m)
		r->prev_cr = false;
	count_end(r, p + m, t);
	if (st != DCVAL_OK || t == 0)
		return st;
	if (r->state == ST_QUOTED)
		return add(r, p + m, t); /* a line end inside quotes */
	st = close_field(r);
	if (st != DCVAL_OK)
		return st;
	if (last && p[n - 1] == '\r') {
		r->pending = true; /* a '\n' may open the next chunk */
		return DCVAL_OK;
	}
	return deliver(r, false);
}

/* Length of the segment at p and of its line end: up to and with the
 * first '\n', "\r\n" or lone '\r', or all n bytes when none comes. */
static size_t segment_end(const char *p, size_t n, size_t *t)
{
	const char *nl = memchr(p, '\n', n);
	size_t lim = nl ? (size_t)(nl - p) : n;
	const char *cr = memchr(p, '\r', lim);

	if (cr) {
		size_t i = (size_t)(cr - p) + 1;

		*t = i < n && p[i] == '\n' ? 2 : 1;
		return i + *t - 1;
	}
	*t = nl ? 1 : 0;
	return nl ? lim + 1 : n;
}

dcval_status dv_csvrd_feed(dv_csvrd *r, const char *p, size_t n)
{
	dcval_status st = DCVAL_OK;
	size_t pos = 0, len, t;

	if (r->pending && n) {
		/* the row ended at a '\r' that ended the last chunk */
		r->pending = false;
		if (p[0] == '\n') {
			st = take_raw(r, p, 1);
			count_end(r, p, 1);
			pos = 1;
		}
		if (st == DCVAL_OK && !r->stop)
			st = deliver(r, false);
	}
	while (pos < n && st == DCVAL_OK && !r->stop) {
		len = segment_end(p + pos, n - pos, &t);
		st = segment(r, p + pos, len, t, pos + len == n);
		pos += len;
	}
	return st;
}

dcval_status dv_csvrd_finish(dv_csvrd *r)
{
	bool open_quote;
	dcval_status st;

	if (r->stop)
		return DCVAL_OK;
	if (r->pending) {
		r->pending = false;
		return deliver(r, false);
	}
	if (!r->in_row)
		return DCVAL_OK;
	/* the last line had no line end: it ends the row (Python's EOL) */
	open_quote = r->state == ST_QUOTED;
	st = close_field(r);
	if (st != DCVAL_OK)
		return st;
	return deliver(r, open_quote);
}

/*
 * In-memory sessions (include/dcval/session.h): records given one per
 * call become records of one input of the validator, through the same
 * code as a file's: JSON text through the strict parser and value walk of
 * jsonval.h, csv lines through csv.c's rows (csvr.h).
 */
#include <stdio.h>
#include <string.h>

#include "dcval/session.h"
#include "engine/engine.h"
#include "engine/live.h"
#include "read/csvr.h"
#include "read/jsonval.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

struct dcval_session {
	dv_engine *e;        /* borrowed */
	dv_input *input;     /* the validator's record of this input */
	bool json;           /* JSON records, else csv lines */
	bool stopped;        /* a status ended the session */
	dv_jsonval jv;       /* json */
	dv_buf raw;          /* json: the quarantine copy of a record */
	dv_csvr *csv;        /* csv */
};

/* The format a session reads: the caller's, else the contract's, else
 * JSON; JSON Lines and a JSON array's elements are JSON records alike. */
static dcval_format session_format(const dv_engine *e, dcval_format f)
{
	if (f == DCVAL_FORMAT_AUTO)
		f = dv_engine_contract(e)->format;
	return f == DCVAL_FORMAT_AUTO ? DCVAL_FORMAT_JSONL : f;
}

static dcval_status session_start(dcval_session *s, dcval_format f)
{
	const struct dcval_contract *c = dv_engine_contract(s->e);
	char delim;

	if (s->json) {
		dv_buf_init(&s->raw, dv_engine_max_line(s->e) + 1);
		/* undeclared keys in every record that has them (a file run
		 * reports each once per input): each request stands alone */
		s->jv.extra_each = true;
		return dv_jsonval_init(&s->jv, s->e);
	}
	delim = f == DCVAL_FORMAT_TSV ? '\t' : ',';
	if (c->delimiter_set)
		delim = c->delimiter;
	s->csv = dv_csvr_new(s->e, delim, s->input->path);
	if (!s->csv)
		return DCVAL_ENOMEM;
	return c->header ? DCVAL_OK : dv_csvr_positional(s->csv);
}

dcval_session *dcval_session_new(dcval_validator *v, const char *name,
				 dcval_format format, dcval_error *err)
{
	dcval_session *s;
	dcval_format f;
	dcval_status st;

	if (!v || !name) {
		dv_error_set(err, DCVAL_EUSAGE, NULL, 0, 0,
			     "a session needs a validator and a name");
		return NULL;
	}
	if (dv_engine_reading(v)) {
		dv_error_set(err, DCVAL_EUSAGE, NULL, 0, 0,
			     "the validator is reading another input");
		return NULL;
	}
	s = dv_calloc(1, sizeof(*s));
	if (!s)
		goto out_nomem;
	s->e = v;
	s->input = dv_engine_input_begin(v, name);
	if (!s->input) {
		dv_free(s);
		goto out_nomem;
	}
	f = session_format(v, format);
	s->input->format = f;
	s->json = f == DCVAL_FORMAT_JSONL || f == DCVAL_FORMAT_JSON;
	st = session_start(s, f);
	if (st != DCVAL_OK) {
		dcval_session_free(s);
		dv_error_set(err, st, name, 0, 0, "%s",
			     st == DCVAL_ENOMEM ? "out of memory"
						: "the session cannot start");
		return NULL;
	}
	return s;

out_nomem:
	dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

void dcval_session_free(dcval_session *s)
{
	if (!s)
		return;
	if (s->json) {
		dv_jsonval_release(&s->jv);
		dv_buf_release(&s->raw);
	}
	dv_csvr_free(s->csv);
	dv_engine_input_end(s->e);
	dv_free(s);
}

/* A status that ends the session (a stop, a failed write, no memory). */
static dcval_status session_status(dcval_session *s, dcval_status st,
				   dcval_error *err)
{
	if (st == DCVAL_OK)
		return st;
	s->stopped = true;
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, s->input->path, 0, 0, "out of memory");
	return st;
}

dcval_status dcval_session_header(dcval_session *s, const char *line,
				  size_t len, dcval_error *err)
{
	if (s->json || dv_csvr_header_done(s->csv))
		return dv_error_set(err, DCVAL_EUSAGE, s->input->path, 0, 0, "%s",
				    s->json ? "a JSON session has no header line"
				    : !dv_engine_contract(s->e)->header
					    ? "the contract says header: false"
					    : "the header line was given already");
	if (s->stopped)
		return DCVAL_STOP;
	return session_status(s, dv_csvr_feed(s->csv, line, len, err), err);
}

/* The quarantine copy of JSON text t[0..n): one line (line breaks between
 * tokens as spaces, as the JSON array reader writes), "\n" after it. */
static dcval_status json_raw(dcval_session *s, const char *t, size_t n)
{
	dcval_status st;
	size_t i;

	dv_buf_reset(&s->raw);
	st = dv_buf_append(&s->raw, t, n);
	if (st == DCVAL_OK)
		st = dv_buf_putc(&s->raw, '\n');
	for (i = 0; st == DCVAL_OK && i < n; i++)
		if (s->raw.data[i] == '\n' || s->raw.data[i] == '\r')
			s->raw.data[i] = ' ';
	return st;
}

/* Line and column (1-based) of byte offset k in t[0..n). */
static void locate(const char *t, size_t n, size_t k, uint64_t *line,
		   uint64_t *col)
{
	size_t i, start = 0;

	*line = 1;
	for (i = 0; i < k && i < n; i++) {
		if (t[i] == '\n') {
			++*line;
			start = i + 1;
		}
	}
	*col = (uint64_t)(k - start) + 1;
}

/*
 * A record over max_line_bytes: one `malformed` record, never copied; its
 * bytes go to the invalid quarantine output in pieces (line breaks as
 * spaces, "\n" after), as the file readers stream an overlong record.
 */
static dcval_status json_overlong(dcval_session *s, uint64_t line,
				  const char *t, size_t n)
{
	char detail[80], buf[4096];
	dcval_status st, st2 = DCVAL_OK;
	dv_record rec;
	size_t i, k;

	memset(&rec, 0, sizeof(rec));
	rec.line = line;
	rec.raw_written = true;
	rec.values = dv_engine_begin_record(s->e);
	for (i = 0; i < dv_engine_contract(s->e)->n_columns; i++)
		rec.values[i].kind = DV_V_SKIP;
	snprintf(detail, sizeof(detail), "record longer than %zu bytes",
		 dv_engine_max_line(s->e));
	st = dv_engine_issue(s->e, &rec, DV_R_MALFORMED, 0, NULL, NULL, 0,
			     detail);
	while (s->jv.want_raw && (st == DCVAL_OK || st == DCVAL_STOP) &&
	       st2 == DCVAL_OK && n) {
		k = n < sizeof(buf) ? n : sizeof(buf);
		for (i = 0; i < k; i++)
			buf[i] = t[i] == '\n' || t[i] == '\r' ? ' ' : t[i];
		st2 = dv_engine_quarantine_invalid(s->e, buf, k);
		t += k;
		n -= k;
	}
	if (st2 == DCVAL_OK && s->jv.want_raw)
		st2 = dv_engine_quarantine_invalid(s->e, "\n", 1);
	if (st2 != DCVAL_OK)
		return st2;
	st2 = dv_engine_end_record(s->e, &rec);
	return st == DCVAL_OK ? st2 : st;
}

static dcval_status json_record(dcval_session *s, const char *t, size_t n)
{
	uint64_t rec = s->input->counts.records + 1, line, col;
	const char *raw = NULL;
	size_t raw_len = 0;
	char detail[240];
	dcval_status st;
	dv_rule rule;
	bool valid;

	if (n > dv_engine_max_line(s->e))
		return json_overlong(s, rec, t, n);
	if (s->jv.want_raw) {
		st = json_raw(s, t, n);
		if (st != DCVAL_OK)
			return st;
		raw = s->raw.data;
		raw_len = s->raw.len;
	}
	st = dv_jsonval_parse(&s->jv, t, n, &valid);
	if (st != DCVAL_OK)
		return st;
	if (valid)
		return dv_jsonval_emit(&s->jv, rec, raw, raw_len);
	locate(t, n, s->jv.doc.err.pos, &line, &col);
	rule = dv_jsonval_describe(&s->jv, line > 1, line, col, detail,
				   sizeof(detail));
	return dv_jsonval_bad(&s->jv, rec, rule, detail, raw, raw_len);
}

dcval_status dcval_session_check(dcval_session *s, const char *text,
				 size_t len, dcval_error *err)
{
	if (s->stopped)
		return DCVAL_STOP;
	if (!s->json && !dv_csvr_header_done(s->csv))
		return dv_error_set(err, DCVAL_EUSAGE, s->input->path, 0, 0,
				    "give the header line first");
	if (!text && len)
		return dv_error_set(err, DCVAL_EUSAGE, s->input->path, 0, 0,
				    "no record text");
	if (!s->json)
		return session_status(s, dv_csvr_feed(s->csv, text, len, err),
				      err);
	return session_status(s, json_record(s, text ? text : "", len), err);
}

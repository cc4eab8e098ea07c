/*
 * Per-record flow: begin, reader issues, end (checks, counts, quarantine).
 * Every violation passes through dv_engine_emit (emit.c).
 */
#include <string.h>

#include "engine/dsstats.h"
#include "engine/colstats.h"
#include "engine/engine_impl.h"
#include "engine/part.h"

bool dv_engine_policy(const struct dcval_contract *c, dv_rule rule,
		      dcval_severity *sev)
{
	dv_policy p = DV_POLICY_ERROR;

	if (rule == DV_R_EXTRA_COLUMN)
		p = c->extra_columns;
	else if (rule == DV_R_MISSING_COLUMN)
		p = c->missing_columns;
	*sev = p == DV_POLICY_WARN ? DCVAL_SEVERITY_WARN : DCVAL_SEVERITY_ERROR;
	return p != DV_POLICY_IGNORE;
}

dv_value *dv_engine_begin_record(dv_engine *e)
{
	memset(e->values, 0, e->c->n_columns * sizeof(*e->values));
	e->rec_no = e->cur->counts.records + 1;
	e->rec_error = false;
	e->q_open_line = false;
	return e->values;
}

dcval_status dv_engine_issue(dv_engine *e, dv_record *rec, dv_rule rule,
			     uint32_t field, const char *column,
			     const char *value, size_t value_len,
			     const char *detail)
{
	dcval_severity sev;

	if (!dv_engine_policy(e->c, rule, &sev))
		return DCVAL_OK;
	if (e->stop)
		return DCVAL_STOP;
	return dv_engine_emit(e, rec, rule, sev, field, column, value,
			      value_len, false, detail);
}

/* A record-less violation that still points at a line (0: none). */
static dcval_status line_issue(dv_engine *e, dv_rule rule, uint64_t line,
			       uint32_t field, const char *value,
			       size_t value_len, const char *detail)
{
	dv_record rec;

	if (e->stop)
		return DCVAL_STOP;
	memset(&rec, 0, sizeof(rec));
	rec.line = line;
	e->rec_no = 0;
	return dv_engine_emit(e, line ? &rec : NULL, rule, DCVAL_SEVERITY_ERROR,
			      field, NULL, value, value_len, false, detail);
}

dcval_status dv_engine_input_issue(dv_engine *e, dv_rule rule, uint64_t line,
				   uint32_t field, const char *detail)
{
	return line_issue(e, rule, line, field, NULL, 0, detail);
}

dcval_status dv_engine_header_issue(dv_engine *e, dv_rule rule, uint64_t line,
				    uint32_t field, const char *value,
				    size_t value_len, const char *detail)
{
	return line_issue(e, rule, line, field, value, value_len, detail);
}

dcval_status dv_engine_field_issue(dv_engine *e, dv_record *rec, dv_rule rule,
				   uint32_t field, long col, const char *value,
				   size_t value_len, const char *detail)
{
	dcval_severity sev;
	bool redacted = col >= 0 && e->c->columns[col].sensitive;

	if (!dv_engine_policy(e->c, rule, &sev))
		return DCVAL_OK;
	if (e->stop)
		return DCVAL_STOP;
	return dv_engine_emit(e, rec, rule, sev, field, NULL, value, value_len,
			      redacted, detail);
}

static dcval_status put(FILE *out, const char *p, size_t n)
{
	if (!out || !n)
		return DCVAL_OK;
	return fwrite(p, 1, n, out) == n ? DCVAL_OK : DCVAL_EIO;
}

static bool is_line_end(char c)
{
	return c == '\n' || c == '\r';
}

/* Bytes to both outputs. */
static dcval_status put_both(dv_engine *e, const char *p, size_t n)
{
	dcval_status st = put(e->opts.valid_out, p, n);

	if (st == DCVAL_OK)
		st = put(e->opts.invalid_out, p, n);
	return st;
}

/* The header line without its line end. */
static size_t header_text_len(const char *raw, size_t len)
{
	while (len && is_line_end(raw[len - 1]))
		len--;
	return len;
}

dcval_status dv_engine_quarantine_header(dv_engine *e, size_t bom,
					 const char *raw, size_t len,
					 bool *joined, const char **first)
{
	size_t text = header_text_len(raw, len);
	dcval_status st;

	*joined = true;
	*first = NULL;
	if (!e->opts.valid_out && !e->opts.invalid_out)
		return DCVAL_OK;
	if (e->q_started) {
		*joined = text == e->q_header.len &&
			  (text == 0 || memcmp(raw, e->q_header.data, text) == 0);
		*first = e->inputs[e->q_header_input].path;
		return DCVAL_OK;
	}
	e->q_started = true;
	e->q_header_input = (size_t)(e->cur - e->inputs);
	dv_buf_reset(&e->q_header);
	st = dv_buf_append(&e->q_header, raw, text);
	if (st == DCVAL_OK)
		st = put_both(e, "\xef\xbb\xbf", bom);
	if (st == DCVAL_OK)
		st = put_both(e, raw, len);
	if (st == DCVAL_OK && len && text == len)
		st = put_both(e, "\n", 1);
	return st;
}

dcval_status dv_engine_quarantine_invalid(dv_engine *e, const char *raw,
					  size_t len)
{
	if (e->log)
		return dv_worker_raw(e, raw, len);
	if (len)
		e->q_open_line = !is_line_end(raw[len - 1]);
	return put(e->opts.invalid_out, raw, len);
}

/* The record's bytes to its side; a "\n" ends a last line without one. */
static dcval_status quarantine_record(dv_engine *e, const dv_record *rec)
{
	FILE *out = e->rec_error ? e->opts.invalid_out : e->opts.valid_out;
	dcval_status st = DCVAL_OK;
	bool open_line;

	if (rec->raw_written) {
		open_line = e->q_open_line;
		out = e->opts.invalid_out;
	} else {
		st = put(out, rec->raw, rec->raw_len);
		open_line = rec->raw_len && !is_line_end(rec->raw[rec->raw_len - 1]);
	}
	e->q_open_line = false;
	if (st == DCVAL_OK && open_line)
		st = put(out, "\n", 1);
	return st;
}

/* A worker's record: its checks to the log, then its end. */
static dcval_status worker_end_record(dv_engine *e, dv_record *rec)
{
	dcval_status st = dv_engine_check_columns(e, rec);

	if (st == DCVAL_OK)
		st = dv_engine_check_rules(e, rec);
	if (st == DCVAL_OK)
		st = dv_engine_check_primary_key(e, rec);
	if (st == DCVAL_OK)
		st = dv_worker_end(e, rec);
	return st;
}

dcval_status dv_engine_end_record(dv_engine *e, dv_record *rec)
{
	dcval_status st = DCVAL_OK;

	if (e->log)
		return worker_end_record(e, rec);
	if (!e->stop)
		st = dv_engine_check_columns(e, rec);
	if (st == DCVAL_OK && !e->stop)
		st = dv_engine_check_rules(e, rec);
	if (st == DCVAL_OK && !e->stop)
		st = dv_engine_check_primary_key(e, rec);
	if (st == DCVAL_OK && !e->stop)
		st = dv_dsstats_record(e);
	if (st == DCVAL_OK)
		st = dv_engine_stats_record(e);
	return dv_engine_record_done(e, rec, st);
}

dcval_status dv_engine_record_done(dv_engine *e, dv_record *rec,
				   dcval_status st)
{
	dv_part_record_end(e); /* a sharded run's part (part.h) */
	e->total.records++;
	e->cur->counts.records++;
	if (e->rec_error) {
		e->total.invalid_records++;
		e->cur->counts.invalid_records++;
	}
	if ((st == DCVAL_OK || st == DCVAL_STOP) &&
	    quarantine_record(e, rec) != DCVAL_OK)
		st = DCVAL_EIO;
	if (st == DCVAL_OK && e->stop)
		st = DCVAL_STOP;
	if ((st == DCVAL_OK || st == DCVAL_STOP) && dv_engine_live_flush(e) != DCVAL_OK)
		st = DCVAL_EIO;
	return st;
}

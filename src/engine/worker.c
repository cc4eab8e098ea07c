/*
 * Workers of parallel validation: a validator that shares the run's
 * compiled contract and options, owns its per-record scratch, and logs
 * what its records produce (the buffering sink, worklog.h) for the run's
 * validator to replay in input order (replay.c). Strings are copied into
 * the log: nothing in it borrows from the reader's buffers.
 */
#include <string.h>
#include <unistd.h>

#include "engine/engine_impl.h"
#include "engine/worklog.h"
#include "util/alloc.h"

bool dv_engine_can_split(const dv_engine *e)
{
	return !e->ds && !e->drift && !e->stats && !e->log;
}

bool dv_engine_is_worker(const dv_engine *e)
{
	return e->log != NULL || e->cur == &e->wk_input;
}

unsigned dv_engine_jobs(const dv_engine *e)
{
	long n;

	if (e->opts.jobs)
		return e->opts.jobs;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

size_t dv_engine_chunk_bytes(const dv_engine *e)
{
	return e->opts.chunk_bytes;
}

dv_engine *dv_engine_worker_new(const dv_engine *e)
{
	size_t n = e->c->n_columns;
	dv_engine *w = dv_calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->c = e->c;
	w->opts = e->opts;
	w->opts.on_violation = NULL;
	w->opts.on_progress = NULL;
	w->opts.on_flush = NULL;
	w->opts.flags &= ~(unsigned)DCVAL_VALIDATE_FAIL_FAST;
	dv_buf_init(&w->key, (size_t)1 << 30);
	dv_buf_init(&w->text, (size_t)1 << 20);
	w->values = dv_calloc(n, sizeof(*w->values));
	w->typed = dv_calloc(n, sizeof(*w->typed));
	w->has_typed = dv_calloc(n, sizeof(*w->has_typed));
	w->col_skip = dv_calloc(n, sizeof(*w->col_skip));
	w->md = pcre2_match_data_create(1, NULL);
	w->cur = &w->wk_input;
	if (!w->values || !w->typed || !w->has_typed || !w->col_skip || !w->md) {
		dv_engine_worker_free(w);
		return NULL;
	}
	return w;
}

void dv_engine_worker_free(dv_engine *w)
{
	if (!w)
		return;
	dv_free(w->field_map);
	dv_free(w->col_skip);
	dv_free(w->values);
	dv_free(w->typed);
	dv_free(w->has_typed);
	dv_buf_release(&w->key);
	dv_buf_release(&w->text);
	pcre2_match_data_free(w->md);
	dv_free(w);
}

dcval_status dv_engine_worker_input(dv_engine *w, const dv_engine *e)
{
	long *m = NULL;

	if (e->n_field_map) {
		m = dv_reallocarray(w->field_map, e->n_field_map, sizeof(*m));
		if (!m)
			return DCVAL_ENOMEM;
		memcpy(m, e->field_map, e->n_field_map * sizeof(*m));
		w->field_map = m;
	}
	w->n_field_map = e->n_field_map;
	memcpy(w->col_skip, e->col_skip, e->c->n_columns * sizeof(*w->col_skip));
	memset(&w->wk_input, 0, sizeof(w->wk_input));
	w->wk_input.path = e->cur ? e->cur->path : NULL;
	w->wk_input.format = e->cur ? e->cur->format : DCVAL_FORMAT_AUTO;
	return DCVAL_OK;
}

void dv_engine_worker_bind(dv_engine *w, dv_buf *log, const char *chunk,
			   size_t n)
{
	w->log = log;
	w->chunk_lo = chunk;
	w->chunk_hi = chunk + n;
}

/* One event: the header, then each string's bytes. */
static dcval_status put_ev(dv_engine *e, dv_ev *ev, const char *const *s)
{
	dcval_status st = dv_buf_append(e->log, ev, sizeof(*ev));
	size_t i;

	/* each string with a NUL after it: C strings stay C strings */
	for (i = 0; i < DV_EV_STRS && st == DCVAL_OK; i++) {
		if (ev->len[i] == DV_EV_NONE)
			continue;
		if (ev->len[i])
			st = dv_buf_append(e->log, s[i], (size_t)ev->len[i]);
		if (st == DCVAL_OK)
			st = dv_buf_putc(e->log, '\0');
	}
	return st;
}

static uint64_t len_of(const char *s, size_t n)
{
	return s ? n : DV_EV_NONE;
}

static uint64_t strlen_of(const char *s)
{
	return s ? strlen(s) : DV_EV_NONE;
}

dcval_status dv_worker_violation(dv_engine *e, const dv_record *rec,
				 const char *rule, dcval_severity sev,
				 uint32_t field, const char *column,
				 const char *value, size_t value_len,
				 bool redacted, const char *detail)
{
	const char *s[DV_EV_STRS] = { rule, column, value, detail };
	dv_ev ev = { .kind = DV_EV_VIOL, .field = field, .sev = (int32_t)sev };

	ev.flags = (rec ? DV_EVF_REC : 0) | (redacted ? DV_EVF_REDACTED : 0);
	ev.line = rec ? rec->line : 0;
	ev.len[0] = strlen_of(rule);
	ev.len[1] = strlen_of(column);
	ev.len[2] = len_of(value, value_len);
	ev.len[3] = strlen_of(detail);
	return put_ev(e, &ev, s);
}

dcval_status dv_worker_unique(dv_engine *e, const dv_record *rec,
			      const dv_column *col, uint32_t field, const char *value,
			      size_t value_len)
{
	const char *s[DV_EV_STRS] = { e->key.data, value, NULL, NULL };
	dv_ev ev = { .kind = DV_EV_UNIQUE, .field = field, .aux = col->index,
		     .line = rec->line };

	ev.len[0] = e->key.len;
	ev.len[1] = len_of(value, value_len);
	ev.len[2] = ev.len[3] = DV_EV_NONE;
	return put_ev(e, &ev, s);
}

dcval_status dv_worker_pk(dv_engine *e, const dv_record *rec, bool has_null,
			  uint32_t field,
			  const char *text, size_t len, bool redacted)
{
	const char *s[DV_EV_STRS] = { e->key.data, text, NULL, NULL };
	dv_ev ev = { .kind = DV_EV_PK, .field = field, .line = rec->line };

	ev.flags = (has_null ? DV_EVF_NULL : 0) |
		   (redacted ? DV_EVF_REDACTED : 0);
	ev.len[0] = has_null ? 0 : e->key.len;
	ev.len[1] = len;
	ev.len[2] = ev.len[3] = DV_EV_NONE;
	return put_ev(e, &ev, s);
}

dcval_status dv_worker_raw(dv_engine *e, const char *p, size_t n)
{
	const char *s[DV_EV_STRS] = { p, NULL, NULL, NULL };
	dv_ev ev = { .kind = DV_EV_RAW };

	ev.len[0] = n;
	ev.len[1] = ev.len[2] = ev.len[3] = DV_EV_NONE;
	return put_ev(e, &ev, s);
}

/* A record's raw bytes inside the chunk go by offset (JSON Lines parses
 * in place), others are copied (a csv row's own buffer). */
dcval_status dv_worker_end(dv_engine *e, const dv_record *rec)
{
	const char *s[DV_EV_STRS] = { rec->raw, NULL, NULL, NULL };
	dv_ev ev = { .kind = DV_EV_END, .line = rec->line };

	ev.len[0] = rec->raw ? rec->raw_len : 0;
	ev.len[1] = ev.len[2] = ev.len[3] = DV_EV_NONE;
	if (rec->raw_written)
		ev.flags |= DV_EVF_WRITTEN;
	if (rec->raw)
		ev.flags |= DV_EVF_HASRAW;
	if (rec->raw && rec->raw >= e->chunk_lo &&
	    rec->raw + rec->raw_len <= e->chunk_hi) {
		ev.flags |= DV_EVF_OFFSET;
		ev.aux = (uint64_t)(rec->raw - e->chunk_lo);
		return dv_buf_append(e->log, &ev, sizeof(ev));
	}
	return put_ev(e, &ev, s);
}

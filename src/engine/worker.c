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

void dv_engine_keys_shared(dv_engine *e)
{
	size_t i;

	for (i = 0; e->unique && i < e->c->n_columns; i++)
		if (e->unique[i])
			dv_keyset_prefault(e->unique[i]);
	if (e->pk)
		dv_keyset_prefault(e->pk);
	if (e->extra_seen)
		dv_keyset_prefault(e->extra_seen);
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
	w->log_run = 0;
}

/*
 * Events are written in place (worklog.h): room for the most bytes the
 * event can take is reserved once, its fields and strings are written at
 * the log's end, and the log's length is moved past them.
 */
static dcval_status ev_room(dv_engine *e, size_t n, char **p)
{
	dv_buf *b = e->log;
	dcval_status st;

	/* room already there (and so within the cap): no call */
	if (!b->data || b->alloc - b->len <= n) {
		st = dv_buf_reserve(b, n);
		if (st != DCVAL_OK) {
			*p = NULL;
			return st;
		}
	}
	*p = b->data + b->len;
	return DCVAL_OK;
}

/* The event ends at p. */
static dcval_status ev_done(dv_engine *e, char *p)
{
	e->log->len = (size_t)(p - e->log->data);
	e->log->data[e->log->len] = '\0'; /* as dv_buf keeps it */
	return DCVAL_OK;
}

static uint64_t len_of(const char *s, size_t n)
{
	return s ? n : DV_EV_NONE;
}

static uint64_t strlen_of(const char *s)
{
	return s ? strlen(s) : DV_EV_NONE;
}

/* A string's stored length: plus one, 0 for NULL. */
static uint64_t len1(uint64_t len)
{
	return len == DV_EV_NONE ? 0 : len + 1;
}

/* The bytes a string takes in the log (its NUL included). */
static size_t str_room(uint64_t len)
{
	return len == DV_EV_NONE ? 0 : (size_t)len + 1;
}

/* A string's bytes and a NUL after them (NULL: nothing). */
static char *put_str(char *p, const char *s, uint64_t len)
{
	if (len == DV_EV_NONE)
		return p;
	if (len)
		memcpy(p, s, (size_t)len);
	p[len] = '\0';
	return p + len + 1;
}

static char *put_bytes(char *p, const char *s, size_t n)
{
	if (n)
		memcpy(p, s, n);
	return p + n;
}

static char tag(enum dv_ev_kind kind, unsigned flags)
{
	return (char)(kind | flags << DV_EV_KIND_BITS);
}

dcval_status dv_worker_violation(dv_engine *e, const dv_record *rec,
				 const char *rule, dcval_severity sev,
				 uint32_t field, const char *column,
				 const char *value, size_t value_len,
				 bool redacted, const char *detail)
{
	const char *s[DV_EV_STRS] = { rule, column, value, detail };
	uint64_t len[DV_EV_STRS];
	size_t room = 1 + 7 * DV_EV_VARINT_MAX, i;
	dcval_status st;
	char *p;

	len[0] = strlen_of(rule);
	len[1] = strlen_of(column);
	len[2] = len_of(value, value_len);
	len[3] = strlen_of(detail);
	for (i = 0; i < DV_EV_STRS; i++)
		room += str_room(len[i]);
	if ((st = ev_room(e, room, &p)) != DCVAL_OK)
		return st;
	*p++ = tag(DV_EV_VIOL, (rec ? DV_EVF_REC : 0) |
				       (redacted ? DV_EVF_REDACTED : 0));
	p = dv_ev_put(p, (uint32_t)sev);
	p = dv_ev_put(p, field);
	p = dv_ev_put(p, rec ? rec->line : 0);
	for (i = 0; i < DV_EV_STRS; i++)
		p = dv_ev_put(p, len1(len[i]));
	for (i = 0; i < DV_EV_STRS; i++)
		p = put_str(p, s[i], len[i]);
	return ev_done(e, p);
}

dcval_status dv_worker_unique(dv_engine *e, const dv_record *rec,
			      const dv_column *col, uint32_t field, const char *value,
			      size_t value_len)
{
	uint64_t vlen = len_of(value, value_len);
	dcval_status st;
	char *p;

	st = ev_room(e, 1 + 5 * DV_EV_VARINT_MAX + e->key.len + str_room(vlen),
		     &p);
	if (st != DCVAL_OK)
		return st;
	*p++ = tag(DV_EV_UNIQUE, 0);
	p = dv_ev_put(p, col->index);
	p = dv_ev_put(p, field);
	p = dv_ev_put(p, rec->line);
	p = dv_ev_put(p, e->key.len);
	p = dv_ev_put(p, len1(vlen));
	p = put_bytes(p, e->key.data, e->key.len);
	p = put_str(p, value, vlen);
	return ev_done(e, p);
}

dcval_status dv_worker_pk(dv_engine *e, const dv_record *rec, bool has_null,
			  uint32_t field,
			  const char *text, size_t len, bool redacted)
{
	size_t klen = has_null ? 0 : e->key.len;
	dcval_status st;
	char *p;

	st = ev_room(e, 1 + 4 * DV_EV_VARINT_MAX + klen + len + 1, &p);
	if (st != DCVAL_OK)
		return st;
	*p++ = tag(DV_EV_PK, (has_null ? DV_EVF_NULL : 0) |
				     (redacted ? DV_EVF_REDACTED : 0));
	p = dv_ev_put(p, field);
	p = dv_ev_put(p, rec->line);
	p = dv_ev_put(p, klen);
	p = dv_ev_put(p, len1(len));
	p = put_bytes(p, e->key.data, klen);
	p = put_str(p, text, len);
	return ev_done(e, p);
}

dcval_status dv_worker_raw(dv_engine *e, const char *p, size_t n)
{
	dcval_status st;
	char *q;

	if ((st = ev_room(e, 1 + DV_EV_VARINT_MAX + n, &q)) != DCVAL_OK)
		return st;
	*q++ = tag(DV_EV_RAW, 0);
	q = dv_ev_put(q, n);
	q = put_bytes(q, p, n);
	return ev_done(e, q);
}

/* A record without raw bytes ends: the last RUN grows when nothing was
 * logged since it, else a new RUN of one. */
static dcval_status put_run(dv_engine *e)
{
	dv_buf *b = e->log;
	dcval_status st;
	uint32_t n = 1;
	char *p;

	if (e->log_run && e->log_run == b->len) {
		memcpy(&n, b->data + b->len - 4, 4);
		if (n < UINT32_MAX) {
			n++;
			memcpy(b->data + b->len - 4, &n, 4);
			return DCVAL_OK;
		}
		n = 1;
	}
	if ((st = ev_room(e, DV_EV_RUN_LEN, &p)) != DCVAL_OK)
		return st;
	*p++ = tag(DV_EV_RUN, 0);
	memcpy(p, &n, 4);
	ev_done(e, p + 4);
	e->log_run = b->len;
	return DCVAL_OK;
}

/* A record's raw bytes inside the chunk go by offset (JSON Lines parses
 * in place), others are copied (a csv row's own buffer). */
dcval_status dv_worker_end(dv_engine *e, const dv_record *rec)
{
	bool inside = rec->raw && rec->raw >= e->chunk_lo &&
		      rec->raw + rec->raw_len <= e->chunk_hi;
	size_t n = rec->raw ? rec->raw_len : 0;
	unsigned flags = 0;
	dcval_status st;
	char *p;

	if (!rec->raw && !rec->raw_written)
		return put_run(e);
	if (rec->raw_written)
		flags |= DV_EVF_WRITTEN;
	if (rec->raw)
		flags |= DV_EVF_HASRAW;
	if (inside)
		flags |= DV_EVF_OFFSET;
	st = ev_room(e, 1 + 2 * DV_EV_VARINT_MAX + (inside ? 0 : n), &p);
	if (st != DCVAL_OK)
		return st;
	*p++ = tag(DV_EV_END, flags);
	if (inside)
		p = dv_ev_put(p, (uint64_t)(rec->raw - e->chunk_lo));
	p = dv_ev_put(p, n);
	if (!inside)
		p = put_bytes(p, rec->raw, n);
	return ev_done(e, p);
}

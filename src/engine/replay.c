/*
 * The reducer of parallel validation: a worker's log (worklog.h) replayed
 * into the run's validator in input order. Each record gets its number
 * here, its violations go through dv_engine_emit (counts, the callback,
 * fail-fast), its unique and primary keys have been looked up in the
 * run's key sets by dv_engine_resolve() in input order (exact across
 * chunks; else the replay looks them up), and it is counted and quarantined by
 * dv_engine_record_done(), as on one thread. After the first status other
 * than OK a record's later events are dropped, as the one-thread path
 * skips the checks after it; after a STOP nothing more is replayed.
 */
#include <string.h>

#include "engine/engine_impl.h"
#include "engine/worklog.h"

/* Cursor over a log. */
typedef struct dv_evcur {
	const char *p;
	const char *end;
} dv_evcur;

/* A string stored with its length plus one (0: NULL), a NUL after it. */
static const char *get_str(dv_evcur *c, uint64_t len1, uint64_t *len)
{
	const char *s = c->p;

	if (!len1) {
		*len = DV_EV_NONE;
		return NULL;
	}
	*len = len1 - 1;
	c->p += len1;
	return s;
}

static const char *get_bytes(dv_evcur *c, uint64_t len)
{
	const char *s = c->p;

	c->p += len;
	return s;
}

/* A UNIQUE's or PK's fields after the column: field, line, the key and
 * the value's text. */
static void get_key(dv_evcur *c, dv_ev *ev, const char **s)
{
	uint64_t len1;

	ev->field = (uint32_t)dv_ev_get(&c->p);
	ev->line = dv_ev_get(&c->p);
	ev->len[0] = dv_ev_get(&c->p);
	len1 = dv_ev_get(&c->p);
	s[0] = get_bytes(c, ev->len[0]);
	s[1] = get_str(c, len1, &ev->len[1]);
}

/* The next event and its strings (NULL for DV_EV_NONE). */
static bool next_ev(dv_evcur *c, dv_ev *ev, const char **s)
{
	uint64_t len1[DV_EV_STRS];
	unsigned char t;
	uint32_t n;
	size_t i;

	if (c->p >= c->end)
		return false;
	t = (unsigned char)*c->p++;
	ev->kind = t & ((1u << DV_EV_KIND_BITS) - 1);
	ev->flags = t >> DV_EV_KIND_BITS;
	switch (ev->kind) {
	case DV_EV_VIOL:
		ev->sev = (int32_t)(uint32_t)dv_ev_get(&c->p);
		ev->field = (uint32_t)dv_ev_get(&c->p);
		ev->line = dv_ev_get(&c->p);
		for (i = 0; i < DV_EV_STRS; i++)
			len1[i] = dv_ev_get(&c->p);
		for (i = 0; i < DV_EV_STRS; i++)
			s[i] = get_str(c, len1[i], &ev->len[i]);
		break;
	case DV_EV_UNIQUE:
		ev->aux = dv_ev_get(&c->p);
		get_key(c, ev, s);
		break;
	case DV_EV_PK:
		get_key(c, ev, s);
		break;
	case DV_EV_RAW:
		ev->len[0] = dv_ev_get(&c->p);
		s[0] = get_bytes(c, ev->len[0]);
		break;
	case DV_EV_END:
		s[0] = NULL;
		if (ev->flags & DV_EVF_OFFSET)
			ev->aux = dv_ev_get(&c->p);
		ev->len[0] = dv_ev_get(&c->p);
		if (!(ev->flags & DV_EVF_OFFSET))
			s[0] = get_bytes(c, ev->len[0]);
		break;
	case DV_EV_RUN:
		memcpy(&n, c->p, 4);
		c->p += 4;
		ev->aux = n;
		break;
	case DV_EV_SKIP:
		memcpy(&n, c->p, 4);
		c->p += n - 1; /* from the tag */
		break;
	default:
		return false;
	}
	return true;
}

static dcval_status emit_unique(dv_engine *e, const dv_record *rec,
				const dv_ev *ev, const char *const *s)
{
	const dv_column *col = &e->c->columns[ev->aux];

	return dv_engine_emit(e, rec, DV_R_UNIQUE, col->severity, ev->field,
			      col->name, s[1] ? s[1] : "", s[1] ? (size_t)ev->len[1] : 0,
			      col->sensitive, "repeats an earlier value");
}

/* A UNIQUE key into its set: *repeat when it was there (a full set
 * repeats nothing, as on one thread). */
static dcval_status add_unique(dv_engine *e, const dv_ev *ev, const char *const *s,
			       bool *repeat)
{
	dcval_status st;
	bool added;

	*repeat = false;
	st = dv_keyset_add(e->unique[ev->aux], s[0], (size_t)ev->len[0], &added);
	if (st != DCVAL_OK)
		return st == DCVAL_ELIMIT ? DCVAL_OK : DCVAL_ENOMEM;
	*repeat = !added;
	return DCVAL_OK;
}

/* A PK key (no null part) into the primary-key set. */
static dcval_status add_pk(dv_engine *e, const dv_ev *ev, const char *const *s,
			   bool *repeat)
{
	bool added;

	*repeat = false;
	if (dv_keyset_add(e->pk, s[0] ? s[0] : "", (size_t)ev->len[0], &added) !=
	    DCVAL_OK)
		return DCVAL_ENOMEM;
	*repeat = !added;
	return DCVAL_OK;
}

/* Whether a key event repeats an earlier key: its verdict when resolved,
 * else looked up here. */
static dcval_status key_repeats(dv_engine *e, const dv_ev *ev,
				const char *const *s, bool *repeat)
{
	if (ev->flags & DV_EVF_RESOLVED) {
		*repeat = !(ev->flags & DV_EVF_NEW);
		return DCVAL_OK;
	}
	return ev->kind == DV_EV_UNIQUE ? add_unique(e, ev, s, repeat)
					: add_pk(e, ev, s, repeat);
}

static dcval_status replay_unique(dv_engine *e, const dv_record *rec,
				  const dv_ev *ev, const char *const *s)
{
	bool repeat;
	dcval_status st = key_repeats(e, ev, s, &repeat);

	if (st != DCVAL_OK || !repeat)
		return st;
	return emit_unique(e, rec, ev, s);
}

static dcval_status replay_pk(dv_engine *e, const dv_record *rec,
			      const dv_ev *ev, const char *const *s)
{
	bool has_null = ev->flags & DV_EVF_NULL, repeat = true;
	dcval_status st;

	if (!has_null) {
		st = key_repeats(e, ev, s, &repeat);
		if (st != DCVAL_OK || !repeat)
			return st;
	}
	return dv_engine_emit(e, rec, DV_R_PRIMARY_KEY, DCVAL_SEVERITY_ERROR,
			      ev->field, e->c->primary_key_name, s[1],
			      (size_t)ev->len[1], ev->flags & DV_EVF_REDACTED,
			      has_null ? "primary key has a null part"
				       : "repeats an earlier primary key");
}

/*
 * Where the resolve is in the log, for merging plain records into a RUN:
 * a record whose only events are keys found new reports nothing and
 * needs no raw bytes, so it is a plain record. When it follows a RUN
 * (and the records between are plain too), the RUN's count grows by the
 * record's own RUN and one SKIP right after the first RUN covers all
 * their bytes: the replay then ends a stretch of valid records that each
 * carried a unique key in one RUN, as it does for records without keys,
 * instead of decoding two events per record.
 */
typedef struct dv_merge {
	char *run;  /* the RUN plain records may join: its tag (NULL: none) */
	char *skip; /* the SKIP after it, once a record joined (else NULL) */
	bool plain; /* the current record's events so far are keys found new */
} dv_merge;

/* A RUN at tag ends the current record; end is the byte after it. */
static void merge_run(dv_merge *m, char *tag, const char *end)
{
	uint32_t n, k, len;

	if (m->run && m->plain) {
		memcpy(&n, m->run + 1, 4);
		memcpy(&k, tag + 1, 4);
		if (n <= UINT32_MAX - k) {
			n += k;
			memcpy(m->run + 1, &n, 4);
			if (!m->skip) {
				m->skip = m->run + DV_EV_RUN_LEN;
				*m->skip = (char)DV_EV_SKIP;
			}
			/* less than the log's cap of 1 GiB (par.c) */
			len = (uint32_t)(end - m->skip);
			memcpy(m->skip + 1, &len, 4);
			m->plain = true;
			return;
		}
	}
	m->run = tag;
	m->skip = NULL;
	m->plain = true;
}

dcval_status dv_engine_resolve(dv_engine *e, char *log, size_t n)
{
	dv_evcur c = { log, log + n };
	dv_merge m = { NULL, NULL, true };
	const char *s[DV_EV_STRS];
	dcval_status st;
	bool repeat;
	char *tag;
	dv_ev ev;

	for (;;) {
		tag = (char *)c.p;
		if (!next_ev(&c, &ev, s))
			return DCVAL_OK;
		if (ev.kind == DV_EV_UNIQUE) {
			st = add_unique(e, &ev, s, &repeat);
		} else if (ev.kind == DV_EV_PK && !(ev.flags & DV_EVF_NULL)) {
			st = add_pk(e, &ev, s, &repeat);
		} else {
			if (ev.kind == DV_EV_RUN)
				merge_run(&m, tag, c.p);
			else if (ev.kind == DV_EV_END)
				m = (dv_merge){ NULL, NULL, true };
			else
				m.plain = false;
			continue;
		}
		if (st != DCVAL_OK)
			return st;
		m.plain = m.plain && !repeat;
		*tag = (char)((unsigned char)*tag |
			      (DV_EVF_RESOLVED | (repeat ? 0 : DV_EVF_NEW))
				      << DV_EV_KIND_BITS);
	}
}

/* An extra key's violation from a worker: reported only the first time
 * in the input, as the JSON reader on one thread does (jsonval.c). */
static dcval_status extra_once(dv_engine *e, const char *column, size_t len,
			       bool *report)
{
	*report = false;
	if (!e->extra_seen) {
		if (!(e->extra_seen = dv_keyset_new(false)))
			return DCVAL_ENOMEM;
		dv_keyset_prefault(e->extra_seen); /* workers run */
	}
	if (dv_keyset_count(e->extra_seen) >= DV_ENGINE_EXTRA_SEEN_MAX)
		return DCVAL_OK;
	return dv_keyset_add(e->extra_seen, column, len, report) == DCVAL_OK
		       ? DCVAL_OK : DCVAL_ENOMEM;
}

static dcval_status replay_violation(dv_engine *e, dv_record *rec,
				     const dv_ev *ev, const char *const *s)
{
	bool report = true;
	dcval_status st;

	if (s[1] && strcmp(s[0], dv_rule_id(DV_R_EXTRA_COLUMN)) == 0) {
		st = extra_once(e, s[1], (size_t)ev->len[1], &report);
		if (st != DCVAL_OK || !report)
			return st;
	}
	return dv_engine_emit_id(e, (ev->flags & DV_EVF_REC) ? rec : NULL, s[0],
				 (dcval_severity)ev->sev, ev->field, s[1], s[2],
				 s[2] ? (size_t)ev->len[2] : 0,
				 ev->flags & DV_EVF_REDACTED, s[3]);
}

/* One event of the current record, whose status so far is st. */
static dcval_status replay_one(dv_engine *e, dv_record *rec, const dv_ev *ev,
			       const char *const *s, dcval_status st,
			       bool *raw_seen)
{
	bool first_raw = !*raw_seen;

	if (ev->kind != DV_EV_RAW)
		rec->line = ev->line;
	switch (ev->kind) {
	case DV_EV_VIOL:
		if (st != DCVAL_OK)
			return st;
		return replay_violation(e, rec, ev, s);
	case DV_EV_UNIQUE:
		return st == DCVAL_OK ? replay_unique(e, rec, ev, s) : st;
	case DV_EV_PK:
		return st == DCVAL_OK ? replay_pk(e, rec, ev, s) : st;
	case DV_EV_RAW:
		/* the bytes a record over the cap had when it was reported
		 * go out even when that report stopped the run */
		*raw_seen = true;
		if (st == DCVAL_OK || (st == DCVAL_STOP && first_raw)) {
			if (dv_engine_quarantine_invalid(e, s[0], (size_t)ev->len[0]) !=
			    DCVAL_OK)
				return DCVAL_EIO;
		}
		return st;
	default:
		return DCVAL_EINTERNAL;
	}
}

/* A record starts: what dv_engine_begin_record() does on one thread. */
static void record_start(dv_engine *e)
{
	e->rec_no = e->cur->counts.records + 1;
	e->rec_error = false;
	e->q_open_line = false;
}

/* The current record and n - 1 plain ones after it end (a RUN). */
static dcval_status replay_run(dv_engine *e, dv_record *rec, uint64_t n,
			       dcval_status st)
{
	uint64_t k;

	rec->raw = NULL;
	rec->raw_len = 0;
	rec->raw_written = false;
	st = dv_engine_record_done(e, rec, st);
	for (k = 1; k < n && st == DCVAL_OK; k++) {
		record_start(e);
		st = dv_engine_record_done(e, rec, DCVAL_OK);
	}
	return st;
}

dcval_status dv_engine_replay(dv_engine *e, const char *log, size_t n,
			      const char *chunk)
{
	dv_evcur c = { log, log + n };
	const char *s[DV_EV_STRS];
	dcval_status st = DCVAL_OK;
	bool raw_seen = false;
	dv_ev ev = { 0 };
	dv_record rec;

	memset(&rec, 0, sizeof(rec));
	record_start(e);
	while (next_ev(&c, &ev, s)) {
		if (ev.kind == DV_EV_RUN) {
			st = replay_run(e, &rec, ev.aux, st);
		} else if (ev.kind == DV_EV_SKIP) {
			continue;
		} else if (ev.kind == DV_EV_END) {
			rec.raw_written = ev.flags & DV_EVF_WRITTEN;
			rec.raw = NULL;
			rec.raw_len = (size_t)ev.len[0];
			if (ev.flags & DV_EVF_HASRAW)
				rec.raw = (ev.flags & DV_EVF_OFFSET) ? chunk + ev.aux
								    : s[0];
			st = dv_engine_record_done(e, &rec, st);
		} else {
			st = replay_one(e, &rec, &ev, s, st, &raw_seen);
			continue;
		}
		if (st != DCVAL_OK)
			return st;
		memset(&rec, 0, sizeof(rec));
		raw_seen = false;
		record_start(e);
	}
	return st;
}

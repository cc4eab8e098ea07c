/*
 * The validator's run state as sharded runs see it (part.h): the one
 * file that reads or writes struct dcval_validator for parts. Writing a
 * part: the first occurrence of each key (dataset.c calls
 * dv_part_key()), whether its record ends with an error (record.c calls
 * dv_part_record_end()), the counts and inputs. Merging: the parts'
 * inputs and counts become the run's, violations go to the caller.
 */
#include <stdlib.h>
#include <string.h>

#include "contract/dscheck.h"
#include "contract/drift.h"
#include "engine/drift.h"
#include "engine/dsstats.h"
#include "engine/engine_impl.h"
#include "engine/part_impl.h"
#include "util/alloc.h"

void dv_part_state_attach(dv_engine *e, dv_part *p)
{
	e->part = p;
}

size_t dv_part_state_slots(const dv_engine *e)
{
	return e->c->n_columns + 1;
}

uint32_t dv_part_state_input(const dv_engine *e)
{
	return e->n_inputs ? (uint32_t)(e->n_inputs - 1) : 0;
}

dcval_status dv_part_key(dv_engine *e, const dv_record *rec, size_t slot,
			 uint32_t field, const char *text, size_t len)
{
	dv_part_first f;
	dcval_severity sev;
	const char *name;
	bool redacted, is_pk;

	if (!e->part)
		return DCVAL_OK;
	dv_part_state_slot_rule(e, slot, &sev, &name, &redacted, &is_pk);
	if (redacted) /* a sensitive value never leaves the run */
		len = 0;
	f.input = (uint32_t)(e->cur - e->inputs);
	f.record = e->rec_no;
	f.line = rec->line;
	f.field = field;
	f.before = e->total.errors + e->total.warnings;
	f.order = dv_part_next_order(e->part);
	f.has_error = false; /* dv_part_record_end() tells */
	return dv_part_add_key(e->part, slot, e->key.data, e->key.len, &f, text,
			       len);
}

void dv_part_record_end(dv_engine *e)
{
	if (e->part)
		dv_part_mark_record(e->part, (uint32_t)(e->cur - e->inputs),
				    e->rec_no, e->rec_error);
}

void dv_part_state_meta(const dv_engine *e, dv_part_meta *m)
{
	m->now_secs = e->opts.now_secs;
	m->now_ns = e->opts.now_ns;
	m->counts = e->total;
	m->inputs = e->inputs;
	m->n_inputs = e->n_inputs;
}

dcval_status dv_part_state_add_input(dv_engine *e, const dcval_input_info *in)
{
	dcval_input_info *slot;
	char *path = dv_strndup(in->path, strlen(in->path));

	if (!path)
		return DCVAL_ENOMEM;
	if (e->n_inputs == e->alloc_inputs) {
		size_t n = e->alloc_inputs ? e->alloc_inputs * 2 : 4;

		slot = dv_reallocarray(e->inputs, n, sizeof(*slot));
		if (!slot) {
			dv_free(path);
			return DCVAL_ENOMEM;
		}
		e->inputs = slot;
		e->alloc_inputs = n;
	}
	slot = &e->inputs[e->n_inputs++];
	*slot = *in;
	slot->path = path;
	return DCVAL_OK;
}

void dv_part_state_add_counts(dv_engine *e, const dcval_counts *c)
{
	e->total.records += c->records;
	e->total.invalid_records += c->invalid_records;
	e->total.errors += c->errors;
	e->total.warnings += c->warnings;
}

const dcval_input_info *dv_part_state_inputs(const dv_engine *e, size_t *n)
{
	*n = e->n_inputs;
	return e->inputs;
}

dcval_status dv_part_state_replay(dv_engine *e, const dcval_violation *v)
{
	return e->opts.on_violation ? e->opts.on_violation(e->opts.ud, v)
				    : DCVAL_OK;
}

dcval_status dv_part_state_repeat(dv_engine *e, size_t input,
				  const dcval_violation *v, bool invalid)
{
	dcval_input_info *in = &e->inputs[input];

	if (v->severity == DCVAL_SEVERITY_ERROR) {
		e->total.errors++;
		in->counts.errors++;
		if (invalid) {
			e->total.invalid_records++;
			in->counts.invalid_records++;
		}
	} else {
		e->total.warnings++;
		in->counts.warnings++;
	}
	return dv_part_state_replay(e, v);
}

void dv_part_state_slot_rule(const dv_engine *e, size_t slot,
			     dcval_severity *sev, const char **column,
			     bool *redacted, bool *is_pk)
{
	const struct dcval_contract *c = e->c;
	size_t i;

	*is_pk = slot >= c->n_columns;
	if (!*is_pk) {
		*sev = c->columns[slot].severity;
		*column = c->columns[slot].name;
		*redacted = c->columns[slot].sensitive;
		return;
	}
	*sev = DCVAL_SEVERITY_ERROR;
	*column = c->primary_key_name;
	*redacted = false;
	for (i = 0; i < c->n_primary_key; i++)
		*redacted |= c->columns[c->primary_key[i]].sensitive;
}

/* ---- dataset statistics (dsstats.h) ----
 * Their blob in a part: u32 columns, a byte per column (present) |
 * u8 seen, u64 seconds, u32 nanoseconds, str text (freshness) |
 * u32 entries, each: u64 records, nulls, values | DV_XSUM_WORDS x u64
 * the exact sum of the values (mean checks; stats/xsum.h) | u64 keys, each in order of first occurrence:
 * str key, and for share entries u64 count, str first text. */

struct key_at {
	const void *key;
	size_t len;
	uint64_t index;
};

struct key_list {
	struct key_at *k;
	size_t n;
};

static void collect_key(void *ud, const void *key, size_t len, uint64_t index)
{
	struct key_list *l = ud;

	l->k[l->n].key = key;
	l->k[l->n].len = len;
	l->k[l->n].index = index;
	l->n++;
}

static int index_cmp(const void *a, const void *b)
{
	const struct key_at *x = a, *y = b;

	return (x->index > y->index) - (x->index < y->index);
}

static dcval_status save_entry(dv_pw *w, const dv_dsentry *en, bool shares)
{
	struct key_list l = { NULL, 0 };
	size_t i;

	dv_pw_u64(w, en->records);
	dv_pw_u64(w, en->nulls);
	dv_pw_u64(w, en->values);
	for (i = 0; i < DV_XSUM_WORDS; i++)
		dv_pw_u64(w, en->sum.w[i]);
	dv_pw_u64(w, en->set ? dv_keyset_count(en->set) : 0);
	if (!en->set || !dv_keyset_count(en->set))
		return DCVAL_OK;
	l.k = dv_mallocarray((size_t)dv_keyset_count(en->set), sizeof(*l.k));
	if (!l.k)
		return DCVAL_ENOMEM;
	dv_keyset_each(en->set, collect_key, &l);
	if (shares)
		qsort(l.k, l.n, sizeof(*l.k), index_cmp);
	for (i = 0; i < l.n; i++) {
		dv_pw_str(w, l.k[i].key, l.k[i].len);
		if (!shares)
			continue;
		dv_pw_u64(w, en->counts[l.k[i].index]);
		dv_pw_str(w, en->texts.data + en->text_off[l.k[i].index],
			  en->text_len[l.k[i].index]);
	}
	dv_free(l.k);
	return DCVAL_OK;
}

dcval_status dv_part_state_ds_save(const dv_engine *e, FILE *f)
{
	const dv_dsstats *ds = e->ds;
	dv_pw w = { f, 0, false };
	dcval_status st = DCVAL_OK;
	size_t i;

	if (!ds)
		return DCVAL_OK;
	dv_pw_u32(&w, (uint32_t)e->c->n_columns);
	for (i = 0; i < e->c->n_columns; i++)
		dv_pw_u8(&w, ds->present[i]);
	dv_pw_u8(&w, ds->fresh_seen);
	dv_pw_u64(&w, (uint64_t)ds->fresh_secs);
	dv_pw_u32(&w, (uint32_t)ds->fresh_ns);
	dv_pw_str(&w, ds->fresh_text, ds->fresh_len);
	dv_pw_u32(&w, (uint32_t)ds->n_entries);
	for (i = 0; i < ds->n_entries && st == DCVAL_OK; i++)
		st = save_entry(&w, &ds->entries[i],
				dv_dscol_counts_shares(&e->c->ds_columns[i]));
	return st == DCVAL_OK && w.failed ? DCVAL_ENOMEM : st;
}

/* One key of a part's entry into the run's: a share entry's value new
 * to the run takes the part's first text (parts come in input order). */
static dcval_status load_key(dv_pr *r, dv_dsentry *en, bool shares,
			     dv_buf *key, dv_buf *text)
{
	dcval_status st;
	uint64_t ix, count = 0;
	bool added;

	dv_pr_str(r, key, DV_PART_MAX_STR);
	if (shares) {
		count = dv_pr_u64(r);
		dv_pr_str(r, text, DV_DS_TEXT_KEEP);
	}
	if (r->bad)
		return DCVAL_EIO;
	if (!shares)
		return dv_keyset_add(en->set, key->data, key->len, &added);
	st = dv_dsentry_reserve(en, dv_keyset_count(en->set));
	if (st == DCVAL_OK)
		st = dv_keyset_add_index(en->set, key->data, key->len, &added, &ix);
	if (st == DCVAL_OK && added) {
		en->counts[ix] = 0;
		en->text_off[ix] = en->texts.len;
		en->text_len[ix] = (uint32_t)text->len;
		st = dv_buf_append(&en->texts, text->data ? text->data : "",
				   text->len);
	}
	if (st == DCVAL_OK)
		en->counts[ix] += count;
	return st;
}

static dcval_status load_entry(dv_pr *r, dv_dsentry *en, bool shares,
			       dv_buf *key, dv_buf *text)
{
	dcval_status st = DCVAL_OK;
	dv_xsum sum;
	uint64_t n, i;

	en->records += dv_pr_u64(r);
	en->nulls += dv_pr_u64(r);
	en->values += dv_pr_u64(r);
	for (i = 0; i < DV_XSUM_WORDS; i++)
		sum.w[i] = dv_pr_u64(r);
	if (r->bad)
		return DCVAL_EIO;
	dv_xsum_merge(&en->sum, &sum);
	n = dv_pr_u64(r);
	if (n && !en->set)
		return DCVAL_EIO;
	for (i = 0; i < n && st == DCVAL_OK; i++)
		st = load_key(r, en, shares, key, text);
	return st;
}

/* Freshness: the newest instant; on a tie the earlier part's text. */
static void load_fresh(dv_pr *r, dv_dsstats *ds, dv_buf *text)
{
	bool seen = dv_pr_u8(r);
	int64_t secs = (int64_t)dv_pr_u64(r);
	int32_t ns = (int32_t)dv_pr_u32(r);

	dv_pr_str(r, text, DV_DS_TEXT_KEEP);
	if (r->bad || !seen)
		return;
	if (ds->fresh_seen && (secs < ds->fresh_secs ||
			       (secs == ds->fresh_secs && ns <= ds->fresh_ns)))
		return;
	ds->fresh_seen = true;
	ds->fresh_secs = secs;
	ds->fresh_ns = ns;
	ds->fresh_len = text->len;
	memcpy(ds->fresh_text, text->data ? text->data : "", text->len);
}

dcval_status dv_part_state_ds_load(dv_engine *e, FILE *f)
{
	dv_dsstats *ds = e->ds;
	dv_pr r = { f, false };
	dcval_status st = DCVAL_OK;
	dv_buf key, text;
	size_t i;

	if (!ds)
		return DCVAL_OK;
	if (dv_pr_u32(&r) != e->c->n_columns)
		return DCVAL_EIO;
	for (i = 0; i < e->c->n_columns; i++)
		ds->present[i] |= dv_pr_u8(&r) != 0;
	dv_buf_init(&key, DV_PART_MAX_STR);
	dv_buf_init(&text, DV_PART_MAX_STR);
	load_fresh(&r, ds, &text);
	if (dv_pr_u32(&r) != ds->n_entries)
		st = DCVAL_EIO;
	for (i = 0; i < ds->n_entries && st == DCVAL_OK; i++)
		st = load_entry(&r, &ds->entries[i],
				dv_dscol_counts_shares(&e->c->ds_columns[i]), &key,
				&text);
	dv_buf_release(&key);
	dv_buf_release(&text);
	if (st == DCVAL_OK && r.bad)
		st = DCVAL_EIO;
	return st == DCVAL_ELIMIT ? DCVAL_EIO : st;
}

/* ---- drift (drift.h) ----
 * Its blob: u32 columns, each: u64 nulls, valid, unseen | u32 bins,
 * u64 each | u32 ks counters (0 without ks, else 2 points + 1: the run's
 * values equal to each of the baseline sketch's points, then those
 * between them, stats/ksrun.h), u64 each. Merged: everything adds up,
 * exactly: a merged run's ks is one run's. */

/* The ks counters of a drift column: 0 without ks. */
static size_t ks_counters(const struct dv_drift_run *r)
{
	return r->ks ? 2 * r->ks->n_pts + 1 : 0;
}

dcval_status dv_part_state_drift_save(const dv_engine *e, FILE *f)
{
	dv_pw w = { f, 0, false };
	size_t i, b, n = e->drift ? e->c->drift->n_cols : 0;

	if (!e->drift)
		return DCVAL_OK;
	dv_pw_u32(&w, (uint32_t)n);
	for (i = 0; i < n; i++) {
		const struct dv_drift_run *r = &e->drift[i];

		dv_pw_u64(&w, r->nulls);
		dv_pw_u64(&w, r->valid);
		dv_pw_u64(&w, r->unseen);
		dv_pw_u32(&w, (uint32_t)r->n_bins);
		for (b = 0; b < r->n_bins; b++)
			dv_pw_u64(&w, r->bins[b]);
		dv_pw_u32(&w, (uint32_t)ks_counters(r));
		if (!r->ks)
			continue;
		for (b = 0; b < r->ks->n_pts; b++)
			dv_pw_u64(&w, r->ks->eq[b]);
		for (b = 0; b <= r->ks->n_pts; b++)
			dv_pw_u64(&w, r->ks->gap[b]);
	}
	return w.failed ? DCVAL_ENOMEM : DCVAL_OK;
}

/* Add a part's ks counter to c and to the values counted. */
static void add_ks(dv_pr *r, dv_ksrun *k, uint64_t *c)
{
	uint64_t x = dv_pr_u64(r);

	*c += x;
	k->n += x;
}

static dcval_status load_drift_col(dv_pr *r, struct dv_drift_run *d)
{
	size_t b;

	d->nulls += dv_pr_u64(r);
	d->valid += dv_pr_u64(r);
	d->unseen += dv_pr_u64(r);
	if (dv_pr_u32(r) != d->n_bins)
		return DCVAL_EIO;
	for (b = 0; b < d->n_bins; b++)
		d->bins[b] += dv_pr_u64(r);
	if (dv_pr_u32(r) != ks_counters(d))
		return DCVAL_EIO;
	if (d->ks) {
		for (b = 0; b < d->ks->n_pts; b++)
			add_ks(r, d->ks, &d->ks->eq[b]);
		for (b = 0; b <= d->ks->n_pts; b++)
			add_ks(r, d->ks, &d->ks->gap[b]);
	}
	return r->bad ? DCVAL_EIO : DCVAL_OK;
}

dcval_status dv_part_state_drift_load(dv_engine *e, FILE *f)
{
	dv_pr r = { f, false };
	dcval_status st = DCVAL_OK;
	size_t i, n = e->drift ? e->c->drift->n_cols : 0;

	if (!e->drift)
		return DCVAL_OK;
	if (dv_pr_u32(&r) != n)
		return DCVAL_EIO;
	for (i = 0; i < n && st == DCVAL_OK; i++)
		st = load_drift_col(&r, &e->drift[i]);
	return st;
}

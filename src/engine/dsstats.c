/*
 * Measuring the dataset checks record by record; see dsstats.h. What a
 * record adds to an entry whose column its input has:
 *   - one record; one null when the value is null or absent (a key
 *     missing from a JSON object, a field missing from a short csv row,
 *     every value of a malformed record);
 *   - when the value passed its type check: one typed value, to the mean
 *     (integers and numbers), to the exact counts of distinct values
 *     (keys as `unique` encodes them: engine/dataset.c) and, for the
 *     newest value of the freshness column, the instant (a date at
 *     23:59:59.999 UTC of its day).
 * A value that failed its type check (or its encoding) is neither null
 * nor counted.
 */
#include <string.h>

#include "contract/dscheck.h"
#include "engine/dsstats.h"
#include "engine/engine_impl.h"
#include "stats/shortkey.h"
#include "util/alloc.h"

/* A date's instant: the last millisecond of its day (contract.md). */
#define DV_DS_DAY_END_NS 999000000

/*
 * The memo: most columns with distinct or share checks have few values
 * (codes, categories), and every record looks its value up in the exact
 * set: the key built in e->key, hashed over its bytes, compared with the
 * stored key. The memo keeps the first DV_DS_MEMO_KEYS keys of at most
 * 16 bytes (strings, integers, booleans, dates, datetimes, times: the
 * very bytes engine/dataset.c encodes) in a small open-addressed table
 * of fixed slots, found by one multiply-shift hash of two words
 * (Dietzfelbinger, Hagerup, Katajainen, Penttonen 1997, "A reliable
 * randomized algorithm for the closest-pair problem"). A key found there
 * is in the set already: a distinct count has nothing to do, a share
 * count takes the index kept with it. Every other key takes the set's
 * path and, while the memo has room, is remembered after it. The memo
 * never grows past half full, so a probe ends at an empty slot; once
 * full it costs a column of many values one probe a record.
 */
#define DV_DS_MEMO_SLOTS 1024
#define DV_DS_MEMO_KEYS 512
#define DV_DS_MEMO_BYTES DV_SHORTKEY_MAX

static dcval_status entry_init(const dv_column *col, const dv_dscol *d,
			       dv_dsentry *en)
{
	bool fixed8 = dv_engine_key_is_fixed8(col->type);

	dv_xsum_init(&en->sum);
	dv_buf_init(&en->texts, SIZE_MAX / 2);
	if (!dv_dscol_counts_values(d))
		return DCVAL_OK;
	en->counts_shares = dv_dscol_counts_shares(d);
	en->set = en->counts_shares ? dv_keyset_new_indexed(fixed8)
					    : dv_keyset_new(fixed8);
	if (!en->set)
		return DCVAL_ENOMEM;
	if (col->type == DV_T_NUMBER || col->type == DV_T_ANY ||
	    col->type == DV_T_VECTOR)
		return DCVAL_OK; /* keys not the value's own bytes: no memo */
	en->memo = dv_calloc(DV_DS_MEMO_SLOTS, sizeof(*en->memo));
	return en->memo ? DCVAL_OK : DCVAL_ENOMEM;
}

dcval_status dv_dsstats_new(const dv_engine *e, dv_dsstats **out)
{
	const struct dcval_contract *c = e->c;
	dv_dsstats *ds;
	size_t i;

	*out = NULL;
	if (!c->n_ds_columns && !c->freshness)
		return DCVAL_OK;
	ds = dv_calloc(1, sizeof(*ds));
	if (!ds)
		return DCVAL_ENOMEM;
	*out = ds;
	ds->present = dv_calloc(c->n_columns, sizeof(*ds->present));
	ds->entries = dv_calloc(c->n_ds_columns ? c->n_ds_columns : 1,
				sizeof(*ds->entries));
	if (!ds->present || !ds->entries)
		return DCVAL_ENOMEM;
	ds->n_entries = c->n_ds_columns;
	for (i = 0; i < ds->n_entries; i++) {
		const dv_dscol *d = &c->ds_columns[i];

		if (entry_init(&c->columns[d->column], d, &ds->entries[i]))
			return DCVAL_ENOMEM;
	}
	return DCVAL_OK;
}

void dv_dsstats_free(dv_dsstats *ds)
{
	size_t i;

	if (!ds)
		return;
	for (i = 0; ds->entries && i < ds->n_entries; i++) {
		dv_dsentry *en = &ds->entries[i];

		dv_keyset_free(en->set);
		dv_free(en->memo);
		dv_free(en->counts);
		dv_free(en->text_off);
		dv_free(en->text_len);
		dv_buf_release(&en->texts);
	}
	dv_free(ds->entries);
	dv_free(ds->present);
	dv_free(ds);
}

void dv_dsstats_input_end(dv_engine *e)
{
	size_t k;

	if (!e->ds)
		return;
	for (k = 0; k < e->c->n_columns; k++)
		if (!e->col_skip[k])
			e->ds->present[k] = true;
}

dcval_status dv_dsentry_reserve(dv_dsentry *en, uint64_t ix)
{
	size_t n = en->alloc ? en->alloc : 256;
	void *p;

	if (ix < en->alloc)
		return DCVAL_OK;
	while (n <= ix) {
		if (n > SIZE_MAX / 2)
			return DCVAL_ENOMEM;
		n *= 2;
	}
	if (!(p = dv_reallocarray(en->counts, n, sizeof(*en->counts))))
		return DCVAL_ENOMEM;
	en->counts = p;
	if (!(p = dv_reallocarray(en->text_off, n, sizeof(*en->text_off))))
		return DCVAL_ENOMEM;
	en->text_off = p;
	if (!(p = dv_reallocarray(en->text_len, n, sizeof(*en->text_len))))
		return DCVAL_ENOMEM;
	en->text_len = p;
	en->alloc = n;
	return DCVAL_OK;
}

/* A new distinct value of a share entry (its slot ix reserved): count 0
 * and the first occurrence's text. */
static dcval_status add_first(dv_engine *e, const dv_column *col,
			      const dv_value *v, dv_dsentry *en, uint64_t ix)
{
	const char *s = "";
	size_t len = 0;

	en->counts[ix] = 0;
	en->text_off[ix] = en->texts.len;
	en->text_len[ix] = 0;
	/* a sensitive column's values are never shown: nothing kept */
	if (col->sensitive)
		return DCVAL_OK;
	dv_engine_value_text(e, v, &s, &len);
	if (len > DV_DS_TEXT_KEEP)
		len = DV_DS_TEXT_KEEP;
	if (dv_buf_append(&en->texts, s, len) != DCVAL_OK)
		return DCVAL_ENOMEM;
	en->text_len[ix] = (uint32_t)len;
	return DCVAL_OK;
}

/* The memo key of a typed value of an entry with a memo: the bytes
 * engine/dataset.c encodes, as words in w (stats/shortkey.h); false when
 * longer than the memo keeps. */
static bool memo_key(dv_type type, const dv_value *v, const dv_typed *t,
		     uint64_t w[2], uint32_t *len)
{
	switch (type) {
	case DV_T_INTEGER:
	case DV_T_BOOLEAN:
	case DV_T_DATE:
		w[0] = (uint64_t)t->i;
		*len = 8;
		return true;
	case DV_T_DATETIME:
	case DV_T_TIME:
		w[0] = (uint64_t)t->i;
		w[1] = (uint32_t)t->ns;
		*len = 12;
		return true;
	default: /* string: its bytes */
		if (v->len > DV_DS_MEMO_BYTES)
			return false;
		*len = (uint32_t)v->len;
		dv_shortkey_words(v->s, v->len, w);
		return true;
	}
}

/* The slot of key (w, len) in the memo, or the empty slot where it would
 * go; *hit whether it is there. */
static size_t memo_find(const dv_dsentry *en, const uint64_t w[2],
			uint32_t len, bool *hit)
{
	uint64_t h = (w[0] ^ (w[1] * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ len) *
		     UINT64_C(0x9E3779B97F4A7C15);
	size_t i = (size_t)(h >> 54); /* the top 10 bits: 1024 slots */

	for (;; i = (i + 1) & (DV_DS_MEMO_SLOTS - 1)) {
		const dv_dsmemo_slot *m = &en->memo[i];

		if (m->len1 == 0) {
			*hit = false;
			return i;
		}
		if (m->len1 == len + 1 && m->w[0] == w[0] && m->w[1] == w[1]) {
			*hit = true;
			return i;
		}
	}
}

/* Count one typed value of an entry with a value set; `shares`: the set
 * is indexed and each value has a count. The per-value arrays have room
 * for a new value before the set takes it, so that a failure leaves no
 * key without its count. */
static dcval_status count_value(dv_engine *e, const dv_column *col,
				const dv_value *v, const dv_typed *t,
				dv_dsentry *en, bool shares)
{
	dcval_status st;
	uint64_t ix = 0, w[2] = { 0, 0 };
	uint32_t len = 0;
	size_t slot = 0;
	bool added, memo, hit = false;

	memo = en->memo && memo_key(col->type, v, t, w, &len);
	if (memo)
		slot = memo_find(en, w, len, &hit);
	if (hit) {
		if (shares)
			en->counts[en->memo[slot].ix]++;
		return DCVAL_OK;
	}
	st = dv_engine_value_key(e, col, v, t);
	if (st == DCVAL_OK && shares)
		st = dv_dsentry_reserve(en, dv_keyset_count(en->set));
	if (st == DCVAL_OK && shares)
		st = dv_keyset_add_index(en->set, e->key.data, e->key.len,
					 &added, &ix);
	else if (st == DCVAL_OK)
		st = dv_keyset_add(en->set, e->key.data, e->key.len, &added);
	if (st == DCVAL_OK && shares) {
		if (added)
			st = add_first(e, col, v, en, ix);
		en->counts[ix]++;
	}
	if (st == DCVAL_OK && memo && en->memo_n < DV_DS_MEMO_KEYS) {
		en->memo[slot].w[0] = w[0];
		en->memo[slot].w[1] = w[1];
		en->memo[slot].len1 = len + 1;
		en->memo[slot].ix = (uint32_t)ix;
		en->memo_n++;
	}
	/* a key past 1 GiB, or past 2^32 - 1 distinct values: left out of
	 * the counts, as `unique` leaves it unchecked */
	return st == DCVAL_ELIMIT ? DCVAL_OK : st;
}

/* A date's or datetime's instant; the newest one seen is kept. */
static void fresh_value(dv_engine *e, const dv_column *col,
			const dv_value *v, const dv_typed *t)
{
	dv_dsstats *ds = e->ds;
	int64_t secs = t->i;
	int32_t ns = t->ns;
	const char *s;
	size_t len;

	if (col->type == DV_T_DATE) {
		secs = t->i * 86400 + 86399;
		ns = DV_DS_DAY_END_NS;
	}
	if (ds->fresh_seen && (secs < ds->fresh_secs ||
			       (secs == ds->fresh_secs && ns <= ds->fresh_ns)))
		return;
	ds->fresh_seen = true;
	ds->fresh_secs = secs;
	ds->fresh_ns = ns;
	ds->fresh_len = 0;
	if (col->sensitive)
		return;
	dv_engine_value_text(e, v, &s, &len);
	ds->fresh_len = len < DV_DS_TEXT_KEEP ? len : DV_DS_TEXT_KEEP;
	memcpy(ds->fresh_text, s, ds->fresh_len);
}

/* What one record adds to entry i. */
static dcval_status entry_record(dv_engine *e, size_t i)
{
	const dv_dscol *d = &e->c->ds_columns[i];
	const dv_column *col = &e->c->columns[d->column];
	const dv_value *v = &e->values[d->column];
	const dv_typed *t = &e->typed[d->column];
	dv_dsentry *en = &e->ds->entries[i];

	if (e->col_skip[d->column])
		return DCVAL_OK;
	/* present (input_end says so too, for inputs without records) */
	e->ds->present[d->column] = true;
	en->records++;
	if (v->kind == DV_V_NULL || v->kind == DV_V_ABSENT) {
		en->nulls++;
		return DCVAL_OK;
	}
	if (!e->has_typed[d->column])
		return DCVAL_OK;
	en->values++;
	/* typed numbers are finite; integers add exactly, not as doubles */
	if (d->mean_min.set || d->mean_max.set) {
		if (col->type == DV_T_INTEGER)
			dv_xsum_add_i64(&en->sum, t->i);
		else
			dv_xsum_add(&en->sum, t->d);
	}
	if (en->set)
		return count_value(e, col, v, t, en, en->counts_shares);
	return DCVAL_OK;
}

dcval_status dv_dsstats_record(dv_engine *e)
{
	const struct dv_dsfresh *f = e->c->freshness;
	dcval_status st;
	size_t i;

	if (!e->ds)
		return DCVAL_OK;
	for (i = 0; i < e->ds->n_entries; i++) {
		st = entry_record(e, i);
		if (st != DCVAL_OK)
			return st;
	}
	if (!f || e->col_skip[f->column])
		return DCVAL_OK;
	e->ds->present[f->column] = true;
	if (e->has_typed[f->column])
		fresh_value(e, &e->c->columns[f->column], &e->values[f->column],
			    &e->typed[f->column]);
	return DCVAL_OK;
}

/*
 * Dataset checks over all records of a run: unique columns and the
 * primary key. Values are encoded by type so that equal values give equal
 * bytes: integers, booleans and dates as their 8-byte number, numbers as
 * the canonical key of their exact decimal value (decimal.h: `1`, `1.0`,
 * `10e-1` are one value, 9007199254740993 and 9007199254740992 two),
 * datetimes and times as (seconds, nanoseconds), strings as their bytes.
 * An `any` value is tagged with its JSON kind, so that the string "1" and
 * the number 1 differ: strings by bytes, numbers by exact value, objects
 * and arrays by their compact text with numbers by exact value.
 */
#include <stdio.h>
#include <string.h>

#include "value/decimal.h"
#include "engine/engine_impl.h"
#include "engine/part.h"
#include "util/alloc.h"

static bool fixed8_type(dv_type t)
{
	return t == DV_T_INTEGER || t == DV_T_BOOLEAN || t == DV_T_DATE;
}

bool dv_engine_key_is_fixed8(dv_type t)
{
	return fixed8_type(t);
}

dcval_status dv_dataset_init(dv_engine *e)
{
	const struct dcval_contract *c = e->c;
	size_t i;

	e->unique = dv_calloc(c->n_columns, sizeof(*e->unique));
	if (!e->unique)
		return DCVAL_ENOMEM;
	for (i = 0; i < c->n_columns; i++) {
		if (!c->columns[i].unique)
			continue;
		e->unique[i] = dv_keyset_new(fixed8_type(c->columns[i].type));
		if (!e->unique[i])
			return DCVAL_ENOMEM;
	}
	if (c->n_primary_key) {
		e->pk = dv_keyset_new(false);
		if (!e->pk)
			return DCVAL_ENOMEM;
	}
	return DCVAL_OK;
}

void dv_dataset_release(dv_engine *e)
{
	size_t i;

	if (e->unique) {
		for (i = 0; i < e->c->n_columns; i++)
			dv_keyset_free(e->unique[i]);
		dv_free(e->unique);
	}
	dv_keyset_free(e->pk);
}

/* The key of an `any` value: a kind tag, then the bytes that compare. */
static dcval_status encode_any(dv_engine *e, const dv_value *v)
{
	dcval_status st;

	switch (v->kind) {
	case DV_V_JNUM:
		st = dv_buf_putc(&e->key, 'n');
		return st == DCVAL_OK ? dv_dec_key(v->s, v->len, &e->key) : st;
	case DV_V_JBOOL:
		return dv_buf_append(&e->key, v->i ? "bt" : "bf", 2);
	case DV_V_JOTHER:
		st = dv_buf_putc(&e->key, 'j');
		if (st == DCVAL_OK && v->s)
			st = dv_dec_key_json(v->s, v->len, &e->key);
		return st;
	default: /* csv text, json strings */
		st = dv_buf_putc(&e->key, 's');
		return st == DCVAL_OK ? dv_buf_append(&e->key, v->s ? v->s : "",
						      v->len)
				      : st;
	}
}

/* Append the key bytes of one typed value to e->key. */
static dcval_status encode_value(dv_engine *e, const dv_column *col,
				 const dv_value *v, const dv_typed *t)
{
	switch (col->type) {
	case DV_T_INTEGER:
	case DV_T_BOOLEAN:
	case DV_T_DATE:
		return dv_buf_append(&e->key, &t->i, 8);
	case DV_T_NUMBER:
		return dv_dec_key(v->s, v->len, &e->key);
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (dv_buf_append(&e->key, &t->i, 8) != DCVAL_OK)
			return DCVAL_ENOMEM;
		return dv_buf_append(&e->key, &t->ns, 4);
	case DV_T_ANY:
		return encode_any(e, v);
	default:
		return dv_buf_append(&e->key, v->s ? v->s : "", v->len);
	}
}

/*
 * Append the key of one value; with `prefix` (a primary key's part) a
 * 4-byte length first, so that the parts of a tuple cannot run together.
 */
static dcval_status encode(dv_engine *e, const dv_column *col,
			   const dv_value *v, const dv_typed *t, bool prefix)
{
	size_t mark = e->key.len, n;
	uint32_t len32 = 0;
	dcval_status st;

	if (prefix && (st = dv_buf_append(&e->key, &len32, 4)) != DCVAL_OK)
		return st;
	st = encode_value(e, col, v, t);
	if (st != DCVAL_OK || !prefix)
		return st;
	n = e->key.len - mark - 4;
	if (n > UINT32_MAX)
		return DCVAL_ELIMIT;
	len32 = (uint32_t)n;
	memcpy(e->key.data + mark, &len32, 4);
	return DCVAL_OK;
}

dcval_status dv_engine_value_key(dv_engine *e, const dv_column *col,
				 const dv_value *v, const dv_typed *t)
{
	dv_buf_reset(&e->key);
	return encode(e, col, v, t, false);
}

dcval_status dv_engine_check_unique(dv_engine *e, dv_record *rec,
				    const dv_column *col, const dv_value *v,
				    const dv_typed *t)
{
	dcval_status st;
	bool added;
	const char *s;
	size_t len;

	if (!e->log && !e->unique[col->index])
		return DCVAL_OK; /* a profile's run (dv_engine_stats_enable) */
	dv_buf_reset(&e->key);
	st = encode(e, col, v, t, false);
	if (st == DCVAL_OK && e->log) { /* a worker: the run looks it up */
		dv_engine_value_text(e, v, &s, &len);
		return dv_worker_unique(e, rec, col, v->field, s, len);
	}
	if (st == DCVAL_OK)
		st = dv_keyset_add(e->unique[col->index], e->key.data, e->key.len,
				   &added);
	if (st != DCVAL_OK)
		return st == DCVAL_ELIMIT ? DCVAL_OK : DCVAL_ENOMEM;
	if (added && !e->part)
		return DCVAL_OK;
	dv_engine_value_text(e, v, &s, &len);
	if (added) /* a sharded run's part remembers where (part.h) */
		return dv_part_key(e, rec, col->index, v->field, s, len);
	return dv_engine_emit(e, rec, DV_R_UNIQUE, col->severity, v->field,
			      col->name, s, len, col->sensitive,
			      "repeats an earlier value");
}

/* The key's display value: its parts joined by ",". */
static const char *pk_text(dv_engine *e, size_t *len, bool *redacted)
{
	const struct dcval_contract *c = e->c;
	size_t i;

	*redacted = false;
	dv_buf_reset(&e->text);
	for (i = 0; i < c->n_primary_key; i++) {
		const dv_column *col = &c->columns[c->primary_key[i]];
		const dv_value *v = &e->values[col->index];

		*redacted |= col->sensitive;
		if (i)
			dv_buf_putc(&e->text, ',');
		if (v->s)
			dv_buf_append(&e->text, v->s, v->len);
		else if (v->kind == DV_V_JBOOL)
			dv_buf_printf(&e->text, "%s", v->i ? "true" : "false");
	}
	*len = e->text.len;
	return e->text.data ? e->text.data : "";
}

dcval_status dv_engine_check_primary_key(dv_engine *e, dv_record *rec)
{
	const struct dcval_contract *c = e->c;
	const dv_column *first;
	dcval_status st;
	bool added = false, has_null = false, redacted;
	const char *s;
	size_t i, len;

	if (!c->n_primary_key || (!e->log && !e->pk)) /* !pk: a profile's run */
		return DCVAL_OK;
	first = &c->columns[c->primary_key[0]];
	dv_buf_reset(&e->key);
	for (i = 0; i < c->n_primary_key; i++) {
		size_t k = c->primary_key[i];
		const dv_value *v = &e->values[k];

		if (e->col_skip[k])
			return DCVAL_OK;
		if (v->kind == DV_V_NULL) {
			has_null = true;
			continue;
		}
		if (!e->has_typed[k])
			return DCVAL_OK; /* absent or not of its type: reported already */
		st = encode(e, &c->columns[k], v, &e->typed[k], true);
		if (st != DCVAL_OK)
			return st == DCVAL_ELIMIT ? DCVAL_OK : DCVAL_ENOMEM;
	}
	if (e->log) { /* a worker: the run looks it up */
		s = pk_text(e, &len, &redacted);
		return dv_worker_pk(e, rec, has_null, e->values[first->index].field,
				    s, len, redacted);
	}
	if (!has_null) {
		st = dv_keyset_add(e->pk, e->key.data, e->key.len, &added);
		if (st != DCVAL_OK)
			return DCVAL_ENOMEM;
		if (added && !e->part)
			return DCVAL_OK;
	}
	s = pk_text(e, &len, &redacted);
	if (!has_null && added) /* a sharded run's part remembers where (part.h) */
		return dv_part_key(e, rec, c->n_columns,
				   e->values[first->index].field, s, len);
	return dv_engine_emit(e, rec, DV_R_PRIMARY_KEY, DCVAL_SEVERITY_ERROR,
			      e->values[first->index].field, c->primary_key_name,
			      s, len, redacted,
			      has_null ? "primary key has a null part"
				       : "repeats an earlier primary key");
}

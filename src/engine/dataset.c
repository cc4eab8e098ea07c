/*
 * Dataset checks over all records of a run: unique columns and the
 * primary key. Values are encoded by type so that equal values give equal
 * bytes: integers, booleans and dates as their 8-byte number, numbers as
 * their double with -0 folded into 0, datetimes and times as (seconds,
 * nanoseconds), strings and `any` values as their bytes.
 */
#include <stdio.h>
#include <string.h>

#include "engine/engine_impl.h"
#include "util/alloc.h"

static bool fixed8_type(dv_type t)
{
	return t == DV_T_INTEGER || t == DV_T_NUMBER || t == DV_T_BOOLEAN ||
	       t == DV_T_DATE;
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

/* Append the key bytes of one typed value to e->key. */
static dcval_status encode(dv_engine *e, const dv_column *col,
			   const dv_value *v, const dv_typed *t, bool prefix)
{
	uint32_t len32;
	double d;

	switch (col->type) {
	case DV_T_INTEGER:
	case DV_T_BOOLEAN:
	case DV_T_DATE:
		return dv_buf_append(&e->key, &t->i, 8);
	case DV_T_NUMBER:
		d = t->d == 0 ? 0.0 : t->d;
		return dv_buf_append(&e->key, &d, 8);
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (dv_buf_append(&e->key, &t->i, 8) != DCVAL_OK)
			return DCVAL_ENOMEM;
		return dv_buf_append(&e->key, &t->ns, 4);
	default:
		if (prefix) {
			if (v->len > UINT32_MAX)
				return DCVAL_ELIMIT;
			len32 = (uint32_t)v->len;
			if (dv_buf_append(&e->key, &len32, 4) != DCVAL_OK)
				return DCVAL_ENOMEM;
		}
		return dv_buf_append(&e->key, v->s ? v->s : "", v->len);
	}
}

dcval_status dv_engine_check_unique(dv_engine *e, dv_record *rec,
				    const dv_column *col, const dv_value *v,
				    const dv_typed *t)
{
	dcval_status st;
	bool added;
	const char *s;
	size_t len;

	dv_buf_reset(&e->key);
	st = encode(e, col, v, t, false);
	if (st == DCVAL_OK)
		st = dv_keyset_add(e->unique[col->index], e->key.data, e->key.len,
				   &added);
	if (st != DCVAL_OK)
		return st == DCVAL_ELIMIT ? DCVAL_OK : DCVAL_ENOMEM;
	if (added)
		return DCVAL_OK;
	dv_engine_value_text(e, v, &s, &len);
	return dv_engine_emit(e, rec, DV_R_UNIQUE, col->severity, v->field,
			      col->name, s, len, col->sensitive,
			      "repeats an earlier value");
}

/* The key's display value: its parts joined by ",". */
static const char *pk_text(dv_engine *e, size_t *len, bool *redacted)
{
	const struct dcval_contract *c = e->c;
	char num[40];
	size_t i;

	*redacted = false;
	dv_buf_reset(&e->text);
	for (i = 0; i < c->n_primary_key; i++) {
		const dv_column *col = &c->columns[c->primary_key[i]];
		const dv_value *v = &e->values[col->index];

		*redacted |= col->sensitive;
		if (i)
			dv_buf_putc(&e->text, ',');
		if (v->s) {
			dv_buf_append(&e->text, v->s, v->len);
		} else if (v->kind == DV_V_JINT || v->kind == DV_V_JBOOL) {
			snprintf(num, sizeof(num), "%lld", (long long)v->i);
			dv_buf_append(&e->text, num, strlen(num));
		} else if (v->kind == DV_V_JREAL) {
			dv_buf_append(&e->text, num,
				      dv_format_double(v->d, num, sizeof(num)));
		}
	}
	*len = e->text.len;
	return e->text.data ? e->text.data : "";
}

dcval_status dv_engine_check_primary_key(dv_engine *e, dv_record *rec)
{
	const struct dcval_contract *c = e->c;
	const dv_column *first;
	dcval_status st;
	bool added, has_null = false, redacted;
	const char *s;
	size_t i, len;

	if (!c->n_primary_key)
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
	if (!has_null) {
		st = dv_keyset_add(e->pk, e->key.data, e->key.len, &added);
		if (st != DCVAL_OK)
			return DCVAL_ENOMEM;
		if (added)
			return DCVAL_OK;
	}
	s = pk_text(e, &len, &redacted);
	return dv_engine_emit(e, rec, DV_R_PRIMARY_KEY, DCVAL_SEVERITY_ERROR,
			      e->values[first->index].field, c->primary_key_name,
			      s, len, redacted,
			      has_null ? "primary key has a null part"
				       : "repeats an earlier primary key");
}

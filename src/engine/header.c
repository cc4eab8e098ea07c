/*
 * CSV header: map field positions to declared columns and report header
 * problems (blank or duplicate names, missing and extra columns, order).
 *
 * Linear in the number of names: a declared column is found through the
 * contract's name index, a repeated name through an index of the header
 * built for the call (util/strmap.h).
 */
#include <string.h>

#include "engine/engine_impl.h"
#include "util/alloc.h"
#include "util/strmap.h"

static dcval_status reserve_map(dv_engine *e, size_t n)
{
	long *m;

	if (n <= e->alloc_field_map)
		return DCVAL_OK;
	m = dv_reallocarray(e->field_map, n, sizeof(*m));
	if (!m)
		return DCVAL_ENOMEM;
	e->field_map = m;
	e->alloc_field_map = n;
	return DCVAL_OK;
}

static long find_column(const struct dcval_contract *c, const dv_slice *s)
{
	uint32_t col;

	return dv_strmap_find(&c->names, s->s, s->len, &col) ? (long)col : -1;
}

static const char *header_name(const void *ctx, uint32_t v, size_t *len)
{
	const dv_slice *names = ctx;

	*len = names[v].len;
	return names[v].s;
}

/* Blank and duplicate names: one `header` violation each. Declared names
 * that repeat make their column ambiguous. */
static dcval_status check_names(dv_engine *e, const dv_slice *names, size_t n,
				dv_record *rec)
{
	dcval_status st;
	dv_strmap seen;
	size_t i;
	long col;

	st = dv_strmap_init(&seen, n, header_name, names);
	for (i = 0; i < n && st == DCVAL_OK; i++) {
		if (names[i].len == 0) {
			st = dv_engine_emit(e, rec, DV_R_HEADER, DCVAL_SEVERITY_ERROR,
					    (uint32_t)(i + 1), NULL, NULL, 0, false,
					    "column name is blank");
			continue;
		}
		if (dv_strmap_add(&seen, (uint32_t)i, NULL))
			continue;
		col = find_column(e->c, &names[i]);
		if (col >= 0)
			e->col_skip[col] = true;
		st = dv_engine_emit(e, rec, DV_R_HEADER, DCVAL_SEVERITY_ERROR,
				    (uint32_t)(i + 1), NULL, names[i].s,
				    names[i].len, false,
				    col >= 0 ? "is a duplicate column name; its checks are skipped"
					     : "is a duplicate column name");
	}
	dv_strmap_release(&seen);
	return st;
}

static dcval_status check_extra(dv_engine *e, const dv_slice *names, size_t n,
				dv_record *rec)
{
	dcval_status st = DCVAL_OK;
	dcval_severity sev;
	size_t i;

	if (!dv_engine_policy(e->c, DV_R_EXTRA_COLUMN, &sev))
		return DCVAL_OK;
	for (i = 0; i < n && st == DCVAL_OK; i++) {
		if (e->field_map[i] >= 0 || names[i].len == 0)
			continue;
		if (find_column(e->c, &names[i]) >= 0)
			continue; /* a duplicate of a declared name */
		/* names are NUL-terminated by the reader */
		st = dv_engine_emit(e, rec, DV_R_EXTRA_COLUMN, sev, (uint32_t)(i + 1),
				    names[i].s, NULL, 0, false,
				    "column is not declared in the contract");
	}
	return st;
}

static dcval_status check_missing(dv_engine *e, const bool *seen)
{
	dcval_status st = DCVAL_OK;
	dcval_severity sev;
	bool report = dv_engine_policy(e->c, DV_R_MISSING_COLUMN, &sev);
	size_t i;

	for (i = 0; i < e->c->n_columns && st == DCVAL_OK; i++) {
		if (seen[i])
			continue;
		e->col_skip[i] = true;
		if (report)
			st = dv_engine_emit(e, NULL, DV_R_MISSING_COLUMN, sev, 0,
					    e->c->columns[i].name, NULL, 0, false,
					    "column is missing from the header");
	}
	return st;
}

/* column_order: strict: declared columns must come in declared order. */
static dcval_status check_order(dv_engine *e, dv_record *rec)
{
	long last = -1;
	size_t i;

	if (!e->c->column_order_strict)
		return DCVAL_OK;
	for (i = 0; i < e->n_field_map; i++) {
		long col = e->field_map[i];

		if (col < 0)
			continue;
		if (col < last)
			return dv_engine_emit(e, rec, DV_R_COLUMN_ORDER,
					      DCVAL_SEVERITY_ERROR, (uint32_t)(i + 1),
					      e->c->columns[col].name, NULL, 0, false,
					      "column is out of the declared order");
		last = col;
	}
	return DCVAL_OK;
}

dcval_status dv_engine_header(dv_engine *e, const dv_slice *names, size_t n,
			      uint64_t line)
{
	dcval_status st;
	dv_record rec;
	bool *seen;
	size_t i;
	long col;

	if (reserve_map(e, n ? n : 1) != DCVAL_OK)
		return DCVAL_ENOMEM;
	seen = dv_calloc(e->c->n_columns, sizeof(*seen));
	if (!seen)
		return DCVAL_ENOMEM;
	memset(&rec, 0, sizeof(rec));
	rec.line = line;
	e->rec_no = 0;
	e->n_field_map = n;
	st = check_names(e, names, n, &rec);
	for (i = 0; i < n; i++) {
		col = find_column(e->c, &names[i]);
		if (col >= 0 && e->col_skip[col])
			col = -1; /* ambiguous */
		e->field_map[i] = col;
		if (col >= 0)
			seen[col] = true;
	}
	for (i = 0; i < e->c->n_columns; i++)
		if (e->col_skip[i])
			seen[i] = true; /* present, though ambiguous */
	if (st == DCVAL_OK)
		st = check_missing(e, seen);
	if (st == DCVAL_OK)
		st = check_extra(e, names, n, &rec);
	if (st == DCVAL_OK)
		st = check_order(e, &rec);
	dv_free(seen);
	return st;
}

dcval_status dv_engine_positional(dv_engine *e)
{
	size_t i, n = e->c->n_columns;

	if (reserve_map(e, n) != DCVAL_OK)
		return DCVAL_ENOMEM;
	for (i = 0; i < n; i++)
		e->field_map[i] = (long)i;
	e->n_field_map = n;
	return DCVAL_OK;
}

const long *dv_engine_field_map(const dv_engine *e, size_t *n)
{
	*n = e->n_field_map;
	return e->field_map;
}

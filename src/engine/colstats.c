/*
 * The validator's column statistics; see colstats.h.
 */
#include <math.h>

#include "engine/colstats.h"
#include "engine/drift.h"
#include "engine/engine_impl.h"
#include "stats/colstats_prep.h"
#include "util/alloc.h"

dcval_status dv_engine_stats_enable(dv_engine *e, uint32_t top_n)
{
	const struct dcval_contract *c = e->c;
	size_t i;

	if (e->stats)
		return DCVAL_OK;
	/* a profile: no repeat is reported, so no key is remembered */
	for (i = 0; e->unique && i < c->n_columns; i++) {
		dv_keyset_free(e->unique[i]);
		e->unique[i] = NULL;
	}
	dv_keyset_free(e->pk);
	e->pk = NULL;
	e->stats = dv_calloc(c->n_columns, sizeof(*e->stats));
	if (!e->stats)
		return DCVAL_ENOMEM;
	for (i = 0; i < c->n_columns; i++) {
		dv_sketch_status st = dv_colstats_new(&e->stats[i],
						      c->columns[i].type,
						      c->columns[i].type == DV_T_VECTOR,
						      top_n);

		if (st != DV_SKETCH_OK)
			return st == DV_SKETCH_ENOMEM ? DCVAL_ENOMEM : DCVAL_EUSAGE;
		if (c->columns[i].sensitive)
			dv_colstats_drop_top(e->stats[i]);
	}
	return DCVAL_OK;
}

const dv_colstats *dv_engine_stats(const dv_engine *e, size_t i)
{
	return e->stats ? e->stats[i] : NULL;
}

void dv_engine_stats_release(dv_engine *e)
{
	size_t i;

	if (!e->stats)
		return;
	for (i = 0; i < e->c->n_columns; i++)
		dv_colstats_free(e->stats[i]);
	dv_free(e->stats);
	e->stats = NULL;
}

static char any_tag(const dv_value *v)
{
	switch (v->kind) {
	case DV_V_JNUM:
		return 'n';
	case DV_V_JBOOL:
		return 'b';
	case DV_V_JOTHER:
		return 'j';
	default:
		return 's';
	}
}

/*
 * Two passes over the columns: the first counts nulls, invalid values
 * and vectors, and hashes every other value, asking for the cache lines
 * its sketches will update (dv_colstats_prepare); the second updates
 * them, by then mostly in cache.
 */
dcval_status dv_engine_stats_record(dv_engine *e)
{
	const struct dcval_contract *c = e->c;
	dv_sketch_status st = DV_SKETCH_OK;
	size_t k;

	if (dv_drift_record(e) != DCVAL_OK)
		return DCVAL_ENOMEM;
	if (!e->stats || e->stop)
		return DCVAL_OK;
	for (k = 0; k < c->n_columns && st == DV_SKETCH_OK; k++) {
		const dv_value *v = &e->values[k];
		const dv_typed *t = &e->typed[k];
		dv_colstats *s = e->stats[k];

		if (e->col_skip[k] || v->kind == DV_V_ABSENT ||
		    v->kind == DV_V_NULL)
			dv_colstats_null(s);
		else if (!e->has_typed[k])
			dv_colstats_invalid(s);
		else if (s->vector)
			/* typed: i elements, d the norm, ns a non-finite
			 * element's position (then no norm) */
			st = dv_colstats_add_vector(s, (uint64_t)t->i,
						    t->ns ? NAN : t->d, v->s,
						    v->len);
		else if (v->kind == DV_V_JBOOL && c->columns[k].type == DV_T_ANY)
			dv_colstats_prepare_inline(s, t, v->i ? "true" : "false",
					    v->i ? 4 : 5, 'b');
		else
			dv_colstats_prepare_inline(s, t, v->s, v->len,
						   any_tag(v));
	}
	if (st == DV_SKETCH_OK)
		st = dv_colstats_add_pending(e->stats, c->n_columns);
	else
		for (k = 0; k < c->n_columns; k++)
			e->stats[k]->pend = false;
	if (st == DV_SKETCH_ENOMEM)
		return DCVAL_ENOMEM;
	return st == DV_SKETCH_OK ? DCVAL_OK : DCVAL_ELIMIT;
}

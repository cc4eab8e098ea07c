/*
 * A column's sketches to and from their serialized frames (colstats.h).
 */
#include <string.h>

#include "stats/colstats.h"
#include "util/alloc.h"

const char *const dv_colstats_frame_keys[DV_CSF_COUNT] = {
	"moments", "lengths", "quantiles", "distinct", "top", "dimensions",
	"norms"
};

static bool has_frame(const dv_colstats *s, int k)
{
	bool num = s->type == DV_T_INTEGER || s->type == DV_T_NUMBER;

	switch (k) {
	case DV_CSF_MOMENTS:
		return !s->vector && num;
	case DV_CSF_LENGTHS:
		return !s->vector && s->type == DV_T_STRING;
	case DV_CSF_QUANTILES:
		return s->kll != NULL;
	case DV_CSF_DISTINCT:
		return true;
	case DV_CSF_TOP:
		return s->top != NULL;
	default:
		return s->vector;
	}
}

dv_sketch_status dv_colstats_frames_make(const dv_colstats *s,
					 dv_colstats_frames *f)
{
	dv_sketch_status st = DV_SKETCH_OK;
	int k;

	memset(f, 0, sizeof(*f));
	for (k = 0; k < DV_CSF_COUNT && st == DV_SKETCH_OK; k++) {
		if (!has_frame(s, k))
			continue;
		switch (k) {
		case DV_CSF_MOMENTS:
			st = dv_moments_serialize(&s->mom, &f->text[k], &f->len[k]);
			break;
		case DV_CSF_LENGTHS:
			st = dv_moments_serialize(&s->len, &f->text[k], &f->len[k]);
			break;
		case DV_CSF_QUANTILES:
			st = dv_kll_serialize(s->kll, &f->text[k], &f->len[k]);
			break;
		case DV_CSF_DISTINCT:
			st = dv_distinct_serialize(s->dist, &f->text[k], &f->len[k]);
			break;
		case DV_CSF_TOP:
			st = dv_ss_serialize(s->top, &f->text[k], &f->len[k]);
			break;
		case DV_CSF_DIMS:
			st = dv_moments_serialize(&s->dim, &f->text[k], &f->len[k]);
			break;
		default:
			st = dv_moments_serialize(&s->norm, &f->text[k], &f->len[k]);
			break;
		}
	}
	if (st != DV_SKETCH_OK)
		dv_colstats_frames_free(f);
	return st;
}

void dv_colstats_frames_free(dv_colstats_frames *f)
{
	int k;

	for (k = 0; k < DV_CSF_COUNT; k++) {
		dv_free(f->text[k]);
		f->text[k] = NULL;
	}
}

static dv_sketch_status read_frame(dv_colstats *s, int k, const char *t,
				   size_t n)
{
	dv_sketch_status st;

	switch (k) {
	case DV_CSF_MOMENTS:
		return dv_moments_deserialize(&s->mom, t, n);
	case DV_CSF_LENGTHS:
		return dv_moments_deserialize(&s->len, t, n);
	case DV_CSF_DIMS:
		return dv_moments_deserialize(&s->dim, t, n);
	case DV_CSF_NORMS:
		return dv_moments_deserialize(&s->norm, t, n);
	case DV_CSF_QUANTILES: {
		dv_kll *q;

		st = dv_kll_deserialize(&q, t, n);
		if (st != DV_SKETCH_OK)
			return st;
		if (dv_kll_k(q) != dv_kll_k(s->kll)) {
			dv_kll_free(q);
			return DV_SKETCH_EMISMATCH;
		}
		dv_kll_free(s->kll);
		s->kll = q;
		return DV_SKETCH_OK;
	}
	case DV_CSF_DISTINCT: {
		dv_distinct *d;

		st = dv_distinct_deserialize(&d, t, n);
		if (st != DV_SKETCH_OK)
			return st;
		dv_distinct_free(s->dist);
		s->dist = d;
		return DV_SKETCH_OK;
	}
	default: {
		dv_ss *ss;

		st = dv_ss_deserialize(&ss, t, n);
		if (st != DV_SKETCH_OK)
			return st;
		dv_ss_free(s->top);
		s->top = ss;
		return DV_SKETCH_OK;
	}
	}
}

dv_sketch_status dv_colstats_rebuild(dv_colstats **out, dv_type type,
				     bool vector, uint32_t top_n,
				     const dv_colstats_exact *x,
				     const dv_colstats_frames *f)
{
	dv_colstats *s;
	dv_sketch_status st;
	int k;

	st = dv_colstats_new(&s, type, vector, top_n);
	if (st != DV_SKETCH_OK)
		return st;
	for (k = 0; k < DV_CSF_COUNT && st == DV_SKETCH_OK; k++) {
		if (!has_frame(s, k))
			continue;
		if (!f->text[k] && k == DV_CSF_TOP) {
			dv_colstats_drop_top(s); /* a sensitive column's */
			continue;
		}
		if (!f->text[k])
			st = DV_SKETCH_ECORRUPT;
		else
			st = read_frame(s, k, f->text[k], f->len[k]);
	}
	if (st == DV_SKETCH_OK && s->top && x->count - x->nulls - x->invalid !=
						    dv_ss_total(s->top))
		st = DV_SKETCH_ECORRUPT;
	if (st != DV_SKETCH_OK) {
		dv_colstats_free(s);
		return st;
	}
	s->count = x->count;
	s->nulls = x->nulls;
	s->invalid = x->invalid;
	s->has_minmax = x->has_minmax && s->kll;
	s->min = x->min;
	s->max = x->max;
	*out = s;
	return DV_SKETCH_OK;
}

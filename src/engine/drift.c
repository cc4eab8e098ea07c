/*
 * Drift metrics of the run against the contract's baseline; see drift.h
 * and contract/drift.h. PSI = sum over bins of (cur - base) ln(cur / base)
 * with both shares floored at 0.0001; shares are over non-null values.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "contract/drift.h"
#include "engine/drift.h"
#include "engine/engine_impl.h"
#include "stats/colstats.h"
#include "stats/valindex.h"
#include "value/figure.h"
#include "util/alloc.h"

/* The ks counters against the baseline's sketch (checked when the
 * contract was compiled: it deserializes and holds values). */
static dcval_status ks_init(struct dv_drift_run *r, const dv_drift_col *d)
{
	dv_kll *base = NULL;
	dv_sketch_status st;

	r->ks = dv_calloc(1, sizeof(*r->ks));
	if (!r->ks)
		return DCVAL_ENOMEM;
	st = dv_kll_deserialize(&base, d->kll, d->kll_len);
	if (st == DV_SKETCH_OK)
		st = dv_ksrun_init(r->ks, base);
	dv_kll_free(base);
	if (st == DV_SKETCH_OK)
		return DCVAL_OK;
	return st == DV_SKETCH_ENOMEM ? DCVAL_ENOMEM : DCVAL_EINTERNAL;
}

dcval_status dv_drift_init(dv_engine *e)
{
	const struct dv_drift *dr = e->c->drift;
	dcval_status st;
	size_t i;

	if (!dr)
		return DCVAL_OK;
	e->drift = dv_calloc(dr->n_cols ? dr->n_cols : 1, sizeof(*e->drift));
	if (!e->drift)
		return DCVAL_ENOMEM;
	for (i = 0; i < dr->n_cols; i++) {
		const dv_drift_col *d = &dr->cols[i];
		struct dv_drift_run *r = &e->drift[i];

		if (d->has[DV_DM_PSI]) {
			r->n_bins = d->ordered_psi ? DV_DRIFT_DECILES + 1 : d->n_values + 1;
			r->bins = dv_calloc(r->n_bins, sizeof(*r->bins));
			if (!r->bins)
				return DCVAL_ENOMEM;
		}
		if ((d->str || d->ival) &&
		    dv_vindex_init(&r->idx, d->str, d->str_len, d->ival,
				   d->n_values) != DV_SKETCH_OK)
			return DCVAL_ENOMEM;
		if (d->has[DV_DM_KS] && (st = ks_init(r, d)) != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

void dv_drift_release(dv_engine *e)
{
	size_t i;

	if (!e->drift)
		return;
	for (i = 0; i < e->c->drift->n_cols; i++) {
		dv_free(e->drift[i].bins);
		if (e->drift[i].ks)
			dv_ksrun_release(e->drift[i].ks);
		dv_free(e->drift[i].ks);
		dv_vindex_release(&e->drift[i].idx);
	}
	dv_free(e->drift);
	e->drift = NULL;
}

/* The decile bin of x: the number of cuts <= x (a value equal to a cut
 * goes to the upper bin). The cuts ascend, so this is a binary search;
 * counted without a branch (a data-dependent branch mispredicts about
 * every other value). */
static size_t decile_bin(const dv_drift_col *d, double x)
{
	size_t b = 0, k;

	for (k = 0; k < DV_DRIFT_DECILES; k++)
		b += d->cuts[k] <= x;
	return b;
}

static void observe(const dv_drift_col *d, struct dv_drift_run *r,
		    const dv_value *v, const dv_typed *tv)
{
	dv_typed t = *tv;
	long at = -1;
	bool listed = d->str || d->ival;

	dv_colstats_norm_time(d->type, &t);
	r->valid++;
	if (listed) {
		if (d->type == DV_T_BOOLEAN)
			t.i = t.i != 0;
		at = dv_vindex_find(&r->idx, v->s, v->len, t.i);
		if (at < 0)
			r->unseen++;
	}
	if (r->bins) {
		if (d->ordered_psi)
			r->bins[decile_bin(d, dv_colstats_num(d->type, &t))]++;
		else
			r->bins[at < 0 ? d->n_values : (size_t)at]++;
	}
	if (r->ks)
		dv_ksrun_add(r->ks, dv_colstats_num(d->type, &t));
}

dcval_status dv_drift_record(dv_engine *e)
{
	const struct dv_drift *dr = e->c->drift;
	size_t i;

	if (!e->drift || e->stop)
		return DCVAL_OK;
	for (i = 0; i < dr->n_cols; i++) {
		const dv_drift_col *d = &dr->cols[i];
		const dv_value *v = &e->values[d->column];

		if (e->col_skip[d->column] || v->kind == DV_V_ABSENT ||
		    v->kind == DV_V_NULL)
			e->drift[i].nulls++;
		else if (e->has_typed[d->column])
			observe(d, &e->drift[i], v, &e->typed[d->column]);
	}
	return DCVAL_OK;
}

static double floored(double x)
{
	return x < DV_DRIFT_FLOOR ? DV_DRIFT_FLOOR : x;
}

static double psi(const dv_drift_col *d, const struct dv_drift_run *r)
{
	double sum = 0, cur, base;
	size_t b;

	for (b = 0; b < r->n_bins; b++) {
		cur = floored((double)r->bins[b] / (double)r->valid);
		if (d->ordered_psi)
			base = 0.1;
		else
			base = b < d->n_values ? d->share[b] : d->other_share;
		base = floored(base);
		sum += (cur - base) * log(cur / base);
	}
	return sum;
}

static const char *const metric_name[DV_DM_COUNT] = {
	"psi", "ks", "null_fraction_change", "unseen_share"
};
static const dv_rule metric_rule[DV_DM_COUNT] = {
	DV_R_PSI, DV_R_KS, DV_R_NULL_FRACTION_CHANGE, DV_R_UNSEEN_SHARE
};

dcval_status dv_drift_finish(dv_engine *e)
{
	const struct dv_drift *dr = e->c->drift;
	uint64_t records = e->total.records;
	dcval_status st = DCVAL_OK;
	size_t i, m;

	if (!e->drift)
		return DCVAL_OK;
	for (i = 0; i < dr->n_cols && st == DCVAL_OK; i++) {
		const dv_drift_col *d = &dr->cols[i];
		const dv_column *col = &e->c->columns[d->column];
		struct dv_drift_run *r = &e->drift[i];

		for (m = 0; m < DV_DM_COUNT && st == DCVAL_OK; m++) {
			char fig[DV_FIGURE_MAX], lim[DV_FIGURE_MAX], detail[128];
			double x = 0;
			size_t n;

			if (!d->has[m])
				continue;
			if (m != DV_DM_NULL && r->valid == 0)
				continue; /* no value to compare */
			switch (m) {
			case DV_DM_PSI:
				x = psi(d, r);
				break;
			case DV_DM_KS:
				if (dv_ksrun_distance(r->ks, &x) != DV_SKETCH_OK)
					continue;
				break;
			case DV_DM_NULL:
				x = fabs((records ? (double)r->nulls / (double)records : 0) -
					 d->base_null_fraction);
				break;
			default:
				x = (double)r->unseen / (double)r->valid;
				break;
			}
			if (!(x > d->limit[m]))
				continue;
			n = dv_figure(x, fig);
			dv_figure(d->limit[m], lim);
			/* a dataset-level message is the detail alone (as the
			 * dataset checks': "psi 0.31 is above 0.2") */
			snprintf(detail, sizeof(detail), "%s %s is above %s",
				 metric_name[m], fig, lim);
			st = dv_engine_emit(e, NULL, metric_rule[m], d->severity, 0,
					    col->name, fig, n, false, detail);
		}
	}
	return st;
}

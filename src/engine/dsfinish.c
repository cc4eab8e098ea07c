/*
 * Reporting the dataset checks after the last record (dsstats.h): per
 * `dataset.columns` entry in contract order max_null_fraction,
 * min_distinct, max_distinct, min_share, max_share (one violation per
 * distinct value outside, in order of first occurrence), mean; then
 * freshness. Every violation is dataset-level (record, line and field
 * null; the input's path when the run has one input) with `column` the
 * column and `value` the measured figure (dv_figure; a distinct count in
 * decimal), except shares (the
 * value's first occurrence as written) and freshness (the newest value
 * as written, or null). All limits are inclusive.
 *
 * A column that no input has (a missing_column in every input) gets no
 * checks at all; a column missing from some inputs is measured over the
 * records of the inputs that have it. A figure with nothing to measure
 * is no violation: no record (null fraction), no typed value (shares,
 * mean). Distinct counts and freshness are defined without values: 0
 * distinct values, and "no non-null value" is one freshness violation.
 *
 * Messages:
 *   null fraction 0.0712 is above 0.05
 *   3 distinct values, below 5          300 distinct values, above 250
 *   share 0.0042 is below 0.01          share 0.95 is above 0.6
 *   mean 512.5 is above 500             mean 0.5 is below 1
 *   newest value 2026-11-20T08:00:00Z is older than 26h before 2026-11-21T12:00:00Z
 *   no non-null value, none within 26h before 2026-11-21T12:00:00Z
 * (the newest value in UTC, a date as its day; a sensitive column's
 * message names no value).
 */
#include <stdio.h>
#include <string.h>

#include "contract/dscheck.h"
#include "engine/dsstats.h"
#include "engine/engine_impl.h"
#include "value/figure.h"
#include "value/instant.h"

/* Room for a message: figures, limits as written (a YAML scalar may be
 * long; snprintf cuts it), two instants. */
#define DV_DS_DETAIL 320

/* A distinct count's violation: value the count in decimal (an integer
 * reads back exactly; dv_figure would write 10000 as 1e+04). */
static dcval_status emit_count(dv_engine *e, const dv_column *col,
			       const dv_dscol *d, dv_rule rule, uint64_t n,
			       const char *detail)
{
	char num[24];
	int len = snprintf(num, sizeof(num), "%llu", (unsigned long long)n);

	return dv_engine_emit(e, NULL, rule, d->severity, 0, col->name, num,
			      (size_t)len, false, detail);
}

/* One dataset-level violation of entry d. */
static dcval_status emit(dv_engine *e, const dv_column *col,
			 dcval_severity sev, dv_rule rule, const char *value,
			 size_t len, const char *detail)
{
	return dv_engine_emit(e, NULL, rule, sev, 0, col->name, value, len,
			      value && col->sensitive, detail);
}

/* A figure violation: value the figure of x. */
static dcval_status emit_figure(dv_engine *e, const dv_column *col,
				const dv_dscol *d, dv_rule rule, double x,
				const char *detail)
{
	char fig[DV_FIGURE_MAX];
	size_t n = dv_figure(x, fig);

	return dv_engine_emit(e, NULL, rule, d->severity, 0, col->name, fig, n,
			      false, detail);
}

static dcval_status check_nulls(dv_engine *e, const dv_column *col,
				const dv_dscol *d, const dv_dsentry *en)
{
	char fig[DV_FIGURE_MAX], detail[DV_DS_DETAIL];
	double f;

	if (!d->max_null_fraction.set || en->records == 0)
		return DCVAL_OK;
	f = (double)en->nulls / (double)en->records;
	if (f <= d->max_null_fraction.value)
		return DCVAL_OK;
	dv_figure(f, fig);
	snprintf(detail, sizeof(detail), "null fraction %s is above %s", fig,
		 d->max_null_fraction.arg);
	return emit_figure(e, col, d, DV_R_MAX_NULL_FRACTION, f, detail);
}

static dcval_status check_distinct(dv_engine *e, const dv_column *col,
				   const dv_dscol *d, const dv_dsentry *en)
{
	char detail[DV_DS_DETAIL];
	uint64_t n;
	dcval_status st;

	if (!en->set)
		return DCVAL_OK;
	n = dv_keyset_count(en->set);
	if (d->min_distinct.set && n < d->min_distinct.count) {
		snprintf(detail, sizeof(detail), "%llu distinct value%s, below %s",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 d->min_distinct.arg);
		st = emit_count(e, col, d, DV_R_MIN_DISTINCT, n, detail);
		if (st != DCVAL_OK)
			return st;
	}
	if (d->max_distinct.set && n > d->max_distinct.count) {
		snprintf(detail, sizeof(detail), "%llu distinct value%s, above %s",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 d->max_distinct.arg);
		return emit_count(e, col, d, DV_R_MAX_DISTINCT, n, detail);
	}
	return DCVAL_OK;
}

/* One pass over the distinct values in order of first occurrence:
 * below min_share (`below`) or above max_share. */
static dcval_status check_shares(dv_engine *e, const dv_column *col,
				 const dv_dscol *d, const dv_dsentry *en,
				 bool below)
{
	const dv_dslimit *lim = below ? &d->min_share : &d->max_share;
	char fig[DV_FIGURE_MAX], detail[DV_DS_DETAIL];
	uint64_t i, n;
	dcval_status st;

	if (!lim->set || en->values == 0 || !en->counts)
		return DCVAL_OK;
	n = dv_keyset_count(en->set);
	for (i = 0; i < n; i++) {
		double share = (double)en->counts[i] / (double)en->values;

		if (below ? share >= lim->value : share <= lim->value)
			continue;
		dv_figure(share, fig);
		snprintf(detail, sizeof(detail), "share %s is %s %s", fig,
			 below ? "below" : "above", lim->arg);
		st = emit(e, col, d->severity,
			  below ? DV_R_MIN_SHARE : DV_R_MAX_SHARE,
			  en->texts.data ? en->texts.data + en->text_off[i] : "",
			  en->text_len[i], detail);
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

static dcval_status check_mean(dv_engine *e, const dv_column *col,
			       const dv_dscol *d, const dv_dsentry *en)
{
	char fig[DV_FIGURE_MAX], detail[DV_DS_DETAIL];
	double m;
	bool low, high;

	if (en->values == 0)
		return DCVAL_OK;
	m = dv_xsum_mean(&en->sum, en->values);
	low = d->mean_min.set && m < d->mean_min.value;
	high = d->mean_max.set && m > d->mean_max.value;
	if (!low && !high)
		return DCVAL_OK;
	dv_figure(m, fig);
	snprintf(detail, sizeof(detail), "mean %s is %s %s", fig,
		 low ? "below" : "above",
		 low ? d->mean_min.arg : d->mean_max.arg);
	return emit_figure(e, col, d, DV_R_MEAN, m, detail);
}

static dcval_status check_entry(dv_engine *e, size_t i)
{
	const dv_dscol *d = &e->c->ds_columns[i];
	const dv_column *col = &e->c->columns[d->column];
	const dv_dsentry *en = &e->ds->entries[i];
	dcval_status st;

	if (!e->ds->present[d->column])
		return DCVAL_OK;
	st = check_nulls(e, col, d, en);
	if (st == DCVAL_OK)
		st = check_distinct(e, col, d, en);
	if (st == DCVAL_OK)
		st = check_shares(e, col, d, en, true);
	if (st == DCVAL_OK)
		st = check_shares(e, col, d, en, false);
	if (st == DCVAL_OK)
		st = check_mean(e, col, d, en);
	return st;
}

/* Whether (secs, ns) is older than max_age before now. */
static bool too_old(int64_t secs, int32_t ns, int64_t now_secs,
		    int32_t now_ns, int64_t max_age_ms)
{
	int64_t lim_secs = now_secs - max_age_ms / 1000;
	int64_t lim_ns = (int64_t)now_ns - (max_age_ms % 1000) * 1000000;

	if (lim_ns < 0) {
		lim_ns += 1000000000;
		lim_secs--;
	}
	return secs < lim_secs || (secs == lim_secs && ns < lim_ns);
}

static dcval_status check_freshness(dv_engine *e)
{
	const struct dv_dsfresh *f = e->c->freshness;
	const dv_dsstats *ds = e->ds;
	const dv_column *col;
	char now[DV_INSTANT_MAX], newest[DV_INSTANT_MAX];
	char detail[DV_DS_DETAIL];
	int64_t now_secs;
	int32_t now_ns;

	if (!f || !ds->present[f->column])
		return DCVAL_OK;
	col = &e->c->columns[f->column];
	dv_engine_now(e, &now_secs, &now_ns);
	dv_format_instant(now_secs, now_ns, now);
	if (!ds->fresh_seen) {
		snprintf(detail, sizeof(detail),
			 "no non-null value, none within %s before %s",
			 f->max_age, now);
		return emit(e, col, f->severity, DV_R_FRESHNESS, NULL, 0, detail);
	}
	if (!too_old(ds->fresh_secs, ds->fresh_ns, now_secs, now_ns,
		     f->max_age_ms))
		return DCVAL_OK;
	if (col->type == DV_T_DATE)
		dv_format_day((ds->fresh_secs - 86399) / 86400, newest);
	else
		dv_format_instant(ds->fresh_secs, ds->fresh_ns, newest);
	if (col->sensitive)
		snprintf(detail, sizeof(detail),
			 "newest value is older than %s before %s", f->max_age,
			 now);
	else
		snprintf(detail, sizeof(detail),
			 "newest value %s is older than %s before %s", newest,
			 f->max_age, now);
	return emit(e, col, f->severity, DV_R_FRESHNESS, ds->fresh_text,
		    ds->fresh_len, detail);
}

dcval_status dv_dsstats_finish(dv_engine *e)
{
	dcval_status st;
	size_t i;

	if (!e->ds)
		return DCVAL_OK;
	for (i = 0; i < e->ds->n_entries; i++) {
		st = check_entry(e, i);
		if (st != DCVAL_OK)
			return st;
	}
	return check_freshness(e);
}

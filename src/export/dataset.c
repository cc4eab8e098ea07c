/*
 * dataset.columns and dataset.freshness as result rows, in the order of
 * src/engine/dsfinish.c: per `columns` entry (contract order)
 * max_null_fraction, min_distinct, max_distinct, min_share, max_share,
 * mean; then freshness. Each counts as dcval does (dsstats.c,
 * dsfinish.c): a null fraction, distinct count, mean or freshness row is
 * 0 or 1; a share row counts the distinct values outside the bound.
 * Statistics see only typed values (ok<k>); the null fraction counts
 * null and absent values over all records; distinct values are compared
 * by uk<k>, as `unique` compares them. Fractions and shares are IEEE
 * double divisions compared with the limit's double, as the engine does.
 */
#include <stdio.h>
#include <string.h>

#include "contract/dscheck.h"
#include "export/sqlgen.h"

/* A limit as a double literal that reads back exactly (a string cast:
 * both engines parse text to double correctly rounded). */
static void put_double(dv_sqlgen *g, dv_buf *b, double v)
{
	dv_sql_put(g, b, "CAST('%.17g' AS %s)", v, g->d->double_type);
}

static void put_ratio(dv_sqlgen *g, dv_buf *b, const char *num, const char *den)
{
	dv_sql_put(g, b, "CAST(%s AS %s) / CAST(%s AS %s)", num, g->d->double_type,
		   den, g->d->double_type);
}

static void null_fraction(dv_sqlgen *g, const dv_column *col, const dv_dscol *d,
			  dv_buf *a)
{
	char nulls[64];

	snprintf(nulls, sizeof(nulls), "count(*) FILTER (WHERE v%zu IS NULL)",
		 col->index);
	dv_sql_put(g, a, "CASE WHEN count(*) > 0 AND ");
	put_ratio(g, a, nulls, "count(*)");
	dv_sql_put(g, a, " > ");
	put_double(g, a, d->max_null_fraction.value);
	dv_sql_put(g, a, " THEN 1 ELSE 0 END");
}

static void distinct(dv_sqlgen *g, const dv_column *col, bool min, uint64_t lim,
		     dv_buf *a)
{
	size_t k = col->index;

	dv_sql_put(g, a, "CASE WHEN count(DISTINCT uk%zu) FILTER (WHERE ok%zu) %s %llu "
		   "THEN 1 ELSE 0 END", k, k, min ? "<" : ">", (unsigned long long)lim);
}

/* The distinct typed values whose share is outside the bound: a scalar
 * subquery over dv_k (grouped by the unique key). */
static void shares(dv_sqlgen *g, const dv_column *col, bool min, double lim,
		   dv_buf *a)
{
	size_t k = col->index;
	char tot[96];

	snprintf(tot, sizeof(tot), "(SELECT count(*) FROM dv_k WHERE ok%zu)", k);
	dv_sql_put(g, a, "(SELECT count(*) FROM (SELECT count(*) AS dv_c FROM dv_k "
		   "WHERE ok%zu GROUP BY uk%zu) AS dv_s WHERE ", k, k);
	put_ratio(g, a, "dv_c", tot);
	dv_sql_put(g, a, " %s ", min ? "<" : ">");
	put_double(g, a, lim);
	dv_sql_put(g, a, ")");
}

static void mean(dv_sqlgen *g, const dv_column *col, const dv_dscol *d, dv_buf *a)
{
	size_t k = col->index;
	dv_buf x, e;

	/* the typed value as a double, as dsstats.c adds it to the mean; the
	 * CASE keeps an engine from reading a text that failed its type */
	dv_buf_init(&x, 1u << 20);
	dv_buf_init(&e, 1u << 20);
	if (col->type == DV_T_INTEGER)
		dv_sql_put(g, &x, "CAST(n%zu AS %s)", k, g->d->double_type);
	else
		dv_sql_number_double(g, &x, k);
	dv_sql_put(g, &e, "avg(CASE WHEN ok%zu THEN %s END)", k, x.data ? x.data : "");
	if (g->st != DCVAL_OK) {
		dv_buf_release(&x);
		dv_buf_release(&e);
		return;
	}
	dv_sql_put(g, a, "CASE");
	if (d->mean_min.set) {
		dv_sql_put(g, a, " WHEN %s < ", e.data);
		put_double(g, a, d->mean_min.value);
		dv_sql_put(g, a, " THEN 1");
	}
	if (d->mean_max.set) {
		dv_sql_put(g, a, " WHEN %s > ", e.data);
		put_double(g, a, d->mean_max.value);
		dv_sql_put(g, a, " THEN 1");
	}
	dv_sql_put(g, a, " ELSE 0 END");
	dv_buf_release(&x);
	dv_buf_release(&e);
}

static void row(dv_sqlgen *g, dv_rule r, const dv_column *col,
		dcval_severity sev, dv_buf *a)
{
	if (g->st == DCVAL_OK)
		dv_sql_check(g, dv_rule_id(r), col->name, sev, a->data);
	dv_buf_reset(a);
}

void dv_sql_ds_columns(dv_sqlgen *g)
{
	const struct dcval_contract *c = g->c;
	dv_buf a;
	size_t i;

	dv_buf_init(&a, 1u << 24);
	for (i = 0; i < c->n_ds_columns && g->st == DCVAL_OK; i++) {
		const dv_dscol *d = &c->ds_columns[i];
		const dv_column *col = &c->columns[d->column];

		g->line = d->line;
		if (d->max_null_fraction.set) {
			null_fraction(g, col, d, &a);
			row(g, DV_R_MAX_NULL_FRACTION, col, d->severity, &a);
		}
		if (d->min_distinct.set) {
			distinct(g, col, true, d->min_distinct.count, &a);
			row(g, DV_R_MIN_DISTINCT, col, d->severity, &a);
		}
		if (d->max_distinct.set) {
			distinct(g, col, false, d->max_distinct.count, &a);
			row(g, DV_R_MAX_DISTINCT, col, d->severity, &a);
		}
		if (d->min_share.set) {
			shares(g, col, true, d->min_share.value, &a);
			row(g, DV_R_MIN_SHARE, col, d->severity, &a);
		}
		if (d->max_share.set) {
			shares(g, col, false, d->max_share.value, &a);
			row(g, DV_R_MAX_SHARE, col, d->severity, &a);
		}
		if (d->mean_min.set || d->mean_max.set) {
			mean(g, col, d, &a);
			row(g, DV_R_MEAN, col, d->severity, &a);
		}
	}
	g->line = 0;
	dv_buf_release(&a);
}

/*
 * Freshness: one violation unless some typed value is at or after the
 * limit (now - max_age), as dsfinish.c's too_old on the newest value; no
 * typed value at all is one violation too. A date is its day's end,
 * 23:59:59.999 UTC. With --now the limit is exact (seconds and
 * nanoseconds); without it the engine's CURRENT_TIMESTAMP in
 * microseconds (the query's own now, as dcval's is its clock).
 */
void dv_sql_freshness(dv_sqlgen *g)
{
	const struct dv_dsfresh *f = g->c->freshness;
	const dv_column *col;
	char secs[64], ns[32], div[96], a[512];
	size_t k;

	if (!f)
		return;
	col = &g->c->columns[f->column];
	k = col->index;
	if (col->type == DV_T_DATE) {
		snprintf(secs, sizeof(secs), "(n%zu * 86400 + 86399)", k);
		snprintf(ns, sizeof(ns), "999000000");
	} else {
		snprintf(secs, sizeof(secs), "n%zu", k);
		snprintf(ns, sizeof(ns), "ns%zu", k);
	}
	if (g->o->has_now) {
		int64_t lim_secs = g->o->now_secs - f->max_age_ms / 1000;
		int64_t lim_ns = (int64_t)g->o->now_ns - (f->max_age_ms % 1000) * 1000000;

		if (lim_ns < 0) {
			lim_ns += 1000000000;
			lim_secs--;
		}
		snprintf(a, sizeof(a),
			 "CASE WHEN count(*) FILTER (WHERE ok%zu AND (%s > %lld OR "
			 "(%s = %lld AND %s >= %lld))) = 0 THEN 1 ELSE 0 END",
			 k, secs, (long long)lim_secs, secs, (long long)lim_secs, ns,
			 (long long)lim_ns);
	} else {
		snprintf(div, sizeof(div), g->d->idiv, ns, "1000");
		snprintf(a, sizeof(a),
			 "CASE WHEN count(*) FILTER (WHERE ok%zu AND %s * 1000000 + %s >= "
			 "%s - %lld) = 0 THEN 1 ELSE 0 END",
			 k, secs, div, g->d->now_us, (long long)f->max_age_ms * 1000);
	}
	dv_sql_check(g, dv_rule_id(DV_R_FRESHNESS), col->name, f->severity, a);
}

/*
 * Compiling `drift:` (contract.md "Drift"): the limits per column and the
 * baseline profile, read (util/jdoc via stats/profdoc) when the contract
 * is loaded, relative to the contract file's folder. Every way a baseline
 * cannot serve is a contract error naming the column.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "contract/compile.h"
#include "contract/drift.h"
#include "stats/profdoc.h"
#include "util/alloc.h"

static const char *const drift_keys[] = { "baseline", "columns" };
static const char *const metric_keys[] = { "psi", "ks", "null_fraction_change",
					   "unseen_share", "severity" };
/* Indexes of 0.1, 0.2, ... 0.9 in dv_colstats_rank_keys. */
static const size_t deciles[DV_DRIFT_DECILES] = { 2, 3, 5, 6, 7, 8, 9, 11, 12 };

static int by_column(const void *a, const void *b)
{
	const dv_drift_col *x = a, *y = b;

	return x->column < y->column ? -1 : x->column > y->column;
}

/* The baseline's path: relative to the contract file's folder. */
static char *resolve(struct dv_cc *cc, const char *path)
{
	const char *slash = strrchr(cc->file, '/');

	if (path[0] == '/' || !slash)
		return dv_cc_printf(cc, "%s", path);
	return dv_cc_printf(cc, "%.*s/%s", (int)(slash - cc->file), cc->file,
			    path);
}

static dcval_status limit(struct dv_cc *cc, const dv_ynode *n, const char *key,
			  const char *col, double *out)
{
	char got[DV_CC_GOTBUF];
	bool finite;
	int64_t v;

	if (dv_ynode_is(n, DV_YS_INT) && dv_ycore_int(n->text, n->len, &v) &&
	    v >= 0) {
		*out = (double)v;
		return DCVAL_OK;
	}
	if (dv_ynode_is(n, DV_YS_FLOAT) &&
	    dv_ycore_double(n->text, n->len, out, &finite) && finite && *out >= 0)
		return DCVAL_OK;
	return dv_cc_fail(cc, n,
			  "'%s' of drift column '%s' must be a non-negative number, got %s",
			  key, col, dv_cc_got(got, n));
}

struct sortval {
	const dv_proftop *t;
	double share;
};

static int cmp_str(const void *a, const void *b)
{
	const dv_proftop *x = ((const struct sortval *)a)->t;
	const dv_proftop *y = ((const struct sortval *)b)->t;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = n ? memcmp(x->s, y->s, n) : 0;

	return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

static int cmp_int(const void *a, const void *b)
{
	const dv_proftop *x = ((const struct sortval *)a)->t;
	const dv_proftop *y = ((const struct sortval *)b)->t;

	return x->t.i < y->t.i ? -1 : x->t.i > y->t.i;
}

/* The baseline's value list into d (sorted, with shares). */
static dcval_status value_list(struct dv_cc *cc, const dv_profcol *b,
			       dv_drift_col *d)
{
	dv_arena *a = &cc->c->arena;
	uint64_t total = b->count - b->nulls - b->invalid;
	struct sortval *sv;
	double *share;
	double sum = 0;
	size_t i;

	sv = dv_mallocarray(b->n_top ? b->n_top : 1, sizeof(*sv));
	share = dv_arena_array(a, b->n_top ? b->n_top : 1, sizeof(*share));
	if (!sv || !share) {
		dv_free(sv);
		return dv_cc_nomem(cc);
	}
	for (i = 0; i < b->n_top; i++) {
		sv[i].t = &b->top[i];
		sv[i].share = total ? (double)b->top[i].count / (double)total : 0;
	}
	qsort(sv, b->n_top, sizeof(*sv), d->type == DV_T_STRING ? cmp_str : cmp_int);
	if (d->type == DV_T_STRING) {
		const char **str = dv_arena_array(a, b->n_top ? b->n_top : 1, sizeof(*str));
		size_t *len = dv_arena_array(a, b->n_top ? b->n_top : 1, sizeof(*len));

		if (!str || !len) {
			dv_free(sv);
			return dv_cc_nomem(cc);
		}
		for (i = 0; i < b->n_top; i++) {
			str[i] = dv_arena_strndup(a, sv[i].t->s, sv[i].t->len);
			len[i] = sv[i].t->len;
			if (!str[i]) {
				dv_free(sv);
				return dv_cc_nomem(cc);
			}
		}
		d->str = str;
		d->str_len = len;
	} else {
		int64_t *iv = dv_arena_array(a, b->n_top ? b->n_top : 1, sizeof(*iv));

		if (!iv) {
			dv_free(sv);
			return dv_cc_nomem(cc);
		}
		for (i = 0; i < b->n_top; i++)
			iv[i] = sv[i].t->t.i;
		d->ival = iv;
	}
	for (i = 0; i < b->n_top; i++) {
		share[i] = sv[i].share;
		sum += sv[i].share;
	}
	dv_free(sv);
	d->share = share;
	d->n_values = b->n_top;
	d->other_share = sum < 1 ? 1 - sum : 0;
	return DCVAL_OK;
}

/* What the column's drift needs from its baseline column b. */
static dcval_status from_baseline(struct dv_cc *cc, const dv_ynode *at,
				  const char *base, const dv_column *col,
				  const dv_profcol *b, dv_drift_col *d)
{
	bool ordered = d->type == DV_T_INTEGER || d->type == DV_T_NUMBER ||
		       d->type == DV_T_DATE || d->type == DV_T_DATETIME ||
		       d->type == DV_T_TIME;
	size_t k;

	if (!b)
		return dv_cc_fail(cc, at, "drift baseline '%s' lacks column '%s'",
				  base, col->name);
	if (b->vector || (b->type != d->type &&
			  !(b->type == DV_T_INTEGER && d->type == DV_T_NUMBER)))
		return dv_cc_fail(cc, at,
				  "drift baseline '%s' has column '%s' as %s, the contract as %s",
				  base, col->name, b->type_name, dv_type_name(d->type));
	d->base_null_fraction = b->null_fraction;
	if (d->has[DV_DM_PSI] && ordered) {
		d->ordered_psi = true;
		if (!b->has_quantiles)
			return dv_cc_fail(cc, at,
					  "drift baseline '%s' has no quantiles for column '%s' (psi)",
					  base, col->name);
		for (k = 0; k < DV_DRIFT_DECILES; k++)
			d->cuts[k] = b->q[deciles[k]];
	}
	if ((d->has[DV_DM_PSI] && !ordered) || d->has[DV_DM_UNSEEN]) {
		if (!b->has_top)
			return dv_cc_fail(cc, at,
					  "drift baseline '%s' has no top values for column '%s'",
					  base, col->name);
		if (d->has[DV_DM_UNSEEN] && !b->top_complete)
			return dv_cc_fail(cc, at,
					  "drift baseline '%s' lacks the complete value list of column '%s' (top_complete is false): unseen_share needs it",
					  base, col->name);
		if (value_list(cc, b, d))
			return cc->err->status;
	}
	if (d->has[DV_DM_KS]) {
		char *text;
		size_t len;

		if (!b->stats || !b->stats->kll ||
		    dv_kll_serialize(b->stats->kll, &text, &len) != DV_SKETCH_OK)
			return dv_cc_fail(cc, at,
					  "drift baseline '%s' has no quantile sketch for column '%s' (ks)",
					  base, col->name);
		d->kll = dv_arena_strndup(&cc->c->arena, text, len);
		d->kll_len = len;
		dv_free(text);
		if (!d->kll)
			return dv_cc_nomem(cc);
	}
	return DCVAL_OK;
}

/* The limits of one drift column (its mapping n). */
static dcval_status drift_column(struct dv_cc *cc, const dv_ynode *key,
				 const dv_ynode *n, dv_drift_col *d)
{
	static const struct dv_keytable ks = { metric_keys, 5, 0 };
	const dv_ynode *k[5] = { NULL };
	const dcval_contract *c = cc->c;
	const dv_column *col;
	char what[160], show[DV_CC_SHOWBUF];
	uint32_t found;
	size_t m;
	bool any = false;

	if (strlen(key->text) != key->len ||
	    !dv_strmap_find(&c->names, key->text, key->len, &found))
		return dv_cc_fail(cc, key, "drift names unknown column '%s'",
				  dv_cc_shown(show, key));
	col = &c->columns[found];
	d->column = found;
	d->type = col->type;
	d->severity = DCVAL_SEVERITY_ERROR;
	snprintf(what, sizeof(what), "drift column '%s'", col->name);
	if (dv_cc_want(cc, n, DV_Y_MAP, what) || dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	for (m = 0; m < DV_DM_COUNT; m++) {
		if (!k[m])
			continue;
		if (limit(cc, k[m], metric_keys[m], col->name, &d->limit[m]))
			return DCVAL_ECONTRACT;
		d->has[m] = any = true;
	}
	if (k[4]) {
		snprintf(what, sizeof(what), "'severity' of drift column '%s'",
			 col->name);
		if (dv_cc_severity(cc, k[4], what, &d->severity))
			return DCVAL_ECONTRACT;
	}
	if (!any)
		return dv_cc_fail(cc, n, "drift column '%s' has no metric (psi, ks, null_fraction_change, unseen_share)",
				  col->name);
	if (d->has[DV_DM_PSI] && (col->type == DV_T_ANY || col->type == DV_T_VECTOR))
		return dv_cc_fail(cc, k[DV_DM_PSI], "'psi' does not apply to column '%s' of type %s",
				  col->name, dv_type_name(col->type));
	if (d->has[DV_DM_KS] && (col->type == DV_T_STRING || col->type == DV_T_BOOLEAN ||
				 col->type == DV_T_ANY || col->type == DV_T_VECTOR))
		return dv_cc_fail(cc, k[DV_DM_KS],
				  "'ks' needs an integer, number, date, datetime or time column; '%s' is %s",
				  col->name, dv_type_name(col->type));
	if (d->has[DV_DM_UNSEEN] && col->type != DV_T_STRING &&
	    col->type != DV_T_BOOLEAN && col->type != DV_T_INTEGER &&
	    col->type != DV_T_DATE)
		return dv_cc_fail(cc, k[DV_DM_UNSEEN],
				  "'unseen_share' needs a string, boolean, integer or date column; '%s' is %s",
				  col->name, dv_type_name(col->type));
	return DCVAL_OK;
}

static dcval_status load_baseline(struct dv_cc *cc, const dv_ynode *at,
				  const char *path, dv_profdoc *doc)
{
	char why[256];
	size_t len;
	char *text = dv_profdoc_read_file(path, &len);
	dcval_status st;

	if (!text)
		return dv_cc_fail(cc, at, "drift baseline '%s' cannot be read: %s", path,
				  strerror(errno));
	st = dv_profdoc_parse(text, len, doc, why, sizeof(why));
	dv_free(text);
	if (st == DCVAL_ENOMEM)
		return dv_cc_nomem(cc);
	if (st != DCVAL_OK)
		return dv_cc_fail(cc, at,
				  "drift baseline '%s' is not a dcval profile: %s", path,
				  why);
	return DCVAL_OK;
}

dcval_status dv_cc_drift(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { drift_keys, 2, 0 };
	const dv_ynode *k[2] = { NULL };
	struct dv_drift *dr;
	dv_profdoc doc;
	const dv_ynode *cols;
	dcval_status st = DCVAL_OK;
	size_t i;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'drift'") || dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	if (!k[0])
		return dv_cc_fail(cc, n, "'drift' needs a 'baseline'");
	if (!k[1])
		return dv_cc_fail(cc, n, "'drift' needs 'columns'");
	if (dv_cc_string(cc, k[0], "'baseline' of 'drift'") ||
	    dv_cc_want(cc, k[1], DV_Y_MAP, "'columns' of 'drift'"))
		return DCVAL_ECONTRACT;
	cols = k[1];
	dr = dv_arena_alloc(&cc->c->arena, sizeof(*dr));
	if (!dr)
		return dv_cc_nomem(cc);
	memset(dr, 0, sizeof(*dr));
	dr->cols = dv_arena_array(&cc->c->arena, cols->n ? cols->n : 1,
				  sizeof(*dr->cols));
	dr->baseline = resolve(cc, k[0]->text);
	if (!dr->cols || !dr->baseline)
		return dv_cc_nomem(cc);
	memset(dr->cols, 0, (cols->n ? cols->n : 1) * sizeof(*dr->cols));
	for (i = 0; i < cols->n; i++)
		if (drift_column(cc, cols->pairs[i].key, cols->pairs[i].value,
				 &dr->cols[i]))
			return DCVAL_ECONTRACT;
	dr->n_cols = cols->n;
	if (cc->flags & DV_LOAD_NO_BASELINE) {
		dr->baseline_text = dv_arena_strdup(&cc->c->arena, k[0]->text);
		if (!dr->baseline_text)
			return dv_cc_nomem(cc);
		qsort(dr->cols, dr->n_cols, sizeof(*dr->cols), by_column);
		cc->c->drift = dr;
		return DCVAL_OK;
	}
	if (load_baseline(cc, k[0], dr->baseline, &doc))
		return cc->err->status;
	for (i = 0; i < dr->n_cols && st == DCVAL_OK; i++) {
		const dv_column *col = &cc->c->columns[dr->cols[i].column];

		st = from_baseline(cc, cols->pairs[i].key, dr->baseline, col,
				   dv_profdoc_column(&doc, col->name), &dr->cols[i]);
	}
	dv_profdoc_release(&doc);
	if (st != DCVAL_OK)
		return st;
	/* violations come in contract order */
	qsort(dr->cols, dr->n_cols, sizeof(*dr->cols), by_column);
	cc->c->drift = dr;
	return DCVAL_OK;
}

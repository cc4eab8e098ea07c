/*
 * The dataset checks of a contract (contract.md "Dataset checks" [2]):
 * `dataset.columns` entries (max_null_fraction, min_distinct,
 * max_distinct, min_share, max_share, mean, severity) and
 * `dataset.freshness` (column, max_age, severity), compiled into
 * c->ds_columns and c->freshness (dscheck.h), and their dump.
 *
 * Contract errors: a fraction or share that is not a number in [0, 1],
 * a min_* above its max_*, `mean` on a column that is not integer or
 * number, freshness on a column that is not date or datetime, a name
 * that is not a declared column (with a did-you-mean), unknown keys
 * (with a did-you-mean), a max_age that is not a duration (`0h`
 * included).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "contract/compile.h"
#include "contract/dscheck.h"
#include "contract/suggest.h"
#include "value/duration.h"

enum ds_key {
	DS_MAX_NULL_FRACTION = 0, DS_MIN_DISTINCT, DS_MAX_DISTINCT,
	DS_MIN_SHARE, DS_MAX_SHARE, DS_MEAN, DS_SEVERITY, DS_COUNT
};

static const char *const ds_keys[DS_COUNT] = {
	"max_null_fraction", "min_distinct", "max_distinct", "min_share",
	"max_share", "mean", "severity",
};

enum fresh_key { FK_COLUMN = 0, FK_MAX_AGE, FK_SEVERITY, FK_COUNT };

static const char *const fresh_keys[FK_COUNT] = {
	"column", "max_age", "severity",
};

static const char *const mean_keys[] = { "minimum", "maximum" };


bool dv_dscol_counts_shares(const dv_dscol *d)
{
	return d->min_share.set || d->max_share.set;
}

bool dv_dscol_counts_values(const dv_dscol *d)
{
	return d->min_distinct.set || d->max_distinct.set ||
	       dv_dscol_counts_shares(d);
}

/* Index of the declared column named by scalar n; `what` names the place
 * in messages ("'dataset.columns'"). */
static dcval_status ds_column(struct dv_cc *cc, const dv_ynode *n,
			      const char *what, size_t *out)
{
	const dcval_contract *c = cc->c;
	const char **names;
	char show[DV_CC_SHOWBUF], place[64];
	const char *hint = NULL;
	uint32_t found;
	size_t i;

	snprintf(place, sizeof(place), "a column name in %s", what);
	if (dv_cc_string(cc, n, place))
		return DCVAL_ECONTRACT;
	if (strlen(n->text) == n->len &&
	    dv_strmap_find(&c->names, n->text, n->len, &found)) {
		*out = found;
		return DCVAL_OK;
	}
	names = dv_arena_array(&cc->c->arena, c->n_columns, sizeof(*names));
	if (!names)
		return dv_cc_nomem(cc);
	for (i = 0; i < c->n_columns; i++)
		names[i] = c->columns[i].name;
	if (strlen(n->text) == n->len)
		hint = dv_suggest(n->text, names, c->n_columns);
	dv_cc_shown(show, n);
	if (hint)
		return dv_cc_fail(cc, n,
				  "%s names unknown column '%s' (did you mean '%s'?)",
				  what, show, hint);
	return dv_cc_fail(cc, n, "%s names unknown column '%s'", what, show);
}

/* A limit's text as written, a 0o / 0x integer in decimal. */
static dcval_status ds_arg(struct dv_cc *cc, const dv_ynode *n,
			   dv_dslimit *lim)
{
	char buf[32];

	if (n->type == DV_YS_INT && n->len > 2 && n->text[0] == '0' &&
	    (n->text[1] == 'o' || n->text[1] == 'x')) {
		snprintf(buf, sizeof(buf), "%.17g", lim->value);
		lim->arg = dv_cc_printf(cc, "%s", buf);
	} else {
		lim->arg = dv_cc_strdup(cc, n);
	}
	return lim->arg ? DCVAL_OK : DCVAL_ENOMEM;
}

/* A finite YAML number into lim->value; false when n is none. */
static bool ds_number_value(const dv_ynode *n, dv_dslimit *lim)
{
	bool finite;

	if (!dv_ynode_is(n, DV_YS_INT) && !dv_ynode_is(n, DV_YS_FLOAT))
		return false;
	return dv_ycore_double(n->text, n->len, &lim->value, &finite) &&
	       finite;
}

/* max_null_fraction, min_share, max_share: a number from 0 to 1. */
static dcval_status ds_fraction(struct dv_cc *cc, const dv_ynode *n,
				const char *key, const char *column,
				dv_dslimit *lim)
{
	char got[DV_CC_GOTBUF];

	if (!n)
		return DCVAL_OK;
	if (!ds_number_value(n, lim) || lim->value < 0 || lim->value > 1)
		return dv_cc_fail(cc, n,
				  "'%s' must be a number from 0 to 1 for column '%s', got %s",
				  key, column, dv_cc_got(got, n));
	lim->set = true;
	return ds_arg(cc, n, lim);
}

/* min_distinct, max_distinct: a non-negative integer. */
static dcval_status ds_count(struct dv_cc *cc, const dv_ynode *n,
			     const char *key, const char *column,
			     dv_dslimit *lim)
{
	char where[DV_CC_SHOWBUF + 32];

	if (!n)
		return DCVAL_OK;
	snprintf(where, sizeof(where), " for column '%s'", column);
	if (dv_cc_count(cc, n, key, where, &lim->count))
		return DCVAL_ECONTRACT;
	lim->set = true;
	lim->arg = dv_cc_printf(cc, "%llu", (unsigned long long)lim->count);
	return lim->arg ? DCVAL_OK : DCVAL_ENOMEM;
}

/* One bound of `mean`: any finite number. */
static dcval_status ds_mean_bound(struct dv_cc *cc, const dv_ynode *n,
				  const char *key, const char *column,
				  dv_dslimit *lim)
{
	char got[DV_CC_GOTBUF];

	if (!n)
		return DCVAL_OK;
	if (!ds_number_value(n, lim))
		return dv_cc_fail(cc, n,
				  "'%s' of 'mean' must be a number for column '%s', got %s",
				  key, column, dv_cc_got(got, n));
	lim->set = true;
	return ds_arg(cc, n, lim);
}

/* mean: {minimum, maximum} on an integer or number column. */
static dcval_status ds_mean(struct dv_cc *cc, const dv_ynode *n,
			    const dv_column *col, dv_dscol *d)
{
	static const struct dv_keytable ks = { mean_keys, 2, 0 };
	const dv_ynode *k[2] = { NULL };
	char what[DV_CC_SHOWBUF + 32];

	if (col->type != DV_T_INTEGER && col->type != DV_T_NUMBER)
		return dv_cc_fail(cc, n,
				  "'mean' needs an integer or number column, column '%s' is %s",
				  col->name, dv_type_name(col->type));
	snprintf(what, sizeof(what), "'mean' of column '%s'", col->name);
	if (dv_cc_want(cc, n, DV_Y_MAP, what) || dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	if (!k[0] && !k[1])
		return dv_cc_fail(cc, n, "%s needs 'minimum' or 'maximum'", what);
	if (ds_mean_bound(cc, k[0], "minimum", col->name, &d->mean_min) ||
	    ds_mean_bound(cc, k[1], "maximum", col->name, &d->mean_max))
		return cc->err->status;
	if (k[0] && k[1] && d->mean_min.value > d->mean_max.value)
		return dv_cc_fail(cc, dv_cc_later(k[0], k[1]),
				  "mean minimum %s is greater than maximum %s for column '%s'",
				  d->mean_min.arg, d->mean_max.arg, col->name);
	return DCVAL_OK;
}

/* min above max; `lo` and `hi` are the nodes (either may be NULL). */
static dcval_status ds_order(struct dv_cc *cc, const dv_ynode *lo,
			     const dv_ynode *hi, bool above, const char *what,
			     const dv_dslimit *a, const dv_dslimit *b,
			     const char *column)
{
	if (!lo || !hi || !above)
		return DCVAL_OK;
	return dv_cc_fail(cc, dv_cc_later(lo, hi),
			  "min_%s %s is greater than max_%s %s for column '%s'",
			  what, a->arg, what, b->arg, column);
}

/* One `dataset.columns` entry: key `name`, value `map`. */
static dcval_status ds_entry(struct dv_cc *cc, const dv_ynode *name,
			     const dv_ynode *map, dv_dscol *d)
{
	static const struct dv_keytable ks = { ds_keys, DS_COUNT, 0 };
	const dv_ynode *k[DS_COUNT] = { NULL };
	const dv_column *col;
	char what[DV_CC_SHOWBUF + 48];

	if (ds_column(cc, name, "'dataset.columns'", &d->column))
		return cc->err->status;
	col = &cc->c->columns[d->column];
	d->line = name->line;
	snprintf(what, sizeof(what), "column '%s' in 'dataset.columns'",
		 col->name);
	if (dv_cc_want(cc, map, DV_Y_MAP, what) || dv_cc_keys(cc, map, &ks, k))
		return DCVAL_ECONTRACT;
	snprintf(what, sizeof(what), "'severity' of column '%s' in 'dataset.columns'",
		 col->name);
	if (dv_cc_severity(cc, k[DS_SEVERITY], what, &d->severity) ||
	    ds_fraction(cc, k[DS_MAX_NULL_FRACTION], "max_null_fraction",
			col->name, &d->max_null_fraction) ||
	    ds_count(cc, k[DS_MIN_DISTINCT], "min_distinct", col->name,
		     &d->min_distinct) ||
	    ds_count(cc, k[DS_MAX_DISTINCT], "max_distinct", col->name,
		     &d->max_distinct) ||
	    ds_order(cc, k[DS_MIN_DISTINCT], k[DS_MAX_DISTINCT],
		     d->min_distinct.count > d->max_distinct.count, "distinct",
		     &d->min_distinct, &d->max_distinct, col->name) ||
	    ds_fraction(cc, k[DS_MIN_SHARE], "min_share", col->name,
			&d->min_share) ||
	    ds_fraction(cc, k[DS_MAX_SHARE], "max_share", col->name,
			&d->max_share) ||
	    ds_order(cc, k[DS_MIN_SHARE], k[DS_MAX_SHARE],
		     d->min_share.value > d->max_share.value, "share",
		     &d->min_share, &d->max_share, col->name))
		return cc->err->status;
	if (k[DS_MEAN] && ds_mean(cc, k[DS_MEAN], col, d))
		return cc->err->status;
	return DCVAL_OK;
}

static dcval_status ds_columns(struct dv_cc *cc, const dv_ynode *n)
{
	dcval_contract *c = cc->c;
	dv_dscol *d;
	size_t i;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'columns' in 'dataset'"))
		return DCVAL_ECONTRACT;
	d = dv_arena_array(&c->arena, n->n ? n->n : 1, sizeof(*d));
	if (!d)
		return dv_cc_nomem(cc);
	memset(d, 0, (n->n ? n->n : 1) * sizeof(*d));
	for (i = 0; i < n->n; i++) {
		if (ds_entry(cc, n->pairs[i].key, n->pairs[i].value, &d[i]))
			return cc->err->status;
	}
	c->ds_columns = d;
	c->n_ds_columns = n->n;
	return DCVAL_OK;
}

static dcval_status ds_max_age(struct dv_cc *cc, const dv_ynode *n,
			       dv_dsfresh *f)
{
	char got[DV_CC_GOTBUF];

	if (n->kind != DV_Y_SCALAR || n->type == DV_YS_NULL ||
	    strlen(n->text) != n->len ||
	    !dv_parse_duration(n->text, n->len, &f->max_age_ms))
		return dv_cc_fail(cc, n,
				  "'max_age' must be a duration, a positive integer and a unit ms, s, m, h, d or w (26h, 7d, 90m), got %s",
				  dv_cc_got(got, n));
	f->max_age = dv_cc_strdup(cc, n);
	return f->max_age ? DCVAL_OK : DCVAL_ENOMEM;
}

static dcval_status ds_freshness(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { fresh_keys, FK_COUNT, 0 };
	const dv_ynode *k[FK_COUNT] = { NULL };
	dcval_contract *c = cc->c;
	const dv_column *col;
	dv_dsfresh *f;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'freshness'") ||
	    dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	if (!k[FK_COLUMN])
		return dv_cc_fail(cc, n, "missing required key 'column' in 'freshness'");
	if (!k[FK_MAX_AGE])
		return dv_cc_fail(cc, n, "missing required key 'max_age' in 'freshness'");
	f = dv_arena_alloc(&c->arena, sizeof(*f));
	if (!f)
		return dv_cc_nomem(cc);
	memset(f, 0, sizeof(*f));
	if (ds_column(cc, k[FK_COLUMN], "'freshness'", &f->column))
		return cc->err->status;
	col = &c->columns[f->column];
	if (col->type != DV_T_DATE && col->type != DV_T_DATETIME)
		return dv_cc_fail(cc, k[FK_COLUMN],
				  "'freshness' needs a date or datetime column, column '%s' is %s",
				  col->name, dv_type_name(col->type));
	if (ds_max_age(cc, k[FK_MAX_AGE], f) ||
	    dv_cc_severity(cc, k[FK_SEVERITY], "'severity' of 'freshness'",
			&f->severity))
		return cc->err->status;
	c->freshness = f;
	return DCVAL_OK;
}

dcval_status dv_cc_dataset_checks(struct dv_cc *cc, const dv_ynode *columns,
				  const dv_ynode *freshness)
{
	if (columns && ds_columns(cc, columns))
		return cc->err->status;
	if (freshness && ds_freshness(cc, freshness))
		return cc->err->status;
	return DCVAL_OK;
}

static void dump_limit(FILE *out, const char *key, const dv_dslimit *lim)
{
	if (lim->set)
		fprintf(out, " %s=%s", key, lim->arg);
}

void dv_dscheck_dump(const dcval_contract *c, FILE *out)
{
	size_t i;

	for (i = 0; i < c->n_ds_columns; i++) {
		const dv_dscol *d = &c->ds_columns[i];

		fprintf(out, "  columns %zu severity=%s", d->column,
			dcval_severity_name(d->severity));
		dump_limit(out, "max_null_fraction", &d->max_null_fraction);
		dump_limit(out, "min_distinct", &d->min_distinct);
		dump_limit(out, "max_distinct", &d->max_distinct);
		dump_limit(out, "min_share", &d->min_share);
		dump_limit(out, "max_share", &d->max_share);
		dump_limit(out, "mean_minimum", &d->mean_min);
		dump_limit(out, "mean_maximum", &d->mean_max);
		fputc('\n', out);
	}
	if (c->freshness)
		fprintf(out, "  freshness %zu max_age=%s (%lld ms) severity=%s\n",
			c->freshness->column, c->freshness->max_age,
			(long long)c->freshness->max_age_ms,
			dcval_severity_name(c->freshness->severity));
}

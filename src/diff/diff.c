/*
 * The diff's change list and its entry point: lineage, input, schema,
 * columns (dcolumn.c), rules, dataset and drift, in contract order; then
 * the changes sorted by class, breaking first.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diff/diff.h"
#include "util/alloc.h"
#include "util/error.h"

void dv_diff_init(dv_diff *d)
{
	memset(d, 0, sizeof(*d));
	dv_arena_init(&d->arena);
}

void dv_diff_release(dv_diff *d)
{
	dv_free(d->changes);
	dv_arena_release(&d->arena);
	d->changes = NULL;
	d->n = d->cap = 0;
}

char *dv_diff_printf(dv_diff *d, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = dv_arena_alloc(&d->arena, (size_t)n + 1);
	if (!s) {
		d->status = DCVAL_ENOMEM;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void dv_diff_add(dv_diff *d, const char *path, dv_dclass cls,
		 const char *old_json, const char *new_json,
		 const char *message)
{
	dv_dchange *c;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		dv_dchange *v = dv_reallocarray(d->changes, cap, sizeof(*v));

		if (!v) {
			d->status = DCVAL_ENOMEM;
			return;
		}
		d->changes = v;
		d->cap = cap;
	}
	c = &d->changes[d->n];
	c->path = dv_arena_strdup(&d->arena, path);
	c->old_json = dv_arena_strdup(&d->arena, old_json);
	c->new_json = dv_arena_strdup(&d->arena, new_json);
	c->message = dv_arena_strdup(&d->arena, message);
	c->cls = cls;
	if (!c->path || !c->old_json || !c->new_json || !c->message) {
		d->status = DCVAL_ENOMEM;
		return;
	}
	d->n++;
}

dv_dclass dv_diff_worst(const dv_diff *d)
{
	dv_dclass w = DV_DC_NONE;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->changes[i].cls > w)
			w = d->changes[i].cls;
	return w;
}

/* Free text of the lineage: absent when NULL. */
static dv_dval text_or_none(dv_diff *d, const char *s)
{
	return s ? dv_dval_text(d, s, strlen(s)) : dv_dval_none();
}

static void diff_lineage(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	dv_dval x, y;

	x = text_or_none(d, a->description);
	y = text_or_none(d, b->description);
	dv_diff_key(d, DV_DK_DESCRIPTION, "description", &x, &y);
	x = text_or_none(d, a->owner);
	y = text_or_none(d, b->owner);
	dv_diff_key(d, DV_DK_OWNER, "owner", &x, &y);
	x = text_or_none(d, a->source);
	y = text_or_none(d, b->source);
	dv_diff_key(d, DV_DK_SOURCE, "source", &x, &y);
}

static dv_dval format_val(dv_diff *d, dcval_format f)
{
	return f == DCVAL_FORMAT_AUTO ? dv_dval_none() :
					dv_dval_word(d, dcval_format_name(f));
}

static dv_dval quote_val(dv_diff *d, const dcval_contract *c)
{
	return c->quote_none ? dv_dval_word(d, "null") :
			       dv_dval_text(d, &c->quote, 1);
}

static dv_dval null_values_val(dv_diff *d, const dcval_contract *c)
{
	size_t i, n = c->n_null_values;
	dv_dval *items = dv_arena_array(&d->arena, n ? n : 1, sizeof(*items));

	if (!items) {
		d->status = DCVAL_ENOMEM;
		return dv_dval_none();
	}
	for (i = 0; i < n; i++)
		items[i] = dv_dval_text(d, c->null_values[i],
					strlen(c->null_values[i]));
	return dv_dval_list(d, items, n);
}

/* Whether two null_values lists hold the same tokens (order and repeats
 * do not matter). */
static bool same_tokens(const dcval_contract *a, const dcval_contract *b)
{
	size_t i, j;

	for (i = 0; i < a->n_null_values; i++) {
		for (j = 0; j < b->n_null_values; j++)
			if (!strcmp(a->null_values[i], b->null_values[j]))
				break;
		if (j == b->n_null_values)
			return false;
	}
	for (j = 0; j < b->n_null_values; j++) {
		for (i = 0; i < a->n_null_values; i++)
			if (!strcmp(a->null_values[i], b->null_values[j]))
				break;
		if (i == a->n_null_values)
			return false;
	}
	return true;
}

static void diff_input(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	dv_dval x, y;

	x = format_val(d, a->format);
	y = format_val(d, b->format);
	dv_diff_key(d, DV_DK_INPUT, "input.format", &x, &y);
	/* a delimiter nobody wrote follows the format (tab for tsv): that
	 * change is the format's */
	if (a->delimiter_set || b->delimiter_set) {
		x = dv_dval_text(d, &a->delimiter, 1);
		y = dv_dval_text(d, &b->delimiter, 1);
		dv_diff_key(d, DV_DK_INPUT, "input.delimiter", &x, &y);
	}
	x = quote_val(d, a);
	y = quote_val(d, b);
	dv_diff_key(d, DV_DK_INPUT, "input.quote", &x, &y);
	x = dv_dval_bool(d, a->header);
	y = dv_dval_bool(d, b->header);
	dv_diff_key(d, DV_DK_INPUT, "input.header", &x, &y);
	if (!same_tokens(a, b)) {
		x = null_values_val(d, a);
		y = null_values_val(d, b);
		dv_diff_key(d, DV_DK_INPUT, "input.null_values", &x, &y);
	}
	x = dv_dval_bool(d, a->coerce);
	y = dv_dval_bool(d, b->coerce);
	dv_diff_key(d, DV_DK_INPUT, "input.coerce", &x, &y);
}

static const char *policy_word(dv_policy p)
{
	return p == DV_POLICY_WARN ? "warn" :
	       p == DV_POLICY_IGNORE ? "ignore" : "error";
}

static void diff_schema(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	dv_dval x, y;

	x = dv_dval_word(d, policy_word(a->extra_columns));
	y = dv_dval_word(d, policy_word(b->extra_columns));
	dv_diff_key(d, DV_DK_POLICY, "schema.extra_columns", &x, &y);
	x = dv_dval_word(d, policy_word(a->missing_columns));
	y = dv_dval_word(d, policy_word(b->missing_columns));
	dv_diff_key(d, DV_DK_POLICY, "schema.missing_columns", &x, &y);
	x = dv_dval_word(d, a->column_order_strict ? "strict" : "any");
	y = dv_dval_word(d, b->column_order_strict ? "strict" : "any");
	dv_diff_key(d, DV_DK_COLUMN_ORDER, "schema.column_order", &x, &y);
}

static dv_dval row_limit(dv_diff *d, bool has, uint64_t v)
{
	char buf[32];

	if (!has)
		return dv_dval_none();
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
	return dv_dval_num(d, buf);
}

static dv_dval pk_val(dv_diff *d, const dcval_contract *c)
{
	size_t i, n = c->n_primary_key;
	dv_dval *items;

	if (!c->primary_key)
		return dv_dval_none();
	items = dv_arena_array(&d->arena, n ? n : 1, sizeof(*items));
	if (!items) {
		d->status = DCVAL_ENOMEM;
		return dv_dval_none();
	}
	for (i = 0; i < n; i++)
		items[i] = dv_dval_word(d, c->columns[c->primary_key[i]].name);
	return dv_dval_list(d, items, n);
}

/* Whether both keys name the same columns, in any order. */
static bool pk_same_set(const dcval_contract *a, const dcval_contract *b)
{
	size_t i, j;

	if (!a->primary_key || !b->primary_key ||
	    a->n_primary_key != b->n_primary_key)
		return false;
	for (i = 0; i < a->n_primary_key; i++) {
		const char *name = a->columns[a->primary_key[i]].name;

		for (j = 0; j < b->n_primary_key; j++)
			if (!strcmp(name, b->columns[b->primary_key[j]].name))
				break;
		if (j == b->n_primary_key)
			return false;
	}
	return true;
}

static void diff_dataset(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	dv_dval x, y;

	x = row_limit(d, a->has_row_count_min, a->row_count_min);
	y = row_limit(d, b->has_row_count_min, b->row_count_min);
	dv_diff_key(d, DV_DK_MINIMUM, "dataset.row_count.minimum", &x, &y);
	x = row_limit(d, a->has_row_count_max, a->row_count_max);
	y = row_limit(d, b->has_row_count_max, b->row_count_max);
	dv_diff_key(d, DV_DK_MAXIMUM, "dataset.row_count.maximum", &x, &y);
	x = pk_val(d, a);
	y = pk_val(d, b);
	/* the same columns in another order: the same verdicts, another
	 * `column` text in reports */
	dv_diff_key(d, pk_same_set(a, b) ? DV_DK_DESCRIPTION : DV_DK_PATTERN,
		    "dataset.primary_key", &x, &y);
}

/* Stable sort by class, breaking first (insertion sort: diffs are
 * short). */
static void sort_changes(dv_diff *d)
{
	size_t i, j;

	for (i = 1; i < d->n; i++) {
		dv_dchange c = d->changes[i];

		for (j = i; j > 0 && d->changes[j - 1].cls < c.cls; j--)
			d->changes[j] = d->changes[j - 1];
		d->changes[j] = c;
	}
}

/* Both contracts must carry `version`, and the same name. */
static dcval_status check_sides(const dv_dside *old, const dv_dside *new,
				dcval_error *err)
{
	const dv_dside *s[2] = { old, new };
	const dv_ynode *at;
	int i;

	for (i = 0; i < 2; i++) {
		if (s[i]->c->version)
			continue;
		return dv_error_set(err, DCVAL_ECONTRACT, s[i]->path,
				    s[i]->root->line, s[i]->root->col,
				    "missing required key 'version' (dcval diff compares versions)");
	}
	if (!strcmp(old->c->name, new->c->name))
		return DCVAL_OK;
	at = dv_ytree_get(new->root, "contract");
	return dv_error_set(err, DCVAL_ECONTRACT, new->path,
			    at ? at->line : 0, at ? at->col : 0,
			    "contract '%s' is not contract '%s' of %s: not the same contract",
			    new->c->name, old->c->name, old->path);
}

dcval_status dv_diff_run(dv_diff *d, const dv_dside *old,
			 const dv_dside *new, dcval_error *err)
{
	dcval_status st;

	dcval_error_clear(err);
	st = check_sides(old, new, err);
	if (st != DCVAL_OK)
		return st;
	d->old = old;
	d->new = new;
	diff_lineage(d);
	diff_input(d);
	diff_schema(d);
	dv_diff_columns(d);
	dv_dseam_rules(d);
	diff_dataset(d);
	dv_dseam_dataset_columns(d);
	dv_dseam_freshness(d);
	dv_dseam_drift(d);
	d->old = d->new = NULL;
	if (d->status != DCVAL_OK)
		return dv_error_set(err, d->status, "", 0, 0, "out of memory");
	sort_changes(d);
	return DCVAL_OK;
}

/*
 * Seams: sections whose compiled form is being built on other branches
 * (rules: branch `rules`; dataset.columns and dataset.freshness: branch
 * `dataset`; drift: branch `profile`; the vector keys dimension, finite
 * and norm: branch `checks`) are compared here from each contract's typed
 * YAML tree: scalars typed by the core schema (numbers by their exact
 * value, durations in milliseconds), defaults applied (severity error,
 * finite true). The contract has been compiled first, so the tree is
 * known to be valid. One function per section: once the compiled struct
 * holds a section, its function reads the struct instead and nothing
 * else changes (the classification stays in dkind.c's table).
 *
 * Rule expressions are compared token by token (white space between
 * tokens does not count; `name` and a plain name are one token), a
 * stand-in for comparing the compiled expressions.
 */
#include <stdio.h>
#include <string.h>

#include "diff/diff.h"
#include "util/buf.h"
#include "value/duration.h"

const dv_ynode *dv_dseam_column_map(const dv_ynode *root, const char *name)
{
	const dv_ynode *cols = root ? dv_ytree_get(root, "columns") : NULL;
	size_t i;

	if (!cols || cols->kind != DV_Y_SEQ)
		return NULL;
	for (i = 0; i < cols->n; i++) {
		const dv_ynode *n = cols->items[i]->kind == DV_Y_MAP ?
			dv_ytree_get(cols->items[i], "name") : NULL;

		if (n && n->kind == DV_Y_SCALAR && !strcmp(n->text, name))
			return cols->items[i];
	}
	return NULL;
}

/* The mapping at root.k1[.k2], or NULL. */
static const dv_ynode *get_map(const dv_ynode *m, const char *k1,
			       const char *k2)
{
	const dv_ynode *n = m && m->kind == DV_Y_MAP ? dv_ytree_get(m, k1) : NULL;

	if (n && k2)
		n = n->kind == DV_Y_MAP ? dv_ytree_get(n, k2) : NULL;
	return n && n->kind == DV_Y_MAP ? n : NULL;
}

/* Value of key `k` in map m (absent when m is NULL). */
static dv_dval yval(dv_diff *d, const dv_ynode *m, const char *k)
{
	return dv_dval_yaml(d, m ? dv_ytree_get(m, k) : NULL);
}

/* severity of m: error unless it says warn. */
static dv_dval severity_val(dv_diff *d, const dv_ynode *m)
{
	const dv_ynode *n = m ? dv_ytree_get(m, "severity") : NULL;

	return dv_dval_word(d, n && n->kind == DV_Y_SCALAR && !strcmp(n->text, "warn") ? "warn" : "error");
}

/* A duration (`26h`) ordered by its milliseconds. */
static dv_dval duration_val(dv_diff *d, const dv_ynode *n)
{
	dv_dval v;
	int64_t ms;

	if (!n || n->kind != DV_Y_SCALAR || dv_ynode_is_null(n))
		return dv_dval_none();
	if (!dv_parse_duration(n->text, n->len, &ms))
		return dv_dval_text(d, n->text, n->len);
	v = dv_dval_int(d, ms);
	v.show = dv_diff_printf(d, "%s", n->text);
	v.json = dv_diff_jstr(d, n->text, n->len);
	if (!v.show || !v.json)
		return dv_dval_none();
	return v;
}

/* One limit key of two entries at pre.key. */
static void limit(dv_diff *d, const char *pre, const char *key, dv_dkey kind,
		  const dv_ynode *a, const dv_ynode *b)
{
	dv_dval x = yval(d, a, key), y = yval(d, b, key);
	char *p = dv_diff_printf(d, "%s.%s", pre, key);

	if (p)
		dv_diff_key(d, kind, p, &x, &y);
}

static void severity(dv_diff *d, const char *pre, const dv_ynode *a,
		     const dv_ynode *b)
{
	dv_dval x, y;
	char *p;

	if (!a || !b)
		return; /* an entry added or removed: its checks say it */
	x = severity_val(d, a);
	y = severity_val(d, b);
	if ((p = dv_diff_printf(d, "%s.severity", pre)))
		dv_diff_key(d, DV_DK_SEVERITY, p, &x, &y);
}

/* Entries of a name -> mapping section, NEW's order, then OLD's
 * entries that NEW lacks. fn compares one pair (either may be NULL). */
static void each_entry(dv_diff *d, const dv_ynode *a, const dv_ynode *b,
		       const char *pre,
		       void (*fn)(dv_diff *, const char *, const dv_ynode *,
				  const dv_ynode *))
{
	size_t i;
	char *p;

	for (i = 0; b && i < b->n; i++) {
		const dv_ynode *k = b->pairs[i].key;

		if ((p = dv_diff_printf(d, "%s.%s", pre, k->text)))
			fn(d, p, a ? get_map(a, k->text, NULL) : NULL,
			   get_map(b, k->text, NULL));
	}
	for (i = 0; a && i < a->n; i++) {
		const dv_ynode *k = a->pairs[i].key;

		if (b && dv_ytree_get(b, k->text))
			continue;
		if ((p = dv_diff_printf(d, "%s.%s", pre, k->text)))
			fn(d, p, get_map(a, k->text, NULL), NULL);
	}
}

/* ---- dataset.columns ---- */

static void dataset_entry(dv_diff *d, const char *pre, const dv_ynode *a,
			  const dv_ynode *b)
{
	const dv_ynode *ma = a ? get_map(a, "mean", NULL) : NULL;
	const dv_ynode *mb = b ? get_map(b, "mean", NULL) : NULL;
	char *p = dv_diff_printf(d, "%s.mean", pre);

	limit(d, pre, "max_null_fraction", DV_DK_MAXIMUM, a, b);
	limit(d, pre, "min_distinct", DV_DK_MINIMUM, a, b);
	limit(d, pre, "max_distinct", DV_DK_MAXIMUM, a, b);
	limit(d, pre, "min_share", DV_DK_MINIMUM, a, b);
	limit(d, pre, "max_share", DV_DK_MAXIMUM, a, b);
	if (p) {
		limit(d, p, "minimum", DV_DK_MINIMUM, ma, mb);
		limit(d, p, "maximum", DV_DK_MAXIMUM, ma, mb);
	}
	severity(d, pre, a, b);
}

void dv_dseam_dataset_columns(dv_diff *d)
{
	each_entry(d, get_map(d->old->root, "dataset", "columns"),
		   get_map(d->new->root, "dataset", "columns"),
		   "dataset.columns", dataset_entry);
}

/* ---- dataset.freshness ---- */

/* The whole check as one value: "event_ts within 26h". */
static dv_dval freshness_val(dv_diff *d, const dv_ynode *m)
{
	const dv_ynode *c = m ? dv_ytree_get(m, "column") : NULL;
	const dv_ynode *a = m ? dv_ytree_get(m, "max_age") : NULL;
	dv_dval v = dv_dval_none();

	if (!m)
		return v;
	v.k = DV_DV_TEXT;
	v.show = dv_diff_printf(d, "%s within %s", c ? c->text : "?",
				a ? a->text : "?");
	v.json = dv_diff_printf(d, "{\"column\": %s, \"max_age\": %s}",
				dv_diff_jstr(d, c ? c->text : "", c ? c->len : 0),
				dv_diff_jstr(d, a ? a->text : "", a ? a->len : 0));
	if (!v.show || !v.json)
		return dv_dval_none();
	return v;
}

void dv_dseam_freshness(dv_diff *d)
{
	const dv_ynode *a = get_map(d->old->root, "dataset", "freshness");
	const dv_ynode *b = get_map(d->new->root, "dataset", "freshness");
	dv_dval x, y;

	if (!a || !b) {
		x = freshness_val(d, a);
		y = freshness_val(d, b);
		dv_diff_key(d, DV_DK_PATTERN, "dataset.freshness", &x, &y);
		return;
	}
	/* another column: another check */
	limit(d, "dataset.freshness", "column", DV_DK_PATTERN, a, b);
	x = duration_val(d, dv_ytree_get(a, "max_age"));
	y = duration_val(d, dv_ytree_get(b, "max_age"));
	dv_diff_key(d, DV_DK_MAXIMUM, "dataset.freshness.max_age", &x, &y);
	severity(d, "dataset.freshness", a, b);
}

/* ---- drift ---- */

static void drift_entry(dv_diff *d, const char *pre, const dv_ynode *a,
			const dv_ynode *b)
{
	limit(d, pre, "psi", DV_DK_MAXIMUM, a, b);
	limit(d, pre, "ks", DV_DK_MAXIMUM, a, b);
	limit(d, pre, "null_fraction_change", DV_DK_MAXIMUM, a, b);
	limit(d, pre, "unseen_share", DV_DK_MAXIMUM, a, b);
	severity(d, pre, a, b);
}

void dv_dseam_drift(dv_diff *d)
{
	const dv_ynode *a = get_map(d->old->root, "drift", NULL);
	const dv_ynode *b = get_map(d->new->root, "drift", NULL);
	dv_dval x, y;

	if (!a && !b)
		return;
	if (!a || !b) {
		/* the whole section: every limit comes or goes with it */
		x = a ? yval(d, a, "baseline") : dv_dval_none();
		y = b ? yval(d, b, "baseline") : dv_dval_none();
		dv_diff_key(d, DV_DK_PATTERN, "drift", &x, &y);
		return;
	}
	/* a baseline's path is compared as text; the file is not read */
	limit(d, "drift", "baseline", DV_DK_SYNTAX, a, b);
	each_entry(d, get_map(a, "columns", NULL), get_map(b, "columns", NULL),
		   "drift.columns", drift_entry);
}

/* ---- the vector keys of a column ---- */

void dv_dseam_vector(dv_diff *d, const char *name)
{
	const dv_ynode *a = dv_dseam_column_map(d->old->root, name);
	const dv_ynode *b = dv_dseam_column_map(d->new->root, name);
	const dv_ynode *fa = a ? dv_ytree_get(a, "finite") : NULL;
	const dv_ynode *fb = b ? dv_ytree_get(b, "finite") : NULL;
	char *pre = dv_diff_printf(d, "columns.%s", name), *p;
	dv_dval x, y;

	if (!pre)
		return;
	limit(d, pre, "dimension", DV_DK_PATTERN, a, b);
	x = dv_dval_bool(d, !fa || fa->type != DV_YS_BOOL ||
				    dv_dval_yaml(d, fa).on);
	y = dv_dval_bool(d, !fb || fb->type != DV_YS_BOOL ||
				    dv_dval_yaml(d, fb).on);
	if ((p = dv_diff_printf(d, "%s.finite", pre)))
		dv_diff_key(d, DV_DK_FLAG, p, &x, &y);
	if ((p = dv_diff_printf(d, "%s.norm", pre))) {
		limit(d, p, "minimum", DV_DK_MINIMUM,
		      a ? get_map(a, "norm", NULL) : NULL,
		      b ? get_map(b, "norm", NULL) : NULL);
		limit(d, p, "maximum", DV_DK_MAXIMUM,
		      a ? get_map(a, "norm", NULL) : NULL,
		      b ? get_map(b, "norm", NULL) : NULL);
	}
}

/* ---- rules ---- */

/* The expression's tokens joined by one space: white space between
 * tokens does not count, `name` in backquotes is the plain name when it
 * is one. */
static const char *expr_norm(dv_diff *d, const dv_ynode *n)
{
	const char *s, *end, *t;
	char *out = NULL;
	dv_buf b;

	if (!n || n->kind != DV_Y_SCALAR || dv_ynode_is_null(n))
		return "";
	s = n->text;
	end = s + n->len;
	dv_buf_init(&b, 1u << 24);
	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		if (b.len)
			dv_buf_putc(&b, ' ');
		t = s;
		if (*s == '"' || *s == '`') {
			for (s++; s < end && *s != *t; s++)
				if (*s == '\\' && *t == '"' && s + 1 < end)
					s++;
			s += s < end;
			if (*t == '`' && s - t > 2 && strspn(t + 1,
			    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789.")
			    == (size_t)(s - t - 2)) {
				dv_buf_append(&b, t + 1, (size_t)(s - t - 2));
				continue;
			}
		} else if (strchr("()[],+-*/", *s)) {
			s++;
		} else if (strchr("<>=!", *s)) {
			s += 1 + (s + 1 < end && s[1] == '=');
		} else {
			while (s < end && !strchr(" \t\r\n\"`()[],+-*/<>=!", *s))
				s++;
		}
		dv_buf_append(&b, t, (size_t)(s - t));
	}
	if (dv_buf_putc(&b, '\0') == DCVAL_OK)
		out = dv_arena_strdup(&d->arena, b.data);
	dv_buf_release(&b);
	if (!out)
		d->status = DCVAL_ENOMEM;
	return out ? out : "";
}

/* check or when of two rules: any change breaks. */
static void rule_expr(dv_diff *d, const char *pre, const char *key,
		      const dv_ynode *a, const dv_ynode *b)
{
	const dv_ynode *ea = dv_ytree_get(a, key), *eb = dv_ytree_get(b, key);
	dv_dval x, y;
	char *p;

	if (!strcmp(expr_norm(d, ea), expr_norm(d, eb)))
		return;
	x = dv_dval_yaml(d, ea);
	y = dv_dval_yaml(d, eb);
	if ((p = dv_diff_printf(d, "%s.%s", pre, key)))
		dv_diff_key(d, DV_DK_SYNTAX, p, &x, &y);
}

/* The rule named `name` in a rules sequence, or NULL. */
static const dv_ynode *rule_by_name(const dv_ynode *seq, const char *name)
{
	size_t i;

	for (i = 0; seq && i < seq->n; i++) {
		const dv_ynode *n = seq->items[i]->kind == DV_Y_MAP ?
			dv_ytree_get(seq->items[i], "name") : NULL;

		if (n && n->kind == DV_Y_SCALAR && !strcmp(n->text, name))
			return seq->items[i];
	}
	return NULL;
}

static void rule_added_or_removed(dv_diff *d, const char *path,
				  const dv_ynode *r, bool added)
{
	dv_dval v = yval(d, r, "check");
	const char *msg = dv_diff_printf(d, "%s: %s (check %s)", path,
					 added ? "added" : "removed", v.show);

	if (msg)
		dv_diff_add(d, path, added ? DV_DC_BREAKING : DV_DC_RELAXING,
			    added ? "null" : v.json, added ? v.json : "null",
			    msg);
}

static void rule_pair(dv_diff *d, const char *pre, const dv_ynode *a,
		      const dv_ynode *b)
{
	dv_dval x, y;
	char *p;

	rule_expr(d, pre, "check", a, b);
	rule_expr(d, pre, "when", a, b);
	severity(d, pre, a, b);
	x = yval(d, a, "description");
	y = yval(d, b, "description");
	if ((p = dv_diff_printf(d, "%s.description", pre)))
		dv_diff_key(d, DV_DK_DESCRIPTION, p, &x, &y);
}

void dv_dseam_rules(dv_diff *d)
{
	const dv_ynode *a = dv_ytree_get(d->old->root, "rules");
	const dv_ynode *b = dv_ytree_get(d->new->root, "rules");
	const dv_ynode *n, *o;
	size_t i;
	char *p;

	if (a && a->kind != DV_Y_SEQ)
		a = NULL;
	if (b && b->kind != DV_Y_SEQ)
		b = NULL;
	for (i = 0; b && i < b->n; i++) {
		n = b->items[i]->kind == DV_Y_MAP ?
			dv_ytree_get(b->items[i], "name") : NULL;
		if (!n || n->kind != DV_Y_SCALAR ||
		    !(p = dv_diff_printf(d, "rules.%s", n->text)))
			continue;
		o = rule_by_name(a, n->text);
		if (o)
			rule_pair(d, p, o, b->items[i]);
		else
			rule_added_or_removed(d, p, b->items[i], true);
	}
	for (i = 0; a && i < a->n; i++) {
		n = a->items[i]->kind == DV_Y_MAP ?
			dv_ytree_get(a->items[i], "name") : NULL;
		if (!n || n->kind != DV_Y_SCALAR || rule_by_name(b, n->text) ||
		    !(p = dv_diff_printf(d, "rules.%s", n->text)))
			continue;
		rule_added_or_removed(d, p, a->items[i], false);
	}
}

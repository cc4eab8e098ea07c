/*
 * The aggregate tables of the reports (report_impl.h): violations
 * counted per key (path, rule, column, severity) in first-seen order,
 * with an open-addressing hash index on the key.
 */
#include <string.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"
#include "util/alloc.h"

static bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* FNV-1a over one string of the key, NULL distinct from "". */
static uint32_t hash_str(uint32_t h, const char *s)
{
	if (!s)
		return (h ^ 0xffu) * 16777619u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h ^ 0x1fu) * 16777619u; /* end of this string */
}

static uint32_t hash_key(const char *path, const dcval_violation *v)
{
	uint32_t h = 2166136261u;

	h = hash_str(h, path);
	h = hash_str(h, v->rule);
	h = hash_str(h, v->column);
	return (h ^ (uint32_t)v->severity) * 16777619u;
}

static bool agg_matches(const dv_report_agg *a, uint32_t h, const char *path,
			const dcval_violation *v)
{
	return a->hash == h && a->severity == v->severity &&
	       str_eq(a->path, path) && str_eq(a->rule, v->rule) &&
	       str_eq(a->column, v->column);
}

/* Rebuild the hash index with twice the slots. */
static dcval_status aggs_rehash(dv_report_aggs *t)
{
	size_t n = t->nslots ? 2 * t->nslots : 64;
	uint32_t *slots = dv_calloc(n, sizeof(*slots));
	size_t i, j;

	if (!slots)
		return DCVAL_ENOMEM;
	for (i = 0; i < t->n; i++) {
		j = t->items[i]->hash & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	dv_free(t->slots);
	t->slots = slots;
	t->nslots = n;
	return DCVAL_OK;
}

/* Copy s into *p (advancing it); NULL stays NULL. */
static const char *keep_str(char **p, const char *s)
{
	char *d = *p;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(d, s, n);
	*p += n;
	return d;
}

static dv_report_agg *agg_new(uint32_t h, const char *path,
			      const dcval_violation *v)
{
	size_t lp = path ? strlen(path) + 1 : 0;
	size_t lr = strlen(v->rule) + 1;
	size_t lc = v->column ? strlen(v->column) + 1 : 0;
	dv_report_agg *a;
	char *p;

	a = dv_malloc(sizeof(*a) + lp + lr + lc);
	if (!a)
		return NULL;
	memset(a, 0, sizeof(*a));
	p = a->keys;
	a->path = keep_str(&p, path);
	a->rule = keep_str(&p, v->rule);
	a->column = keep_str(&p, v->column);
	a->severity = v->severity;
	a->hash = h;
	return a;
}

static dcval_status aggs_append(dv_report_aggs *t, dv_report_agg *a)
{
	dv_report_agg **items;
	size_t n;

	if (t->n == t->alloc) {
		n = t->alloc ? 2 * t->alloc : 16;
		items = dv_reallocarray(t->items, n, sizeof(*items));
		if (!items)
			return DCVAL_ENOMEM;
		t->items = items;
		t->alloc = n;
	}
	a->index = t->n;
	t->items[t->n++] = a;
	return DCVAL_OK;
}

dv_report_agg *dv_report_aggs_get(dv_report_aggs *t, const char *path,
				  const dcval_violation *v, dcval_status *st)
{
	uint32_t h = hash_key(path, v);
	dv_report_agg *a;
	size_t j;

	if (2 * (t->n + 1) > t->nslots && (*st = aggs_rehash(t)) != DCVAL_OK)
		return NULL;
	for (j = h & (t->nslots - 1); t->slots[j]; j = (j + 1) & (t->nslots - 1)) {
		a = t->items[t->slots[j] - 1];
		if (agg_matches(a, h, path, v))
			return a;
	}
	if (t->n >= DV_REPORT_MAX_AGGS) {
		*st = DCVAL_ELIMIT;
		return NULL;
	}
	a = agg_new(h, path, v);
	if (!a || aggs_append(t, a) != DCVAL_OK) {
		dv_free(a);
		*st = DCVAL_ENOMEM;
		return NULL;
	}
	t->slots[j] = (uint32_t)t->n;
	return a;
}

void dv_report_aggs_release(dv_report_aggs *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		dv_free(t->items[i]);
	dv_free(t->items);
	dv_free(t->slots);
	memset(t, 0, sizeof(*t));
}

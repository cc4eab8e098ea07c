/*
 * The part of a report common to every format: life cycle, counting, the
 * listing cap and the aggregation of violations per rule and column
 * (see report_impl.h). The formats only write.
 */
#include <inttypes.h>
#include <string.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/esc.h"

static const dv_report_ops *const formats[] = {
	[DCVAL_REPORT_TEXT] = &dv_report_text_ops,
	[DCVAL_REPORT_JSON] = &dv_report_json_ops,
	[DCVAL_REPORT_JSONL] = &dv_report_jsonl_ops,
	[DCVAL_REPORT_JUNIT] = &dv_report_junit_ops,
	[DCVAL_REPORT_GITHUB] = &dv_report_github_ops,
	[DCVAL_REPORT_SARIF] = &dv_report_sarif_ops,
};

#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))

bool dcval_report_format_parse(const char *name, dcval_report_format *out)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++) {
		if (strcmp(name, formats[i]->name) == 0) {
			*out = (dcval_report_format)i;
			return true;
		}
	}
	return false;
}

const char *dcval_report_format_name(dcval_report_format format)
{
	return (unsigned)format < N_FORMATS ? formats[format]->name : NULL;
}

/* ---- aggregates ---- */

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
	t->items[t->n++] = a;
	return DCVAL_OK;
}

/*
 * The aggregate of v's key in t (path NULL for the run table), created
 * in first-seen order when new. NULL with *st set on failure.
 */
static dv_report_agg *aggs_get(dv_report_aggs *t, const char *path,
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

static void aggs_release(dv_report_aggs *t)
{
	size_t i;
	unsigned k;

	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->items[i]->n_samples; k++)
			dv_free(t->items[i]->samples[k]);
		dv_free(t->items[i]);
	}
	dv_free(t->items);
	dv_free(t->slots);
	memset(t, 0, sizeof(*t));
}

/*
 * Count v's display value among the examples of a: an equal example
 * counts one more, a new one is kept while there is room.
 */
static void agg_example(dv_report_agg *a, const dcval_violation *v)
{
	char show[DV_REPORT_SHOW_RAW];
	dv_report_example *e;
	size_t n;
	unsigned i;

	if (!v->value)
		return;
	if (v->redacted) {
		a->redacted = true;
		return;
	}
	n = dcval_violation_value(v, false, show, sizeof(show));
	for (i = 0; i < a->n_examples; i++) {
		e = &a->examples[i];
		if (e->len == n && memcmp(e->text, show, n) == 0) {
			e->count++;
			return;
		}
	}
	if (a->n_examples == DV_REPORT_EXAMPLES) {
		a->more = true;
		return;
	}
	e = &a->examples[a->n_examples++];
	memcpy(e->text, show, n + 1);
	e->len = n;
	e->count = 1;
}

/* Keep "LOCATION: MESSAGE" of v while a has fewer than five. */
static dcval_status agg_sample(dcval_report *r, dv_report_agg *a,
			       const dcval_violation *v)
{
	dcval_status st;

	if (a->n_samples == DV_REPORT_EXAMPLES)
		return DCVAL_OK;
	st = dv_report_location(v, &r->line);
	if (st == DCVAL_OK)
		st = dv_report_message(v, &r->msg);
	if (st == DCVAL_OK)
		st = dv_buf_printf(&r->line, "%s%s", r->line.len ? ": " : "",
				   r->msg.data);
	if (st != DCVAL_OK)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	a->samples[a->n_samples] = dv_strndup(r->line.data, r->line.len);
	if (!a->samples[a->n_samples])
		return DCVAL_ENOMEM;
	a->n_samples++;
	return DCVAL_OK;
}

static dcval_status aggregate(dcval_report *r, const dcval_violation *v)
{
	dcval_status st = DCVAL_OK;
	dv_report_agg *a;

	/* past DV_REPORT_MAX_AGGS distinct keys the summary lists no new
	 * ones; the run and its counts go on (a 100k-column header) */
	a = aggs_get(&r->rules, NULL, v, &st);
	if (!a)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	a->count++;
	agg_example(a, v);
	if (!r->ops->by_input)
		return DCVAL_OK;
	a = aggs_get(&r->by_input, v->path, v, &st);
	if (!a)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	a->count++;
	return agg_sample(r, a, v);
}

/* ---- life cycle ---- */

dcval_report *dcval_report_new(const dcval_report_opts *opts, FILE *out,
			       dcval_error *err)
{
	dcval_report *r;

	if ((unsigned)opts->format >= N_FORMATS || !out) {
		dv_error_set(err, DCVAL_EUSAGE, NULL, 0, 0, "unknown report format");
		return NULL;
	}
	r = dv_calloc(1, sizeof(*r));
	if (!r) {
		dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	r->ops = formats[opts->format];
	r->out = out;
	r->max_violations = opts->max_violations;
	r->spool_dir = opts->spool_dir;
	dv_buf_init(&r->msg, DV_REPORT_MESSAGE_MAX + 1);
	dv_buf_init(&r->line, 2 * DV_REPORT_MESSAGE_MAX);
	return r;
}

void dcval_report_free(dcval_report *r)
{
	if (!r)
		return;
	if (r->ops->release)
		r->ops->release(r);
	aggs_release(&r->rules);
	aggs_release(&r->by_input);
	dv_buf_release(&r->msg);
	dv_buf_release(&r->line);
	if (r->spill)
		fclose(r->spill);
	dv_free(r);
}

int dcval_report_spool_errno(const dcval_report *r)
{
	return r ? r->spool_errno : 0;
}

/* ---- running ---- */

dcval_status dcval_report_violation(void *report, const dcval_violation *v)
{
	dcval_report *r = report;
	dcval_status st;

	if (r->failed != DCVAL_OK)
		return r->failed;
	if (!v->rule)
		return DCVAL_EUSAGE;
	r->seen++;
	st = aggregate(r, v);
	if (st == DCVAL_OK && r->listed < r->max_violations && r->ops->violation) {
		r->listed++;
		st = r->ops->violation(r, v);
	}
	if (st == DCVAL_EIO)
		r->failed = st;
	return st;
}

dcval_status dv_report_finish_summary(dcval_report *r, const dv_report_run *run)
{
	dcval_status st;

	if (r->failed != DCVAL_OK)
		return r->failed;
	st = r->ops->finish(r, run);
	if (st == DCVAL_OK && fflush(r->out) != 0)
		st = DCVAL_EIO;
	if (st == DCVAL_OK)
		st = dv_report_check(r->out);
	if (st == DCVAL_EIO)
		r->failed = st;
	return st;
}

/* ---- helpers of the formats ---- */

dcval_status dv_report_check(FILE *out)
{
	return ferror(out) ? DCVAL_EIO : DCVAL_OK;
}

bool dv_report_truncated(const dcval_report *r)
{
	return r->seen > r->listed;
}

dcval_status dv_report_append_shown(dv_buf *b, const char *s)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t len = strlen(s), i = 0, used, m;
	dcval_status st = dv_buf_append(b, "", 0);

	while (st == DCVAL_OK && i < len) {
		m = dv_esc_char(s + i, len - i, 0, tmp, &used);
		st = dv_buf_append(b, tmp, m);
		i += used;
	}
	return st;
}

dcval_status dv_report_location(const dcval_violation *v, dv_buf *b)
{
	dcval_status st;

	dv_buf_reset(b);
	st = dv_report_append_shown(b, v->path ? v->path : "");
	if (st != DCVAL_OK || v->line == 0)
		return st;
	if (v->field == 0)
		return dv_buf_printf(b, ":%" PRIu64, v->line);
	return dv_buf_printf(b, ":%" PRIu64 ":%" PRIu32, v->line, v->field);
}

const char *dv_report_plural(uint64_t n, const char *one, char *buf, size_t cap)
{
	snprintf(buf, cap, "%" PRIu64 " %s%s", n, one, n == 1 ? "" : "s");
	return buf;
}

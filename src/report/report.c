/*
 * The part of a report common to every format: the table of formats,
 * life cycle, counting, the listing cap and the aggregation of
 * violations per rule and column (see report_impl.h). What one format
 * keeps for itself is its own state, behind its ops.
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

/*
 * Count v in the run table. *kept is false when the table is full
 * (DV_REPORT_MAX_AGGS distinct keys): the summary lists no new keys
 * past it, while the run and its counts go on (a 100k-column header).
 */
static dcval_status aggregate(dcval_report *r, const dcval_violation *v,
			      bool *kept)
{
	dcval_status st = DCVAL_OK;
	dv_report_agg *a;

	a = dv_report_aggs_get(&r->rules, NULL, v, &st);
	*kept = a != NULL;
	if (!a)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	a->count++;
	agg_example(a, v);
	return DCVAL_OK;
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
	dv_buf_init(&r->msg, DV_REPORT_MESSAGE_MAX + 1);
	dv_buf_init(&r->line, 2 * DV_REPORT_MESSAGE_MAX);
	if (r->ops->start && r->ops->start(r, opts) != DCVAL_OK) {
		dcval_report_free(r);
		dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	return r;
}

void dcval_report_free(dcval_report *r)
{
	if (!r)
		return;
	if (r->ops->release)
		r->ops->release(r);
	dv_report_aggs_release(&r->rules);
	dv_buf_release(&r->msg);
	dv_buf_release(&r->line);
	dv_free(r);
}

int dcval_report_spool_errno(const dcval_report *r)
{
	return r && r->ops->spool_errno ? r->ops->spool_errno(r) : 0;
}

/* ---- running ---- */

dcval_status dcval_report_violation(void *report, const dcval_violation *v)
{
	dcval_report *r = report;
	dcval_status st;
	bool kept;

	if (r->failed != DCVAL_OK)
		return r->failed;
	if (!v->rule)
		return DCVAL_EUSAGE;
	r->seen++;
	st = aggregate(r, v, &kept);
	if (st == DCVAL_OK && kept && r->ops->tally)
		st = r->ops->tally(r, v);
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

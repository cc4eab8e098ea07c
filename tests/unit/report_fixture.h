/*
 * Fixtures and helpers shared by the report unit tests: sample
 * violations and run summaries, and running a report into memory.
 */
#ifndef DV_TESTS_REPORT_FIXTURE_H
#define DV_TESTS_REPORT_FIXTURE_H

#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"

/* ---- fixtures ---- */

static const dcval_violation v_amount = {
	.path = "events.csv", .format = DCVAL_FORMAT_CSV, .record = 41,
	.line = 42, .field = 5, .column = "amount", .rule = "type",
	.severity = DCVAL_SEVERITY_ERROR, .value = "12,5", .value_len = 4,
	.detail = "is not a number",
};

static const dcval_violation v_share = {
	.path = "events.csv", .format = DCVAL_FORMAT_CSV, .record = 96,
	.line = 97, .field = 2, .column = "event_type", .rule = "enum",
	.severity = DCVAL_SEVERITY_ERROR, .value = "share", .value_len = 5,
	.detail = "is not one of click, view, purchase, signup, logout",
};

static const dcval_input_info one_input[] = {
	{ .path = "events.csv", .format = DCVAL_FORMAT_CSV, .bytes = 1048576,
	  .counts = { .records = 10000, .invalid_records = 2, .errors = 2 } },
};

static const dv_report_run run_events = {
	.contract_name = "events",
	.contract_version = "1.4.0",
	.contract_sha256 = "ab12",
	.inputs = one_input,
	.n_inputs = 1,
	.counts = { .records = 10000, .invalid_records = 2, .errors = 2 },
};

/* A csv violation of `column`/`rule` with value s (NULL: none). */
static dcval_violation viol(const char *column, const char *rule,
			    const char *s, uint64_t line)
{
	dcval_violation v = {
		.path = "events.csv", .format = DCVAL_FORMAT_CSV,
		.record = line ? line - 1 : 0, .line = line, .field = line ? 3 : 0,
		.column = column, .rule = rule,
		.severity = DCVAL_SEVERITY_ERROR, .value = s,
		.value_len = s ? strlen(s) : 0, .detail = "is bad",
	};
	return v;
}

/* ---- running a report into memory ---- */

typedef struct capture {
	char *buf;
	size_t len;
	FILE *f;
	dcval_report *r;
} capture;

static void cap_open(capture *c, dcval_report_format fmt, uint64_t max)
{
	dcval_report_opts o = { .format = fmt, .max_violations = max };
	dcval_error err;

	dcval_error_clear(&err);
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	c->r = dcval_report_new(&o, c->f, &err);
	assert_non_null(c->r);
	assert_int_equal(err.status, DCVAL_OK);
}

static void cap_feed(capture *c, const dcval_violation *vs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(dcval_report_violation(c->r, &vs[i]), DCVAL_OK);
}

/* Finish with run, close; returns the output (free() it). */
static char *cap_finish(capture *c, const dv_report_run *run)
{
	assert_int_equal(dv_report_finish_summary(c->r, run), DCVAL_OK);
	dcval_report_free(c->r);
	assert_int_equal(fclose(c->f), 0);
	return c->buf;
}

static char *render(dcval_report_format fmt, uint64_t max,
		    const dcval_violation *vs, size_t n, const dv_report_run *run)
{
	capture c;

	cap_open(&c, fmt, max);
	cap_feed(&c, vs, n);
	return cap_finish(&c, run);
}

static void assert_render(dcval_report_format fmt, uint64_t max,
			  const dcval_violation *vs, size_t n,
			  const dv_report_run *run, const char *expected)
{
	char *out = render(fmt, max, vs, n, run);

	assert_string_equal(out, expected);
	free(out);
}

#endif

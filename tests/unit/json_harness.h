/*
 * Wrappers of the harness shared by the JSON Lines and JSON array tests:
 * define DV_TEST_JSON_FORMAT (DCVAL_FORMAT_JSONL or DCVAL_FORMAT_JSON)
 * before including this header once.
 */
#ifndef DV_TESTS_JSON_HARNESS_H
#define DV_TESTS_JSON_HARNESS_H

#include "harness.h"

/* Validate inputs in[0..n) in the file's format; with `quarantine` the
 * outputs are captured in r. max_line: 0 default. */
static void run_many(const char *yaml, const struct input *in, size_t n,
		     bool quarantine, size_t max_line, struct run *r)
{
	struct run_cfg cfg = { .format = DV_TEST_JSON_FORMAT,
				.quarantine = quarantine,
				.max_line = max_line };

	run_inputs(yaml, in, n, &cfg, r);
}

static void run_len(const char *yaml, const char *data, size_t len,
		    struct run *r)
{
	struct input in = { data, len };

	run_many(yaml, &in, 1, false, 0, r);
}

static void run1(const char *yaml, const char *data, struct run *r)
{
	run_len(yaml, data, strlen(data), r);
}

/* Expect violation i: rule, line and column ("" for none); JSON
 * violations have no field position. */
static void expect(const struct run *r, size_t i, const char *rule,
		   uint64_t line, const char *column)
{
	assert_true(i < r->n);
	assert_string_equal(r->v[i].rule, rule);
	assert_int_equal(r->v[i].line, line);
	assert_string_equal(r->v[i].column, column);
	assert_int_equal(r->v[i].field, 0);
}

#endif

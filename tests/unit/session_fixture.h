/*
 * Shared by the session unit tests (test_session.c, test_session_alloc.c,
 * test_session_threads.c): a violation digest "RULE:RECORD:LINE:COLUMN"
 * ("-" when no column), space-separated, built by the callback.
 */
#ifndef DV_TESTS_SESSION_FIXTURE_H
#define DV_TESTS_SESSION_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "dcval/dcval.h"

struct digest {
	char text[2048];
	size_t len;
	unsigned n;
};

static inline dcval_status digest_cb(void *ud, const dcval_violation *v)
{
	struct digest *d = ud;
	int k;

	if (d->len >= sizeof(d->text) - 1)
		return DCVAL_OK;
	k = snprintf(d->text + d->len, sizeof(d->text) - d->len, "%s%s:%llu:%llu:%s",
		     d->len ? " " : "", v->rule, (unsigned long long)v->record,
		     (unsigned long long)v->line, v->column ? v->column : "-");
	if (k > 0)
		d->len += (size_t)k < sizeof(d->text) - d->len
				  ? (size_t)k
				  : sizeof(d->text) - d->len - 1;
	d->n++;
	return DCVAL_OK;
}

static inline void digest_reset(struct digest *d)
{
	d->text[0] = '\0';
	d->len = 0;
	d->n = 0;
}

/* A JSON contract of three columns: an id (unique), a type, a score. */
static const char session_contract[] =
	"contract: s\n"
	"columns:\n"
	"  - name: id\n"
	"    type: integer\n"
	"    required: true\n"
	"    unique: true\n"
	"  - name: kind\n"
	"    type: string\n"
	"    enum: [a, b]\n"
	"  - name: score\n"
	"    type: number\n"
	"    minimum: 0\n"
	"    maximum: 1\n"
	"  - name: code\n"
	"    type: string\n"
	"    pattern: '^[A-Z]{2}[0-9]+$'\n";

#endif

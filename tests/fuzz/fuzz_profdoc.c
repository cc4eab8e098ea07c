/*
 * Fuzz target: profile documents read back (src/stats/profdoc.c), as a
 * drift baseline or a `profile --merge` input would hand them over.
 *
 * Invariants: no crash or sanitizer report; a refusal says why; an
 * accepted document writes back (src/profile/write.c), the written text
 * is accepted again with the same columns and counts, and the document
 * merges with itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile/profile.h"
#include "stats/profdoc.h"

#include "fuzz_assert.h"

static char *write_back(const dv_profdoc *d, size_t *len)
{
	dv_profile_col *cols = calloc(d->n_columns + 1, sizeof(*cols));
	dv_profile_head h;
	char *buf = NULL;
	FILE *f;
	size_t i;

	FUZZ_ASSERT(cols);
	f = open_memstream(&buf, len);
	FUZZ_ASSERT(f);
	memset(&h, 0, sizeof(h));
	h.has_contract = d->has_contract;
	h.c_name = d->c_name;
	h.c_version = d->c_version;
	h.c_sha = d->c_sha;
	h.inputs = d->inputs;
	h.n_inputs = d->n_inputs;
	h.records = d->records;
	for (i = 0; i < d->n_columns; i++) {
		cols[i].name = d->columns[i].name;
		cols[i].type_name = d->columns[i].type_name;
		cols[i].s = d->columns[i].stats;
	}
	FUZZ_ASSERT(dv_profile_write(f, &h, cols, d->n_columns) == DCVAL_OK);
	fclose(f);
	free(cols);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dv_profdoc d[2], again;
	char why[256], *text;
	const char *names[2] = { "a", "b" };
	size_t len, i;
	dcval_status st;
	FILE *sink;
	char *sbuf = NULL;
	size_t slen = 0;

	st = dv_profdoc_parse((const char *)data, size, &d[0], why, sizeof(why));
	if (st != DCVAL_OK) {
		FUZZ_ASSERT(st == DCVAL_EUSAGE || st == DCVAL_ENOMEM);
		FUZZ_ASSERT(st == DCVAL_ENOMEM || why[0] != '\0');
		dv_profdoc_release(&d[0]);
		return 0;
	}
	text = write_back(&d[0], &len);
	FUZZ_ASSERT(dv_profdoc_parse(text, len, &again, why, sizeof(why)) == DCVAL_OK);
	FUZZ_ASSERT(again.n_columns == d[0].n_columns);
	for (i = 0; i < again.n_columns; i++) {
		FUZZ_ASSERT(again.columns[i].count == d[0].columns[i].count);
		FUZZ_ASSERT(again.columns[i].nulls == d[0].columns[i].nulls);
	}
	st = dv_profdoc_parse(text, len, &d[1], why, sizeof(why));
	FUZZ_ASSERT(st == DCVAL_OK);
	sink = open_memstream(&sbuf, &slen);
	FUZZ_ASSERT(sink);
	st = dv_profile_merge(sink, d, names, 2, why, sizeof(why));
	FUZZ_ASSERT(st == DCVAL_OK || st == DCVAL_EUSAGE || st == DCVAL_ENOMEM);
	fclose(sink);
	free(sbuf);
	free(text);
	dv_profdoc_release(&again);
	dv_profdoc_release(&d[0]);
	dv_profdoc_release(&d[1]);
	return 0;
}

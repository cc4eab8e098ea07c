/*
 * Shared helpers of the fuzz targets (tests/fuzz/fuzz_*.c): run bytes
 * through one validator with quarantine to memory streams, and check the
 * invariants every run must keep, whatever the input:
 *
 *  - every violation passes the callback once: seen == errors + warnings;
 *  - invalid_records <= records, invalid_records <= errors, and the
 *    per-input counts add up to the totals;
 *  - the records an error was reported on are exactly invalid_records;
 *  - the status is OK (or ENOMEM/EIO never happens on memory streams).
 *
 * Each target adds its format's "nothing lost" check on the quarantine
 * outputs. A violated invariant calls abort(), which both libFuzzer and
 * the replay driver (tests/fuzz/replay.c) report as a failure.
 *
 * Static functions in a header: each target is one translation unit.
 */
#ifndef DV_TESTS_FUZZ_COMMON_H
#define DV_TESTS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dcval/dcval.h"

#include "fuzz_assert.h"

/* Most distinct invalid record numbers tracked exactly. */
#define FUZZ_MAX_TRACK 4096

/* What one run saw. */
struct fuzz_run {
	uint64_t seen;          /* violations through the callback */
	uint64_t seen_err;      /* error-severity ones */
	uint64_t last_bad;      /* last record number with an error */
	bool stopped;           /* a malformed input (no record): reading ended */
	uint64_t n_bad;         /* distinct records with an error */
	uint64_t bad[FUZZ_MAX_TRACK]; /* their numbers, ascending */
	char *valid;            /* quarantine outputs */
	size_t valid_len;
	char *invalid;
	size_t invalid_len;
	dcval_counts counts;
	dcval_status st;
	dcval_status fin;
	size_t n_inputs;
};

static inline dcval_status fuzz_on_violation(void *ud, const dcval_violation *v)
{
	struct fuzz_run *r = ud;
	char buf[256];

	r->seen++;
	/* the display helpers must cope with any value */
	dcval_violation_value(v, true, buf, sizeof(buf));
	dcval_violation_message(v, buf, sizeof(buf));
	FUZZ_ASSERT(v->rule && v->detail && v->path);
	if (v->value)
		FUZZ_ASSERT(v->value_len < SIZE_MAX);
	if (v->severity != DCVAL_SEVERITY_ERROR)
		return DCVAL_OK;
	r->seen_err++;
	if (v->record == 0) {
		/* an unusable input; a csv header whose quoting went wrong
		 * (field > 0) is read on */
		if (!strcmp(v->rule, "malformed") && v->field == 0)
			r->stopped = true;
		return DCVAL_OK;
	}
	/* violations come in record order: a record's errors are adjacent,
	 * except dataset checks that may come later for an earlier record */
	if (v->record != r->last_bad) {
		uint64_t i;
		bool dup = false;

		for (i = 0; i < r->n_bad && i < FUZZ_MAX_TRACK; i++)
			if (r->bad[i] == v->record)
				dup = true;
		if (!dup) {
			if (r->n_bad < FUZZ_MAX_TRACK)
				r->bad[r->n_bad] = v->record;
			r->n_bad++;
		}
		r->last_bad = v->record;
	}
	return DCVAL_OK;
}

/* Is record number k one an error was reported on? */
static inline bool fuzz_is_bad(const struct fuzz_run *r, uint64_t k)
{
	uint64_t i;

	for (i = 0; i < r->n_bad && i < FUZZ_MAX_TRACK; i++)
		if (r->bad[i] == k)
			return true;
	return false;
}

/*
 * Whether data starts with a gzip or zstd magic number: the library then
 * decompresses it (src/read/decomp.c), so the format targets' byte
 * invariants do not apply; fuzz_decomp covers such inputs.
 */
static inline bool fuzz_compressed(const uint8_t *data, size_t size)
{
	return (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) ||
	       (size >= 4 && data[0] == 0x28 && data[1] == 0xb5 &&
		data[2] == 0x2f && data[3] == 0xfd);
}

static inline dcval_contract *fuzz_contract(const char *yaml)
{
	dcval_error err;
	dcval_contract *c;

	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("fuzz.yaml", yaml, strlen(yaml), &err);
	if (!c) {
		fprintf(stderr, "fuzz contract: %lu:%lu: %s\n", err.line,
			err.col, err.text);
		abort();
	}
	return c;
}

/*
 * Validate data[0..size) as `format` against contract c, with quarantine
 * to memory when `quarantine` is set, and check the common invariants.
 * r is filled; free its outputs with fuzz_run_free().
 */
static inline void fuzz_validate(const dcval_contract *c, dcval_format format,
			  const uint8_t *data, size_t size, size_t max_field,
			  size_t max_line, bool quarantine, unsigned flags,
			  struct fuzz_run *r)
{
	dcval_validate_opts o;
	dcval_validator *v;
	dcval_error err;
	const dcval_input_info *in;
	FILE *vf = NULL, *inf = NULL, *src;
	dcval_counts sum;
	size_t i;

	memset(r, 0, sizeof(*r));
	memset(&o, 0, sizeof(o));
	o.format = format;
	o.flags = flags;
	o.on_violation = fuzz_on_violation;
	o.ud = r;
	o.max_field_bytes = max_field;
	o.max_line_bytes = max_line;
	if (quarantine) {
		vf = open_memstream(&r->valid, &r->valid_len);
		inf = open_memstream(&r->invalid, &r->invalid_len);
		FUZZ_ASSERT(vf && inf);
		o.valid_out = vf;
		o.invalid_out = inf;
	}
	dcval_error_clear(&err);
	v = dcval_validator_new(c, &o, &err);
	FUZZ_ASSERT(v);
	/* fmemopen refuses size 0: an empty input is /dev/null's bytes */
	src = size ? fmemopen((void *)data, size, "rb") : fopen("/dev/null", "rb");
	FUZZ_ASSERT(src);
	r->st = dcval_validator_run(v, "fuzz", src, &err);
	fclose(src);
	FUZZ_ASSERT(r->st == DCVAL_OK || r->st == DCVAL_STOP);
	r->fin = DCVAL_OK;
	if (r->st == DCVAL_OK)
		r->fin = dcval_validator_finish(v);
	FUZZ_ASSERT(r->fin == DCVAL_OK || r->fin == DCVAL_STOP);
	r->counts = *dcval_validator_counts(v);

	/* counts */
	FUZZ_ASSERT(r->seen == r->counts.errors + r->counts.warnings);
	FUZZ_ASSERT(r->seen_err == r->counts.errors);
	FUZZ_ASSERT(r->counts.invalid_records <= r->counts.records);
	FUZZ_ASSERT(r->counts.invalid_records <= r->counts.errors);
	FUZZ_ASSERT(r->n_bad == r->counts.invalid_records);
	in = dcval_validator_inputs(v, &r->n_inputs);
	FUZZ_ASSERT(r->n_inputs == 1);
	memset(&sum, 0, sizeof(sum));
	for (i = 0; i < r->n_inputs; i++) {
		sum.records += in[i].counts.records;
		sum.invalid_records += in[i].counts.invalid_records;
		sum.errors += in[i].counts.errors;
		sum.warnings += in[i].counts.warnings;
		FUZZ_ASSERT(in[i].bytes <= size);
		FUZZ_ASSERT(in[i].status == DCVAL_OK);
	}
	FUZZ_ASSERT(sum.records == r->counts.records);
	FUZZ_ASSERT(sum.invalid_records == r->counts.invalid_records);
	FUZZ_ASSERT(sum.errors == r->counts.errors);
	FUZZ_ASSERT(sum.warnings == r->counts.warnings);
	if (r->st == DCVAL_OK && !(flags & DCVAL_VALIDATE_FAIL_FAST))
		FUZZ_ASSERT(in[0].bytes == size);
	dcval_validator_free(v);
	if (vf) {
		FUZZ_ASSERT(fclose(vf) == 0);
		FUZZ_ASSERT(fclose(inf) == 0);
	}
}

static inline void fuzz_run_free(struct fuzz_run *r)
{
	free(r->valid);
	free(r->invalid);
	r->valid = r->invalid = NULL;
}

/* Records in `out` (a quarantine output) read back with dcval itself. */
static inline uint64_t fuzz_reread(const dcval_contract *c, dcval_format format,
			    const char *out, size_t len, size_t max_field,
			    size_t max_line)
{
	struct fuzz_run r;

	fuzz_validate(c, format, (const uint8_t *)out, len, max_field, max_line,
		      false, 0, &r);
	fuzz_run_free(&r);
	return r.counts.records;
}

/* 3 when data starts with a UTF-8 byte order mark. */
static inline size_t fuzz_bom(const uint8_t *data, size_t size)
{
	return size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

#endif

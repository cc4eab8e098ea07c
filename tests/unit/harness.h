/*
 * The shared harness of the reader and engine unit tests: validate
 * in-memory inputs against a contract written as a YAML string, record
 * every violation, capture the quarantine outputs and the counts.
 *
 *   struct run r = RUN_INIT;
 *   run_inputs(yaml, in, n, &cfg, &r);   // frees what r held before
 *   ... assertions on r.v[i], r.counts, r.digest, r.valid ...
 *   run_free(&r);
 */
#ifndef DV_TESTS_HARNESS_H
#define DV_TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"

/* One recorded violation. */
struct viol {
	char rule[24];
	char column[64];     /* "" when the violation has no column */
	bool has_column;
	char value[513];     /* first 512 bytes, NUL-terminated */
	size_t value_len;    /* the whole value's length */
	bool has_value;
	bool redacted;
	char detail[200];
	uint64_t record;
	uint64_t line;
	uint32_t field;
	dcval_severity severity;
};

/* What one run saw. */
struct run {
	struct viol *v;      /* every violation, in order */
	size_t n;
	size_t alloc;
	dcval_counts counts;
	dcval_status st;     /* of the last dcval_validator_run */
	dcval_status fin;    /* of dcval_validator_finish (run when st is OK) */
	char *valid;         /* quarantine outputs, NUL-terminated, when asked for */
	size_t valid_len;
	char *invalid;
	size_t invalid_len;
	char digest[4096];   /* "RULE:RECORD:LINE:FIELD:COLUMN ..." ("-": no column) */
};

#define RUN_INIT { .v = NULL }

/* One input in memory. */
struct input {
	const char *data;
	size_t len;
};

/* How to run; a zeroed cfg means csv, defaults, no quarantine. */
struct run_cfg {
	dcval_format format;  /* AUTO: csv */
	size_t max_field;     /* 0: default */
	size_t max_line;      /* 0: default */
	bool quarantine;      /* capture valid_out / invalid_out */
	unsigned flags;       /* enum dcval_validate_flags */
};

/* Validate in[0..n) in order with one validator, stopping at the first
 * status that is not DCVAL_OK; then finish. cfg may be NULL. */
void run_inputs(const char *yaml, const struct input *in, size_t n,
		const struct run_cfg *cfg, struct run *r);

/* Free what r holds; r is RUN_INIT again. */
void run_free(struct run *r);

void expect_counts(const struct run *r, uint64_t records, uint64_t invalid,
		   uint64_t errors, uint64_t warnings);

#endif

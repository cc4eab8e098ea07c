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

/* ---- tables of cases ----
 *
 * A case is a contract, input bytes, how to run them and what must come
 * out: the violations as a digest (rule, record, line, field, column of
 * each, in order), more about some of them (value, detail, severity,
 * redaction), the counts, the quarantine outputs. run_table() makes one
 * cmocka test per case; a csv case whose bytes hold no quote or tab and
 * whose contract sets no input options is run as tsv too (every ','
 * becomes a tab, in the input and the quarantine outputs), and must give
 * the same.
 */

struct CMUnitTest;

/* Yes, no, or not checked. */
enum tri { T_ANY = 0, T_NO, T_YES };

/* What is checked of violation i beyond its digest entry. */
struct want {
	size_t i;            /* violation index */
	const char *value;   /* its value's bytes; NULL: not checked */
	size_t value_len;    /* of value; 0: strlen(value) */
	enum tri has_value;  /* T_NO: the violation has no value */
	enum tri redacted;
	enum tri warn;       /* T_YES: warn severity, T_NO: error */
	const char *detail;  /* NULL: not checked */
};

#define CASE_INPUTS 4
#define CASE_WANTS 8

struct tcase {
	const char *name;
	const char *contract;               /* YAML */
	const char *input[CASE_INPUTS];     /* run in order, up to a NULL */
	size_t len;                         /* bytes of input[0]; 0: strlen */
	struct run_cfg cfg;                 /* format (csv), caps, quarantine, flags */
	dcval_status st;                    /* expected run status (DCVAL_OK) */
	const char *digest;                 /* expected digest; "" for none,
					       NULL: not checked */
	bool check_counts;                  /* compare counts */
	dcval_counts counts;
	struct want want[CASE_WANTS];       /* up to the first all-zero entry */
	const char *valid;                  /* quarantine outputs, with cfg.quarantine */
	const char *invalid;
	bool csv_only;                      /* not run as tsv */
};

/* Counts of a case: records, invalid records, errors, warnings. */
#define COUNTS(rec, inv, err, warn) \
	.check_counts = true, \
	.counts = { .records = (rec), .invalid_records = (inv), \
		    .errors = (err), .warnings = (warn) }

/* input[0] as bytes that may hold NUL: a string literal. */
#define BYTES(s) .input = { s }, .len = sizeof(s) - 1

/* Value of violation i, a string literal (may hold NUL). */
#define VAL(idx, s) { .i = (idx), .value = (s), .value_len = sizeof(s) - 1 }

/* Run one case (a cmocka test; *state is the struct tcase). */
void run_case(void **state);

/* Run case c on in[0..n) instead of its own inputs (built at run time). */
void run_case_with(const struct tcase *c, const struct input *in, size_t n);

/*
 * Run cases[0..n) and the plain tests extra[0..n_extra) as one cmocka
 * group named `group`; returns what cmocka_run_group_tests returns.
 */
int run_table(const char *group, const struct tcase *cases, size_t n,
	      const struct CMUnitTest *extra, size_t n_extra);

#endif

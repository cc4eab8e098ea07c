/*
 * dcval infer: a draft contract from sample data (spec cli.md "infer").
 *
 * Inputs are read without a contract (read/scan.h); each column's values
 * feed a candidate-type state machine (icol.h); the result is YAML text
 * that `dcval lint` accepts and that the inputs read satisfy. The library
 * prints nothing: records that no contract can accept (malformed, invalid
 * UTF-8, a ragged row) go to the caller's `bad` callback and are left
 * out; the caller decides what to say.
 */
#ifndef DV_INFER_INFER_H
#define DV_INFER_INFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "dcval/contract.h"
#include "util/buf.h"

/* Most columns declared; keys past it are left undeclared (and the
 * contract then ignores extra columns). Keeps memory flat when JSON
 * records carry ever-new keys. */
#define DV_INFER_MAX_COLUMNS 10000

typedef struct dv_infer_opts {
	dcval_format format;   /* AUTO: per input, as validate chooses */
	const char *name;      /* contract name; NULL: from the first input's */
	uint64_t records;      /* read at most this many records in all; 0: all */
	unsigned enum_max;     /* --enum-max (default 10) */
	bool bounds;           /* --bounds */
	/* A record no contract accepts (record 0: the input as a whole),
	 * or NULL. Borrowed strings, valid during the call. */
	void (*bad)(void *ctx, const char *path, uint64_t record,
		    uint64_t line, uint64_t col, const char *detail);
	void *bad_ctx;
} dv_infer_opts;

typedef struct dv_infer dv_infer;

/* New inference (opts copied; strings borrowed for its life). NULL when
 * out of memory. Free with dv_infer_free(). */
dv_infer *dv_infer_new(const dv_infer_opts *opts);
void dv_infer_free(dv_infer *inf);

/*
 * Read one input (path for messages and the format choice, "-" standard
 * input). Returns DCVAL_OK; DCVAL_EIO when it cannot be read (err names
 * it); DCVAL_ENOMEM. Once opts.records records are read, further inputs
 * are not read.
 */
dcval_status dv_infer_input(dv_infer *inf, const char *path, FILE *in,
			    dcval_error *err);

/* Records taken so far, and records left out as unreadable. */
uint64_t dv_infer_records(const dv_infer *inf);
uint64_t dv_infer_bad_records(const dv_infer *inf);

/* The contract as YAML text, appended to out. DCVAL_OK or DCVAL_ENOMEM. */
dcval_status dv_infer_yaml(dv_infer *inf, dv_buf *out);

/*
 * For `dcval profile` without -c: infer a contract from the n files named
 * in paths ("-": standard input) read as `format` (AUTO: as validate
 * chooses), and compile it. Unreadable records are left out silently.
 * Returns the contract (free with dcval_contract_free()), or NULL with
 * err set (DCVAL_EIO: an input cannot be read; DCVAL_ENOMEM).
 */
dcval_contract *dv_infer_contract(const char *const *paths, size_t n,
				  dcval_format format, dcval_error *err);

#endif

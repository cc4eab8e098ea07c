/*
 * `dcval profile` documents (cli.md "profile"): written from column
 * statistics (stats/colstats.h), merged from shards' documents.
 */
#ifndef DV_PROFILE_PROFILE_H
#define DV_PROFILE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "stats/colstats.h"
#include "stats/profdoc.h"

/* One column to write. */
typedef struct dv_profile_col {
	const char *name;
	const char *type_name;      /* "integer", ... */
	const dv_colstats *s;
} dv_profile_col;

/* The document's head. */
typedef struct dv_profile_head {
	bool has_contract;
	const char *c_name, *c_version, *c_sha; /* c_version may be NULL */
	const dv_profinput *inputs;
	size_t n_inputs;
	uint64_t records;
} dv_profile_head;

/* Write the JSON document (one line ends it). DCVAL_EIO on a write
 * error, DCVAL_ENOMEM. */
dcval_status dv_profile_write(FILE *out, const dv_profile_head *h,
			      const dv_profile_col *cols, size_t n);

/*
 * Merge the documents docs[0..n) (n >= 1) into one written to out.
 * DCVAL_EUSAGE with `why` naming the difference (columns, types,
 * profile_version, contract sha256) when they do not describe shards of
 * the same data.
 */
dcval_status dv_profile_merge(FILE *out, dv_profdoc *docs,
			      const char *const *names, size_t n, char *why,
			      size_t why_len);

/*
 * The contract that `dcval profile` without -c runs: every column's type,
 * null tokens and nested names inferred as `dcval infer` does (cli.md).
 * Seam for the infer branch (#18): until it is connected this returns
 * NULL with err set (DCVAL_EUSAGE, "profile without -c needs infer").
 */
dcval_contract *dv_profile_infer_contract(const char *const *inputs,
					  size_t n_inputs, dcval_format format,
					  dcval_error *err);

#endif

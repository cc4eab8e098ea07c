/*
 * dv_profdoc: a `dcval profile` document read back (cli.md "profile"),
 * for `profile --merge` and for drift baselines (contract.md "Drift").
 * Parsed with the project's strict JSON parser (util/jdoc.h); every
 * column's statistics are rebuilt from its `sketch` object and its exact
 * fields (dv_colstats_rebuild), and the fields drift reads are kept as
 * the document shows them: null_fraction, quantiles, top, top_complete.
 */
#ifndef DV_STATS_PROFDOC_H
#define DV_STATS_PROFDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "stats/colstats.h"

#define DV_PROFILE_VERSION 1

typedef struct dv_proftop {
	dv_typed t;        /* non-string types */
	char *s;           /* string / boolean / any: the key bytes (owned) */
	size_t len;
	uint64_t count;
} dv_proftop;

typedef struct dv_profcol {
	char *name;               /* owned */
	char *type_name;          /* as written: "integer", "vector" ... */
	dv_type type;
	bool vector;
	uint64_t count, nulls, invalid;
	double null_fraction;
	bool has_quantiles;       /* the 15 quantiles, numeric domain */
	double q[DV_COLSTATS_NQ];
	bool has_top;             /* `top` is a list */
	bool top_complete;
	dv_proftop *top;          /* n_top entries */
	size_t n_top;
	uint32_t top_n;           /* the --top N the profile was made with */
	dv_colstats *stats;       /* rebuilt from the sketch */
} dv_profcol;

typedef struct dv_profinput {
	char *path, *format;      /* owned; format may be NULL */
	uint64_t bytes, records;
	bool has_bytes;
} dv_profinput;

typedef struct dv_profdoc {
	int64_t version;
	bool has_contract;
	char *c_name, *c_version, *c_sha; /* owned, c_version may be NULL */
	dv_profinput *inputs;
	size_t n_inputs;
	uint64_t records;
	dv_profcol *columns;
	size_t n_columns;
} dv_profdoc;

/*
 * Parse text[0..len) into *doc (release with dv_profdoc_release(), also
 * after a failure). DCVAL_EUSAGE with why (a lowercase phrase: "not JSON
 * at byte 12", "column \"amount\": sketch does not decode") when the text
 * is not a profile document this build reads; DCVAL_ENOMEM.
 */
dcval_status dv_profdoc_parse(const char *text, size_t len, dv_profdoc *doc,
			      char *why, size_t why_len);
void dv_profdoc_release(dv_profdoc *doc);

/* The column named name, or NULL. */
const dv_profcol *dv_profdoc_column(const dv_profdoc *doc, const char *name);

/* Read a whole file into a new buffer (dv_free()); errno on failure. */
char *dv_profdoc_read_file(const char *path, size_t *len);

#endif

/*
 * The measurements behind the dataset checks (contract.md "Dataset
 * checks" [2]; the compiled checks are contract/dscheck.h): per
 * `dataset.columns` entry the records, nulls, typed values, their mean
 * and, for distinct and share checks, an exact count of every distinct
 * value; for `freshness` the newest value. Fed once per record after its
 * column checks, reported once after the last input (after row_count):
 * entries in contract order (max_null_fraction, min_distinct,
 * max_distinct, min_share, max_share, mean; shares in order of the
 * value's first occurrence), then freshness.
 *
 * Memory is constant but for the value counts, which grow with the
 * number of distinct values (an indexed dv_keyset, plus per value a
 * count, and for share checks the first occurrence's text, at most 81
 * bytes of it: enough for a report to cut it as it cuts every value).
 */
#ifndef DV_ENGINE_DSSTATS_H
#define DV_ENGINE_DSSTATS_H

#include "dcval/dcval.h"
#include "dcval/validator.h"

#include <stdbool.h>
#include <stdint.h>

#include "stats/xsum.h"
#include "value/keyset.h"
#include "value/types.h"
#include "util/buf.h"

/* Bytes of a first occurrence's text kept: one more than a report shows,
 * so that a longer value is still cut (with its "...") as reports cut. */
#define DV_DS_TEXT_KEEP (DCVAL_VALUE_SHOW_MAX + 1)

/* A slot of an entry's memo (dsstats.c): a short key that is in the
 * entry's value set, as two words and its length + 1 (0: an
 * empty slot), and its index in a share entry's set. Equal keys give
 * equal words; the words with the length tell keys apart. */
typedef struct dv_dsmemo_slot {
	uint64_t w[2];
	uint32_t len1;
	uint32_t ix;
} dv_dsmemo_slot;

/* The measurements of one `dataset.columns` entry. */
typedef struct dv_dsentry {
	uint64_t records;    /* records of inputs that have the column */
	uint64_t nulls;      /* of them, null or absent */
	uint64_t values;     /* non-null values that passed the type check */
	dv_xsum sum;         /* their exact sum (mean checks): merges exactly */
	dv_keyset *set;      /* distinct values by typed key (distinct, share), or NULL */
	bool counts_shares;  /* `set` is indexed: a count per value (share checks) */
	uint64_t *counts;    /* share: count per value index */
	uint64_t *text_off;  /* share: first occurrence's text in `texts` */
	uint32_t *text_len;  /* share: its length (at most DV_DS_TEXT_KEEP) */
	size_t alloc;        /* entries allocated in the three arrays */
	dv_buf texts;        /* share: texts of first occurrences */
	dv_dsmemo_slot *memo; /* short keys already in `set`, or NULL */
	uint32_t memo_n;     /* keys in the memo */
} dv_dsentry;

typedef struct dv_dsstats {
	dv_dsentry *entries;   /* one per c->ds_columns entry */
	size_t n_entries;
	bool *present;         /* per contract column: some input has it */
	bool fresh_seen;       /* freshness: a typed value was seen */
	int64_t fresh_secs;    /* the newest instant (a date at its day's end) */
	int32_t fresh_ns;
	char fresh_text[DV_DS_TEXT_KEEP]; /* its first occurrence's text */
	size_t fresh_len;
} dv_dsstats;

struct dcval_validator;

/* Room for value index ix in a share entry's per-value arrays (counts,
 * first-occurrence texts), doubling. DCVAL_OK or DCVAL_ENOMEM. */
dcval_status dv_dsentry_reserve(dv_dsentry *en, uint64_t ix);

/* New state for the validator's contract (NULL when it has no dataset
 * checks): *out set, DCVAL_OK or DCVAL_ENOMEM. */
dcval_status dv_dsstats_new(const struct dcval_validator *e, dv_dsstats **out);
void dv_dsstats_free(dv_dsstats *ds);

/* The current record's values after its column checks (e->values,
 * e->typed, e->has_typed, e->col_skip). DCVAL_OK or DCVAL_ENOMEM. */
dcval_status dv_dsstats_record(struct dcval_validator *e);

/* The current input ends: the columns it has (not col_skip) get their
 * dataset checks. */
void dv_dsstats_input_end(struct dcval_validator *e);

/* Report the dataset checks' violations (engine/dsfinish.c). Returns as
 * dv_engine_emit(). */
dcval_status dv_dsstats_finish(struct dcval_validator *e);

#endif

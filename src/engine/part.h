/*
 * Sharded runs (spec cli.md "Sharded runs"): `dcval validate
 * --partial-out FILE` writes a part, the mergeable state of its run;
 * `dcval merge` reads the parts of all shards and gives the report one
 * run over every input would give.
 *
 * A part, format version 3 (all integers unsigned little-endian; a
 * "str" is a u32 length and that many bytes):
 *
 *   header      "DCVALPRT" | u32 version | 64 bytes contract sha256 (hex)
 *   violations  every violation of the inputs, in the order found:
 *               u32 input (index within the part) | u64 record | u64 line |
 *               u32 field | u8 severity (0 error, 1 warn) |
 *               u8 flags (1 redacted, 2 column, 4 value, 8 detail) |
 *               str rule | [str column] | [str value] | [str detail]
 *   keys        per key slot (slot c < n_columns: the unique column c;
 *               slot n_columns: the primary key) the first occurrence of
 *               every key of the part, sorted by key bytes (memcmp, then
 *               length): str key | u32 input | u64 record | u64 line |
 *               u32 field | u64 before (violations found before the key's
 *               check ran) | u64 order (first occurrences recorded
 *               before it) | u8 the record has an error | str value text
 *   meta        u64 now seconds | u32 now nanoseconds | 4 x u64 counts
 *               (records, invalid, errors, warnings) | u32 inputs, each:
 *               str path | u32 format | u32 compression | u64 bytes |
 *               4 x u64 counts | u32 status | str error |
 *               str dataset statistics | str drift state |
 *               u32 slots, each: u64 offset | u64 keys
 *   footer      u64 meta offset | u64 violations | "DCVPEND\n"
 *
 * Counts exclude the dataset-level violations (row_count, dataset
 * checks, drift): merge evaluates those over the whole.
 */
#ifndef DV_ENGINE_PART_H
#define DV_ENGINE_PART_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "util/buf.h"

#define DV_PART_VERSION 3u
#define DV_PART_MAGIC "DCVALPRT"
#define DV_PART_END "DCVPEND\n"
#define DV_PART_HEADER_BYTES (8 + 4 + 64)
#define DV_PART_FOOTER_BYTES (8 + 8 + 8)
/* Largest key or string read back from a part. */
#define DV_PART_MAX_STR ((uint32_t)1 << 30)

/* ---- writing (validate --partial-out) ---- */

typedef struct dv_part dv_part;

/*
 * A part written to `out` (borrowed, must stay open until
 * dv_part_finish()). Violations pass through dv_part_violation() (install
 * it as the run's on_violation with the part as ud); those it does not
 * keep (dataset-level ones) go on to next/next_ud. Returns: new, free
 * with dv_part_free(); NULL when out of memory.
 */
dv_part *dv_part_new(FILE *out, const dcval_contract *c,
		     dcval_violation_fn next, void *next_ud);
void dv_part_free(dv_part *p);

/* Attach the part to the validator that feeds it (before the first
 * input): it then records the first occurrence of every key. */
void dv_part_attach(dv_part *p, dcval_validator *v);

/* dcval_violation_fn: keep v in the part, then pass it on. */
dcval_status dv_part_violation(void *ud, const dcval_violation *v);

/*
 * The inputs are read: write the keys, the counts and the statistics
 * (call before dcval_validator_finish(), whose dataset-level violations
 * the part leaves to merge) and the footer. DCVAL_OK, DCVAL_EIO (errno
 * set) or DCVAL_ENOMEM.
 */
dcval_status dv_part_finish(dv_part *p);

/* ---- merging ---- */

typedef struct dv_merge dv_merge;

/*
 * Open parts paths[0..n) made with contract c, in input order, and read
 * their headers and meta. Returns: new, free with dv_merge_free(); NULL
 * with err set: DCVAL_EUSAGE for a part of another contract or format
 * version, or not a part; DCVAL_EIO when unreadable or truncated;
 * DCVAL_ENOMEM. err names the part.
 */
dv_merge *dv_merge_open(const dcval_contract *c, char *const *paths,
			size_t n, dcval_error *err);
void dv_merge_free(dv_merge *m);

/* "Now" of the run: the first part's. */
void dv_merge_now(const dv_merge *m, int64_t *secs, int32_t *ns);

/*
 * Merge into v (a new validator of the same contract, no input read):
 * its inputs and counts become the parts', cross-part repeats of unique
 * and primary keys are found, and every violation goes to v's
 * on_violation in input order. Then dcval_validator_finish(v) evaluates
 * the dataset-level checks over the whole. Returns DCVAL_OK, the
 * callback's status, or an error with err set (naming the part).
 */
dcval_status dv_merge_run(dv_merge *m, dcval_validator *v, dcval_error *err);

/* ---- engine state (part_state.c, the one file that reads and writes
 * the validator's run state for parts) ---- */

struct dv_record;
struct dcval_validator;

/* A key of slot `slot` was seen the first time in the part (dataset.c):
 * record its first occurrence. No-op without a part. */
dcval_status dv_part_key(struct dcval_validator *e, const struct dv_record *rec,
			 size_t slot, uint32_t field, const char *text,
			 size_t len);

/* The current record is checked (record.c): its first occurrences learn
 * whether it has an error. No-op without a part. */
void dv_part_record_end(struct dcval_validator *e);

#endif

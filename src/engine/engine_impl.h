/*
 * The validator's state, shared by the engine's files (validator.c: life
 * cycle and inputs; header.c: csv header mapping; record.c: per-record
 * flow; checks.c: value checks; dataset.c: unique, primary key, row count;
 * worker.c and replay.c: parallel validation).
 *
 * The fields fall into four lifetimes:
 *  - the compiled contract `c` and the options: immutable during a run,
 *    shared by the run's validator and its workers;
 *  - per input: the field map and skipped columns (a worker gets a copy);
 *  - per record, the scratch (values, typed, has_typed, key, text, md,
 *    rec_no, rec_error): each worker has its own;
 *  - the run: counts, inputs, unique / primary key sets, dataset stats,
 *    drift, column statistics, quarantine, stop. Only the run's own
 *    validator has them, and touches them in input order: a worker's
 *    records reach them through its log, replayed by dv_engine_replay().
 *
 * A worker (dv_engine_worker_new) is a validator whose `log` is set: its
 * violations, the keys its unique and primary key checks would look up
 * and its records' ends go to the log as owned copies (the buffering
 * sink), never to the callback, the key sets or the outputs.
 */
#ifndef DV_ENGINE_IMPL_H
#define DV_ENGINE_IMPL_H

#include "dcval/dcval.h"
#include "engine/engine.h"
#include "engine/live.h"
#include "value/keyset.h"
#include "util/buf.h"

struct dcval_validator {
	const struct dcval_contract *c; /* borrowed */
	dcval_validate_opts opts;       /* copy of the caller's */
	dcval_counts total;             /* over all inputs */

	dcval_input_info *inputs;       /* every input given, in order */
	size_t n_inputs;
	size_t alloc_inputs;
	dcval_input_info *cur;          /* the input being read, or NULL */

	/* per input: */
	long *field_map;                /* field position -> column, -1 when extra */
	size_t n_field_map;             /* header width */
	size_t alloc_field_map;
	bool *col_skip;                 /* column missing or ambiguous in this input */

	/* per record: */
	dv_value *values;               /* one per column */
	dv_typed *typed;                /* typed value per column, valid when has_typed */
	bool *has_typed;                /* type parse succeeded and value not null */
	uint64_t rec_no;                /* number of the record being read */
	bool rec_error;                 /* it has an error-severity violation */
	bool stop;                      /* fail-fast reached: skip the rest */

	/* dataset: */
	dv_keyset **unique;             /* per column, NULL when not unique */
	dv_keyset *pk;                  /* primary key tuples, or NULL */
	struct dv_dsstats *ds;          /* dataset checks' measurements, or NULL (dsstats.h) */
	struct dv_colstats **stats;     /* per column for `dcval profile`, or NULL (colstats.h) */
	struct dv_drift_run *drift;     /* per drift column (drift.c), or NULL */
	struct dv_part *part;           /* sharded run: the part written (part.h), or NULL */

	/* quarantine: */
	bool q_started;                 /* the outputs have their start (bom, csv header) */
	dv_buf q_header;                /* that header line, line end excluded */
	size_t q_header_input;          /* index of the input it came from */
	bool q_open_line;               /* bytes streamed for the current record end inside a line */
	dv_live_mark live;              /* flushing per record of a live input (live.c) */
	dv_keyset *extra_seen;          /* json extra keys replayed in this input (replay.c) */

	/* worker (worker.c): NULL on the run's own validator */
	dv_buf *log;                    /* the buffering sink: events, in order */
	const char *chunk_lo;           /* the chunk being read: raw bytes in */
	const char *chunk_hi;           /* [chunk_lo, chunk_hi) go by offset */
	size_t log_run;                 /* the log's length right after its last
					   RUN event (worklog.h), 0: none */
	dcval_input_info wk_input;      /* its current input (counts unused) */

	/* scratch, reused: */
	dv_buf key;                     /* unique / primary key encoding */
	dv_buf text;                    /* rendered values, messages */
	pcre2_match_data *md;           /* pattern matches */
};

/*
 * Report one violation: count it, mark the record, call the callback.
 * rec may be NULL (input- or dataset-level); field 0 and column NULL when
 * none. Returns the callback's status, DCVAL_STOP on fail-fast.
 */
dcval_status dv_engine_emit(dv_engine *e, const dv_record *rec, dv_rule rule,
			    dcval_severity sev, uint32_t field,
			    const char *column, const char *value,
			    size_t value_len, bool redacted, const char *detail);

/* dv_engine_emit() with a rule id as text: a cross-field rule's name. */
dcval_status dv_engine_emit_id(dv_engine *e, const dv_record *rec,
			       const char *rule, dcval_severity sev,
			       uint32_t field, const char *column,
			       const char *value, size_t value_len,
			       bool redacted, const char *detail);

/* Cross-field rules of the current record (rules.c). */
dcval_status dv_engine_check_rules(dv_engine *e, dv_record *rec);

/* Severity of a schema-policy rule; false when the policy is ignore. */
bool dv_engine_policy(const struct dcval_contract *c, dv_rule rule,
		      dcval_severity *sev);

/* Check every column of the current record. */
dcval_status dv_engine_check_columns(dv_engine *e, dv_record *rec);

/* Dataset checks of the current record: primary key. */
dcval_status dv_engine_check_primary_key(dv_engine *e, dv_record *rec);

/* Remember a typed value of a unique column; report a repeat. */
dcval_status dv_engine_check_unique(dv_engine *e, dv_record *rec,
				    const dv_column *col, const dv_value *v,
				    const dv_typed *t);

/* The typed value's key, as `unique` compares values, into e->key;
 * 8 bytes for the types where dv_engine_key_is_fixed8(). DCVAL_OK,
 * DCVAL_ENOMEM or DCVAL_ELIMIT. */
dcval_status dv_engine_value_key(dv_engine *e, const dv_column *col,
				 const dv_value *v, const dv_typed *t);
bool dv_engine_key_is_fixed8(dv_type t);

/* Display text of a value: s/len when set, else rendered into e->text. */
void dv_engine_value_text(dv_engine *e, const dv_value *v, const char **s,
			  size_t *len);

/* Counts, quarantine and the stop of a record whose checks ran with
 * status st (record.c); the end of dv_engine_end_record() and of a
 * replayed record alike. */
dcval_status dv_engine_record_done(dv_engine *e, dv_record *rec,
				   dcval_status st);

/* Worker side of the buffering sink (worker.c): a violation, a unique
 * key, a primary key, streamed raw bytes and a record's end go to e->log.
 * DCVAL_OK or DCVAL_ENOMEM / DCVAL_ELIMIT (the log's cap). */
dcval_status dv_worker_violation(dv_engine *e, const dv_record *rec,
				 const char *rule, dcval_severity sev,
				 uint32_t field, const char *column,
				 const char *value, size_t value_len,
				 bool redacted, const char *detail);
dcval_status dv_worker_unique(dv_engine *e, const dv_record *rec,
			      const dv_column *col, uint32_t field, const char *value,
			      size_t value_len);
dcval_status dv_worker_pk(dv_engine *e, const dv_record *rec, bool has_null,
			  uint32_t field,
			  const char *text, size_t len, bool redacted);
dcval_status dv_worker_raw(dv_engine *e, const char *p, size_t n);
dcval_status dv_worker_end(dv_engine *e, const dv_record *rec);

/* Build and free the dataset state. */
dcval_status dv_dataset_init(dv_engine *e);
void dv_dataset_release(dv_engine *e);

#endif

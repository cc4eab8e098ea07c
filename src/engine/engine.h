/*
 * The engine: the interface between readers and checks.
 *
 * A reader (csv.c, jsonl.c, json.c) turns bytes into records and knows
 * nothing of checks; the engine checks records and knows nothing of
 * formats. Per record, a reader
 *   1. takes the values array with dv_engine_begin_record() (one slot per
 *      declared column, all DV_V_ABSENT),
 *   2. fills the slots of the columns it found,
 *   3. reports what only it can see (field_count, malformed, encoding,
 *      extra keys) with dv_engine_issue(),
 *   4. hands the record over with dv_engine_end_record().
 * Record numbers are counted by the engine. A CSV reader first passes the
 * header to dv_engine_header(), which maps field positions to columns and
 * reports header, missing_column, extra_column and column_order.
 */
#ifndef DV_ENGINE_ENGINE_H
#define DV_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "contract/contract_impl.h"
#include "dcval/dcval.h"
#include "value/ruleid.h"
#include "util/buf.h"

typedef enum dv_vkind {
	DV_V_ABSENT = 0, /* not in the record: checks of this column are skipped, required fails */
	DV_V_NULL,       /* null (csv null token, json null, missing json key) */
	DV_V_TEXT,       /* csv text, or a json string under input.coerce: parsed as csv text */
	DV_V_JSTRING,    /* json string */
	DV_V_JNUM,       /* json number: s/len its text exactly as written */
	DV_V_JBOOL,      /* json true / false: i = 1 / 0 */
	DV_V_JOTHER,     /* json object or array: s/len its compact text (NULL past the cap) */
	DV_V_JPARENT,    /* a parent on the json path is not an object: s the message (NUL-terminated), no value shown */
	DV_V_SKIP        /* present but already reported (encoding): no checks */
} dv_vkind;

typedef struct dv_value {
	dv_vkind kind;
	uint32_t field;  /* 1-based csv field position, 0 for json */
	const char *s;   /* the bytes (not necessarily NUL-terminated), or NULL */
	size_t len;      /* bytes in s */
	int64_t i;       /* JBOOL */
} dv_value;

/* A record being read. */
typedef struct dv_record {
	uint64_t line;      /* physical line where it starts (1-based) */
	const char *raw;    /* original bytes for quarantine, NULL when not kept */
	size_t raw_len;
	bool raw_written;   /* the reader already streamed the bytes to quarantine */
	dv_value *values;   /* from dv_engine_begin_record() */
} dv_record;

typedef struct dcval_validator dv_engine;

/* One slice of bytes (a header name). */
typedef struct dv_slice {
	const char *s;
	size_t len;
} dv_slice;

/* The compiled contract the engine runs. */
const struct dcval_contract *dv_engine_contract(const dv_engine *e);

/* Whether quarantine outputs want raw record bytes. */
bool dv_engine_wants_raw(const dv_engine *e);

/* Caps from the options (never 0). */
size_t dv_engine_max_field(const dv_engine *e);
size_t dv_engine_max_line(const dv_engine *e);

/*
 * CSV header with n names (`line`: its physical line). Builds the field
 * map and reports header problems. With header: false the reader calls
 * dv_engine_positional() instead.
 */
dcval_status dv_engine_header(dv_engine *e, const dv_slice *names, size_t n,
			      uint64_t line);

/* Columns by position: field k is column k. */
dcval_status dv_engine_positional(dv_engine *e);

/* Field position (0-based) -> column index or -1; *n gets the number of
 * mapped positions (header width). Valid after dv_engine_header(). */
const long *dv_engine_field_map(const dv_engine *e, size_t *n);

/* The values array for the next record, every slot DV_V_ABSENT. */
dv_value *dv_engine_begin_record(dv_engine *e);

/*
 * A violation only the reader can see, on the current record (between
 * begin_record and end_record). `rule` is DV_R_FIELD_COUNT, DV_R_MALFORMED,
 * DV_R_ENCODING or DV_R_EXTRA_COLUMN (json: `column` is the key path); the
 * severity comes from the rule and the contract's schema policy. value may
 * be NULL. detail is the message tail.
 */
dcval_status dv_engine_issue(dv_engine *e, dv_record *rec, dv_rule rule,
			     uint32_t field, const char *column,
			     const char *value, size_t value_len,
			     const char *detail);

/* Check the record, count it, send it to quarantine (with a "\n" after
 * its bytes when they do not end in a line end: the last record of an
 * input without a final newline). */
dcval_status dv_engine_end_record(dv_engine *e, dv_record *rec);

/*
 * Quarantine, at the start of a csv input: its byte order mark (bom: 0 or
 * 3 bytes) and header line raw[0..len) (its line end included; len 0 with
 * header: false). The first csv input's start both outputs, once (with a
 * "\n" after a header line that has no line end, so records never join
 * it). A later input whose header line differs byte for byte from the
 * first one's (line ends aside) cannot join the outputs: *joined is set
 * false, nothing is written, and *first names the input whose header the
 * outputs hold. Returns DCVAL_EIO on a write error.
 */
dcval_status dv_engine_quarantine_header(dv_engine *e, size_t bom,
					 const char *raw, size_t len,
					 bool *joined, const char **first);

/*
 * Stream bytes of the current record straight to the invalid quarantine
 * output (a record too large to buffer, already known invalid); the
 * reader then sets rec->raw_written.
 */
dcval_status dv_engine_quarantine_invalid(dv_engine *e, const char *raw,
					  size_t len);

/*
 * Like dv_engine_issue(), about the value of field `field` that belongs to
 * column `col` (-1: none): the value is shown as <redacted> when that
 * column is sensitive. The violation's column stays null (encoding).
 */
dcval_status dv_engine_field_issue(dv_engine *e, dv_record *rec, dv_rule rule,
				   uint32_t field, long col, const char *value,
				   size_t value_len, const char *detail);

/*
 * A violation on the csv header line (record null, line `line`): a name
 * that is not valid UTF-8 (rule DV_R_ENCODING), showing the name.
 */
dcval_status dv_engine_header_issue(dv_engine *e, dv_rule rule, uint64_t line,
				    uint32_t field, const char *value,
				    size_t value_len, const char *detail);

/*
 * A violation not tied to one record (an unusable input): rule
 * DV_R_MALFORMED or DV_R_ENCODING with line and column of the problem.
 */
dcval_status dv_engine_input_issue(dv_engine *e, dv_rule rule, uint64_t line,
				   uint32_t field, const char *detail);

/* The inputs' records, as the public API shows them. */
typedef dcval_input_info dv_input;

/*
 * Begin reading input `path` (the driver in read/run.c calls this): it
 * becomes the current input, listed by dcval_validator_inputs(), and the
 * per-input state (header map, missing columns) starts afresh. Returns
 * its record, which the driver fills (format, compression, bytes,
 * status, error); NULL when out of memory.
 */
dv_input *dv_engine_input_begin(dv_engine *e, const char *path);

/* The current input is read: no input is current until the next begin. */
void dv_engine_input_end(dv_engine *e);

/* "Now" of the run (freshness, now()): --now, else the clock when the
 * validator was made; the same for the whole run. */
void dv_engine_now(const dv_engine *e, int64_t *secs, int32_t *ns);

/* The caller's forced input format (opts.format), AUTO when not forced. */
dcval_format dv_engine_forced_format(const dv_engine *e);

/* Whether the caller asked for progress, and tell it: `bytes` of the
 * current input read so far (with its records so far). */
bool dv_engine_wants_progress(const dv_engine *e);
void dv_engine_progress(dv_engine *e, uint64_t bytes);

/*
 * Parallel validation of one input (read/par.c). A worker is a validator
 * for one thread: it shares e's compiled contract and options, has its
 * own per-record scratch and a copy of the current input's field map,
 * and writes what its records produce to a log (the buffering sink)
 * instead of the callback, the key sets and the outputs. The run's
 * validator replays the logs in input order: record numbers, unique and
 * primary key, counts, quarantine, fail-fast and the callback are then
 * exactly those of reading the input on one thread.
 */

/* Whether records of e may be checked by workers: nothing of the run
 * needs each record's typed values (no dataset.columns, freshness, drift
 * or column statistics). */
bool dv_engine_can_split(const dv_engine *e);

/* Worker threads the caller asked for (opts.jobs; 0: the number of
 * processors), and the chunk size it forces (opts.chunk_bytes; 0: none). */
unsigned dv_engine_jobs(const dv_engine *e);
size_t dv_engine_chunk_bytes(const dv_engine *e);

/* Whether e is a worker. A reader that reports something once per input
 * (JSON extra keys) reports every occurrence on a worker: the replay
 * keeps the first of each extra_column violation's column per input, at
 * most DV_ENGINE_EXTRA_SEEN_MAX of them, as that reader does. */
bool dv_engine_is_worker(const dv_engine *e);
#define DV_ENGINE_EXTRA_SEEN_MAX 10000

/* e's key sets (unique, primary key) are about to be written while
 * workers run: their tables from now on are faulted in when made
 * (dv_keyset_prefault). */
void dv_engine_keys_shared(dv_engine *e);

/* A worker of e; NULL when out of memory. Free with
 * dv_engine_worker_free() (NULL: no-op). */
dv_engine *dv_engine_worker_new(const dv_engine *e);
void dv_engine_worker_free(dv_engine *w);

/* Copy e's current input (path, format, field map, skipped columns) to
 * the worker: after e read the csv header. DCVAL_ENOMEM on failure. */
dcval_status dv_engine_worker_input(dv_engine *w, const dv_engine *e);

/* The worker's log from now on (borrowed), and the chunk it reads
 * (records inside it are logged by offset, not copied). */
void dv_engine_worker_bind(dv_engine *w, dv_buf *log, const char *chunk,
			   size_t n);

/* Replay a worker's log log[0..n) into e, in order; chunk: the bytes the
 * worker read. Returns what reading the chunk's records on e directly
 * would have: DCVAL_OK, DCVAL_STOP (fail-fast), or an error. */
dcval_status dv_engine_replay(dv_engine *e, const char *log, size_t n,
			      const char *chunk);

/*
 * Look up a worker's unique and primary keys in e's key sets, in log
 * order, and write each verdict into its event, so that the replay only
 * reports. Logs must be resolved in input order, one at a time, before
 * their replay (the parallel reader does it on the workers, in chunk
 * order). DCVAL_OK, or DCVAL_ENOMEM with the events from the failing one
 * on unresolved: the replay then looks them up itself, as on one thread.
 */
dcval_status dv_engine_resolve(dv_engine *e, char *log, size_t n);

#endif

/*
 * Validators: stream inputs through a compiled contract.
 *
 * One validator holds the state of one validation run: per-run counts,
 * the dataset checks that span all inputs (unique, primary_key,
 * row_count) and per-record scratch reused for every record. Its inputs
 * are read one after the other. A validator is not thread-safe; use one
 * per thread.
 */
#ifndef DCVAL_VALIDATOR_H
#define DCVAL_VALIDATOR_H

#include <stdio.h>
#include "dcval/dcval.h"

typedef struct dcval_validator dcval_validator;

/*
 * One finding. Passed to the violation callback; every pointer in it is
 * borrowed and valid only during the call: copy what you keep.
 */
typedef struct dcval_violation {
	const char *path;        /* input path as given ("-" for standard input);
				    NULL for a dataset-level violation
				    (row_count) of a run of several inputs */
	dcval_format format;     /* format the input was read as */
	uint64_t record;         /* 1-based record number, 0 when none */
	uint64_t line;           /* physical line where the record starts, 0 when none */
	uint32_t field;          /* 1-based csv field position, 0 when none */
	const char *column;      /* column name, or NULL (field_count, malformed, ...) */
	const char *rule;        /* stable rule id: "type", "enum", ... */
	dcval_severity severity; /* error or warn */
	const char *value;       /* offending value (raw bytes, not cut), NULL when none */
	size_t value_len;        /* bytes in value */
	bool redacted;           /* the column is sensitive: never show value */
	const char *detail;      /* message text after the value ("is not a number") */
	bool dataset;            /* dataset-level, found after the last input
				    (row_count, dataset checks): the message is
				    the detail alone ("share 0.0042 is below 0.01") */
} dcval_violation;

/*
 * Violation callback. Return DCVAL_OK to go on, DCVAL_STOP to stop the
 * run, or an error status (a failed write: DCVAL_EIO) to abort it.
 */
typedef dcval_status (*dcval_violation_fn)(void *ud, const dcval_violation *v);

/* At most this many bytes of a value are shown in reports, the "..." of a
 * cut value included. */
#define DCVAL_VALUE_SHOW_MAX 80

/*
 * Write the display form of a violation's value into buf (NUL-terminated,
 * never more than cap bytes): a value longer than DCVAL_VALUE_SHOW_MAX
 * bytes is cut to its longest prefix of whole UTF-8 characters that fits
 * in DCVAL_VALUE_SHOW_MAX - 3 bytes and "..." is appended (80 bytes in
 * all); "<redacted>" for sensitive columns. When `escape` is set, control
 * characters and invalid UTF-8 are written as escapes for one-line text
 * reports: \n, \t, \x1b, \x7f, \u009b (C1), \xNN for a byte that is not
 * UTF-8, and \\, \" (see src/util/esc.h).
 * Returns the length written. cap must be at least 16.
 */
size_t dcval_violation_value(const dcval_violation *v, bool escape, char *buf,
			     size_t cap);

/*
 * Write the violation's message into buf (NUL-terminated, cut to cap
 * between characters): `"VALUE" DETAIL`, `<redacted> DETAIL`, or `DETAIL`
 * when there is no value. VALUE is shown as dcval_violation_value() with
 * `escape` shows it; control characters in DETAIL are escaped alike, so
 * the message is one line of text. A `dataset` violation has `DETAIL`
 * alone, which names what was measured. Returns the length written.
 */
size_t dcval_violation_message(const dcval_violation *v, char *buf, size_t cap);

/*
 * Progress callback: `path` is the input being read (borrowed, valid
 * during the call), `bytes` the bytes of it read so far and `records`
 * its records checked so far. It must not call into the validator.
 */
typedef void (*dcval_progress_fn)(void *ud, const char *path, uint64_t bytes,
				  uint64_t records);

/*
 * Flush callback: called after each record of a live input that produced
 * output, to flush what on_violation wrote (dcval_report_flush() is one).
 * Returns DCVAL_OK, or DCVAL_EIO when the flush failed (the run aborts).
 */
typedef dcval_status (*dcval_flush_fn)(void *ud);

/* Flags of a validation run. */
enum dcval_validate_flags {
	DCVAL_VALIDATE_FAIL_FAST = 1 << 0 /* stop at the first error-severity violation */
};

/* Options of a validation run, filled by the caller. Zero is a default. */
typedef struct dcval_validate_opts {
	unsigned flags;                  /* enum dcval_validate_flags */
	dcval_format format;             /* forced input format, AUTO to detect */
	dcval_violation_fn on_violation; /* may be NULL: counts only */
	void *ud;                        /* passed to on_violation */
	FILE *valid_out;                 /* quarantine: valid records, or NULL */
	FILE *invalid_out;               /* quarantine: invalid records, or NULL */
	size_t max_field_bytes;          /* cap per csv field, 0: 16 MiB */
	size_t max_line_bytes;           /* cap per JSON Lines line, 0: 64 MiB */
	dcval_progress_fn on_progress;   /* may be NULL; called after each chunk
					    of an input is checked: at most once
					    per 256 KiB read from a regular file,
					    after each read(2) of a live input */
	void *progress_ud;               /* passed to on_progress */
	bool has_now;                    /* now_secs/now_ns are "now" (--now) */
	int64_t now_secs;                /* "now" of freshness and now(): seconds
					    since 1970-01-01T00:00:00Z ... */
	int32_t now_ns;                  /* ... and nanoseconds; without has_now
					    the clock when the validator is made */
	dcval_flush_fn on_flush;         /* may be NULL; for a live input (a pipe,
					    terminal or socket: not a regular
					    file) valid_out and invalid_out are
					    flushed, then on_flush called, after
					    each record that produced output */
	void *flush_ud;                  /* passed to on_flush */
	unsigned jobs;                   /* threads checking one input: 1 one,
					    0 the number of processors; the
					    results are those of 1 (see
					    dcval_validator_run) */
	size_t chunk_bytes;              /* bytes per chunk with jobs > 1, 0:
					    the default (tests force small
					    chunks with it) */
} dcval_validate_opts;

/* Counts of a run or of one input. */
typedef struct dcval_counts {
	uint64_t records;         /* records read (csv header excluded) */
	uint64_t invalid_records; /* records with at least one error */
	uint64_t errors;          /* error-severity violations */
	uint64_t warnings;        /* warn-severity violations */
} dcval_counts;

/* What the validator knows about one input it was given. */
typedef struct dcval_input_info {
	const char *path;     /* as given; "-" is standard input */
	dcval_format format;  /* the format it was read as (AUTO if never opened) */
	uint64_t bytes;       /* bytes read, as stored (compressed) */
	dcval_counts counts;  /* this input's share of the counts */
	dcval_status status;  /* DCVAL_OK, or why reading stopped (DCVAL_EIO) */
	char error[160];      /* message when status is not DCVAL_OK */
	dcval_compression compression; /* how it is stored: gzip, zstd or none */
} dcval_input_info;

/*
 * Create a validator for `contract` (borrowed: it must outlive the
 * validator). `opts` is copied. Returns: new, free with
 * dcval_validator_free(); NULL with `err` set (DCVAL_ENOMEM).
 */
dcval_validator *dcval_validator_new(const dcval_contract *contract,
				     const dcval_validate_opts *opts,
				     dcval_error *err);

/*
 * Read one input to its end and check every record. `path` names it in
 * violations; `in` is the open stream (borrowed, not closed). A regular
 * file is read with fread in large chunks. A live input (a pipe, a
 * terminal or a socket, standard input included) is read with read(2) on
 * fileno(in), so nothing may have been read through `in` before: each
 * record is checked as soon as its last byte arrives (a csv row at its
 * line end, a JSON Lines record at its newline, a JSON array element at
 * its closing bracket; compressed input as soon as the decompressor gives
 * the bytes), and the outputs are flushed per record (on_flush). The
 * format is opts->format, else the contract's input.format, else the
 * extension of path, else sniffed from content.
 * With opts->jobs other than 1, a CSV, TSV or JSON Lines input that is
 * not live and not small (4 MiB, or opts->chunk_bytes set) is cut into
 * chunks at record boundaries that threads of the validator's own check
 * (the contract is shared, nothing else); the callback, the outputs and
 * the counts see exactly what one thread gives, in input order, on the
 * calling thread. A contract with dataset.columns, freshness or drift,
 * and a JSON array, are read on one thread.
 * Returns DCVAL_OK, DCVAL_STOP (fail-fast or the callback asked to stop),
 * DCVAL_EIO (reading failed: `err` says why; records read so far stay
 * counted), DCVAL_ENOMEM, the status a callback or quarantine write
 * returned, or DCVAL_EUSAGE while a session of v is open (session.h).
 */
dcval_status dcval_validator_run(dcval_validator *v, const char *path, FILE *in,
				 dcval_error *err);

/*
 * Record an input that could not be opened, so reports list it:
 * status and message are kept in its dcval_input_info. DCVAL_EUSAGE while
 * a session of v is open (session.h).
 */
dcval_status dcval_validator_input_failed(dcval_validator *v, const char *path,
					  dcval_status status,
					  const char *message);

/*
 * Run the dataset checks that need all inputs (row_count, then the
 * dataset.columns entries and freshness). Call once,
 * after the last input. Returns as dcval_validator_run().
 */
dcval_status dcval_validator_finish(dcval_validator *v);

/* Counts over all inputs so far. Borrowed: valid while v lives. */
const dcval_counts *dcval_validator_counts(const dcval_validator *v);

/* The inputs given so far, in order; *n receives their number.
 * Borrowed: valid until the next call on v. */
const dcval_input_info *dcval_validator_inputs(const dcval_validator *v,
					       size_t *n);

/* Free a validator. NULL is a harmless no-op. */
void dcval_validator_free(dcval_validator *v);

#endif

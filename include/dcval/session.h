/*
 * Sessions: validate records held in memory, one at a time, as a service
 * validates the requests it serves (the "serving" side of a contract that
 * also runs over the training files).
 *
 * A session is an input of a validator that the caller feeds record by
 * record instead of a stream: a JSON object as text (a request body), or
 * a CSV/TSV line after its header line given once. Each record is checked
 * during the call, and its violations go through the validator's
 * on_violation callback before the call returns, with the same rule ids,
 * messages and counts as a file run; `record` numbers the session's
 * records from 1 and `line` is that number too for JSON (the header is
 * line 1 of a csv session, so its first record is on line 2). No file,
 * no thread, no stream: the quarantine outputs of dcval_validate_opts
 * still get the record's bytes when set.
 *
 * Memory: the first records of a session size its scratch buffers (the
 * record's values, the parsed document, messages); after that warm-up a
 * record of no larger size allocates nothing. The exceptions are the
 * checks that remember earlier records: `unique` columns and the
 * `primary_key` keep one entry per distinct key, so their memory grows
 * (amortised doubling) with the keys seen.
 *
 * Dataset checks: `unique` and `primary_key` are checked across the
 * records of one validator (all of its sessions and runs, as across the
 * inputs of a file run): a repeat within the calls of one validator is a
 * violation. Validators on other threads do not see each other's keys,
 * so a service that must reject duplicates across all of its threads
 * keeps that index itself. The checks that need the whole input
 * (row_count, and the dataset-level checks of the `dataset:` section)
 * stay with file runs: they run only in dcval_validator_finish(), which a
 * service never needs to call.
 *
 * Threads: the contract is immutable once loaded and may be shared by any
 * number of validators on any number of threads (compiled patterns are
 * matched with per-validator match data; nothing in the contract is
 * built lazily or written after loading). A validator and its session are
 * one thread's at a time: use one validator (and one session) per thread.
 *
 * Typical use:
 *
 *     dcval_contract *c = dcval_contract_load_file("events.yaml", &err);
 *     // per thread:
 *     dcval_validator *v = dcval_validator_new(c, &opts, &err);
 *     dcval_session *s = dcval_session_new(v, "requests",
 *                                          DCVAL_FORMAT_JSONL, &err);
 *     // per request:
 *     st = dcval_session_check(s, body, body_len, &err);
 *     // violations arrived through opts.on_violation during the call
 *     dcval_session_free(s);
 *     dcval_validator_free(v);
 *     // when every thread is done:
 *     dcval_contract_free(c);
 */
#ifndef DCVAL_SESSION_H
#define DCVAL_SESSION_H

#include "dcval/dcval.h"

typedef struct dcval_session dcval_session;

/*
 * Begin a session on validator `v` (borrowed: it must outlive the
 * session, and run nothing else while the session is open). `name` is
 * the violations' path (copied). `format`: DCVAL_FORMAT_JSONL or
 * DCVAL_FORMAT_JSON (each record is one JSON value: an object, else it is
 * a `malformed` record), DCVAL_FORMAT_CSV or DCVAL_FORMAT_TSV (records are
 * lines: give the header first with dcval_session_header(), unless the
 * contract says header: false), or DCVAL_FORMAT_AUTO: the contract's
 * input.format, else JSON. Returns: new, free with dcval_session_free();
 * NULL with `err` set (DCVAL_EUSAGE when another session of `v` is open,
 * DCVAL_ENOMEM).
 */
dcval_session *dcval_session_new(dcval_validator *v, const char *name,
				 dcval_format format, dcval_error *err);

/*
 * A csv or tsv session's header line line[0..len) (borrowed for the
 * call; a line end at its end is optional), mapped to the contract's
 * columns as a file's header is: header, missing_column, extra_column
 * and column_order violations go to on_violation now. Returns DCVAL_OK,
 * a callback's status, DCVAL_EUSAGE (not a csv session, or the header was
 * given already) or DCVAL_ENOMEM.
 */
dcval_status dcval_session_header(dcval_session *s, const char *line,
				  size_t len, dcval_error *err);

/*
 * Check one record: text[0..len) (borrowed for the call, need not be
 * NUL-terminated) is a JSON value, or one csv line (its line end
 * optional; a quoted field may hold line ends, and a second line would be
 * a second record). Its violations go to on_violation before this
 * returns. Returns DCVAL_OK (whether or not the record is valid: see the
 * callback, or dcval_validator_counts()), DCVAL_STOP (fail-fast or the
 * callback asked to stop: the session takes no more records), the status
 * a callback or a quarantine write returned, DCVAL_EUSAGE (a csv record
 * before the header) or DCVAL_ENOMEM. A record that is not valid JSON, or
 * larger than max_line_bytes (csv: max_field_bytes), is a `malformed`
 * record, as in a file. A csv text with no characters is no record.
 */
dcval_status dcval_session_check(dcval_session *s, const char *text,
				 size_t len, dcval_error *err);

/* End the session: the validator's input is closed (its counts stay in
 * the validator) and the validator may run again. NULL is a harmless
 * no-op. */
void dcval_session_free(dcval_session *s);

#endif

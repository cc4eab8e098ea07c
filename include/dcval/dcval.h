/*
 * dcval: data contract validator library.
 *
 * Umbrella header: statuses, the error record every constructor fills, the
 * library version. Include this one header to get the whole public API.
 *
 * Life cycle: a contract is loaded and compiled once (contract.h), a
 * validator runs one or more inputs through it (validator.h) or checks
 * records held in memory one at a time (session.h), a report
 * turns violations into text, JSON, JSON Lines, JUnit, GitHub annotations
 * or a SARIF log (report.h). Functions and structures not declared under include/dcval/
 * are not part of the published API.
 */
#ifndef DCVAL_DCVAL_H
#define DCVAL_DCVAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define DCVAL_VERSION "0.1.0"

/*
 * Statuses. Numbers are stable: never renumbered or reused.
 */
typedef enum dcval_status {
	DCVAL_OK = 0,        /* success */
	DCVAL_EUSAGE = 1,    /* a bad argument from the caller */
	DCVAL_ECONTRACT = 2, /* the contract is invalid or unreadable */
	DCVAL_EIO = 3,       /* an input or output could not be read or written */
	DCVAL_ENOMEM = 4,    /* out of memory */
	DCVAL_EINTERNAL = 5, /* a bug: report it */
	DCVAL_ELIMIT = 6,    /* a size or depth cap was reached */
	DCVAL_STOP = 7       /* not an error: --fail-fast asked to stop */
} dcval_status;

/* Short English name of a status ("out of memory"). Static string. */
const char *dcval_status_str(dcval_status status);

/*
 * Error record, caller-owned, fixed size: filling it never allocates.
 * The first error set is kept; later ones are ignored until the record
 * is cleared with dcval_error_clear(). line and col are 1-based; 0 means
 * "not known". file is "" when the error has no file.
 */
typedef struct dcval_error {
	dcval_status status; /* DCVAL_OK while no error is set */
	char file[256];      /* file the error is about, may be truncated */
	unsigned long line;  /* 1-based line, 0 if none */
	unsigned long col;   /* 1-based column, 0 if none */
	char text[160];      /* message: lowercase, no final period */
} dcval_error;

/* Reset an error record to "no error". */
void dcval_error_clear(dcval_error *err);

/* The library version, DCVAL_VERSION. Static string. */
const char *dcval_version(void);

/* Input formats. */
typedef enum dcval_format {
	DCVAL_FORMAT_AUTO = 0, /* from the contract, the extension, then content */
	DCVAL_FORMAT_CSV = 1,
	DCVAL_FORMAT_TSV = 2,
	DCVAL_FORMAT_JSONL = 3,
	DCVAL_FORMAT_JSON = 4
} dcval_format;

/* "csv", "tsv", "jsonl", "json" or "auto". Static string. */
const char *dcval_format_name(dcval_format format);

/* Parse a format name; returns false if unknown. "ndjson" is "jsonl". */
bool dcval_format_parse(const char *name, dcval_format *out);

/* Compression of an input, from its name (.gz, .zst) or first bytes. */
typedef enum dcval_compression {
	DCVAL_COMPRESSION_NONE = 0,
	DCVAL_COMPRESSION_GZIP = 1, /* RFC 1952, read with zlib */
	DCVAL_COMPRESSION_ZSTD = 2  /* RFC 8878, read with libzstd */
} dcval_compression;

/* "gzip" or "zstd"; NULL for DCVAL_COMPRESSION_NONE. Static string. */
const char *dcval_compression_name(dcval_compression compression);

/* Violation severities. */
typedef enum dcval_severity {
	DCVAL_SEVERITY_ERROR = 0,
	DCVAL_SEVERITY_WARN = 1
} dcval_severity;

/* "error" or "warn". Static string. */
const char *dcval_severity_name(dcval_severity severity);

#include "dcval/contract.h"
#include "dcval/validator.h"
#include "dcval/report.h"
#include "dcval/session.h"

#endif

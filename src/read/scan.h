/*
 * Records without a contract: one input read to its end, each record
 * handed to the caller as what its format holds (the fields of a csv or
 * tsv row, the parsed value of a JSON Lines line or JSON array element),
 * with its record number and physical line. `dcval infer` and a profile
 * without a contract read through here.
 *
 * Nothing is tokenized twice: the bytes come from source.c (files,
 * standard input, gzip and zstd), the format is chosen as validate
 * chooses it (reader.c: the name's ending, then the content), csv rows
 * are csvrow.c's (Python's csv boundaries) and JSON records are framed
 * by jsonl.c and json.c and parsed by jdoc.c, the very code that feeds
 * the validator, so a scan sees the records that validate sees.
 *
 * A record that cannot be read (a csv quote gone wrong, a row or line
 * over the cap, invalid JSON, a JSON record that is not an object) goes
 * to `bad` with the message validate would give; a break in a JSON
 * array's structure goes there too, with `ends`, and ends the input.
 * Whether a row's fields are valid UTF-8, and whether its width fits,
 * is the caller's to check.
 */
#ifndef DV_READ_SCAN_H
#define DV_READ_SCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "read/csvrow.h"
#include "read/jdoc.h"

/* The caps validate uses by default: a csv row, a JSON record. */
#define DV_SCAN_MAX_ROW (16u * 1024 * 1024)
#define DV_SCAN_MAX_LINE (64u * 1024 * 1024)

typedef struct dv_scan_cb {
	/* A csv row: record 0 is the first row (a header, when the caller
	 * reads one), then 1, 2, ... */
	dcval_status (*row)(void *ctx, const dv_csvrow *row, uint64_t record);
	/* A JSON object; doc->nodes[0] is it. */
	dcval_status (*json)(void *ctx, const dv_jdoc *doc, uint64_t record,
			     uint64_t line);
	/* A record that cannot be read (record 0 for a fault of the input,
	 * `ends` true), or of the input itself; col 0 when unknown. */
	dcval_status (*bad)(void *ctx, uint64_t record, uint64_t line,
			    uint64_t col, const char *detail, bool ends);
	void *ctx;
} dv_scan_cb;

typedef struct dv_scan_info {
	dcval_format format;            /* the format read */
	dcval_compression compression;  /* as the source found it */
	uint64_t bytes;                 /* bytes read, as stored */
	uint64_t records;               /* records handed out (csv: header excluded when `header`) */
	bool empty;                     /* csv: not even one row */
} dv_scan_info;

/*
 * Read `in` (named path, "-" for standard input) to its end, or until a
 * callback returns DCVAL_STOP (then DCVAL_OK is returned). `format` AUTO
 * chooses as validate does; `delim` 0 is the format's own (',' or tab).
 * `header`: a csv input's first row is record 0, not counted in
 * info->records. Returns DCVAL_OK, a callback's status, DCVAL_EIO (err
 * says why: a read error, corrupt compressed data) or DCVAL_ENOMEM.
 */
dcval_status dv_scan_input(const char *path, FILE *in, dcval_format format,
			   char delim, bool header, const dv_scan_cb *cb,
			   dv_scan_info *info, dcval_error *err);

#endif

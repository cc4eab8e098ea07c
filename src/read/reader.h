/*
 * Input formats behind one table. A reader reads one input (a
 * dv_source) to its end and hands each record to the engine; choosing an
 * input's format and driving its reader live here and in run.c, never in
 * the engine (which knows records, not formats).
 *
 * Adding an input format: its reader file, one row in reader.c's table,
 * and its value in include/dcval/dcval.h's dcval_format.
 */
#ifndef DV_READ_READER_H
#define DV_READ_READER_H

#include "dcval/dcval.h"
#include "engine/engine.h"

struct dv_source;

/* Read src to its end, calling the engine per record. Returns DCVAL_OK
 * or the first status that stopped it (err says why for DCVAL_EIO and
 * DCVAL_ENOMEM). */
typedef dcval_status (*dv_read_fn)(dv_engine *e, struct dv_source *src,
				   dcval_error *err);

typedef struct dv_reader {
	dcval_format format;        /* the format it reads */
	const char *const *exts;    /* file name endings, with the dot, NULL-terminated */
	dv_read_fn read;            /* the reader */
} dv_reader;

/* The reader of format f (never AUTO): a row of the table. */
const dv_reader *dv_reader_get(dcval_format f);

/* The format a file name's ending names (under a .gz / .zst suffix:
 * events.csv.gz is csv), case-insensitive; AUTO when it names none. */
dcval_format dv_reader_by_path(const char *path);

/* The format of the first chunk's content: the first byte that is not
 * space or a byte order mark: '{' JSON Lines, '[' a JSON array, else CSV. */
dcval_format dv_reader_sniff(const struct dv_source *src);

/* The readers (csv.c, jsonl.c, json.c). CSV and TSV take the contract's
 * delimiter when it sets one, else ',' and a tab. */
dcval_status dv_csv_read(dv_engine *e, struct dv_source *src, dcval_error *err);
dcval_status dv_tsv_read(dv_engine *e, struct dv_source *src, dcval_error *err);
dcval_status dv_jsonl_read(dv_engine *e, struct dv_source *src,
			   dcval_error *err);
dcval_status dv_json_read(dv_engine *e, struct dv_source *src,
			  dcval_error *err);

#endif

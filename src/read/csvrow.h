/*
 * CSV rows: bytes -> rows of fields, with exactly the record boundaries
 * and fields of Python's csv module (csv.reader over a file opened with
 * newline='', default dialect: doublequote, no escape character, strict
 * off, no space skipping; the contract's delimiter and quote). The state
 * machine is that of CPython's Modules/_csv.c parse_process_char(),
 * written for bytes and whole runs of bytes:
 *
 *  - a line ends at '\n', "\r\n" or a lone '\r'; a line with no
 *    characters at all is not a row (Python yields [] for it);
 *  - a quote opens a quoted field only at the start of a field; anywhere
 *    else it is a literal byte;
 *  - inside quotes, a doubled quote is one quote and line ends are part
 *    of the field (the row goes on in the next line);
 *  - after a closing quote, the delimiter or the line end closes the
 *    field; any other byte stays in the field, which goes on unquoted
 *    (Python's non-strict rule: "a"b,c gives ab and c); the row records
 *    the first such field in bad_quote;
 *  - at the end of the input an open quoted field ends the row
 *    (unterminated).
 *
 * The reader knows nothing of contracts or checks: src/read/csv.c turns
 * rows into records, and tests/diff/csvdump.c prints them for the
 * differential test against Python (tests/diff/run_csv.sh).
 *
 * A row larger than the cap (max_rec bytes) is not buffered: the `big`
 * callback gets its bytes as they are read (BEGIN with the bytes so far,
 * BYTES, END), while the state machine goes on finding its end.
 */
#ifndef DV_READ_CSVROW_H
#define DV_READ_CSVROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "util/buf.h"

/* One complete row; borrowed: valid during the callback only. */
typedef struct dv_csvrow {
	const char *buf;        /* field i is buf + off[i], len[i] bytes, NUL after */
	const size_t *off;
	const size_t *len;
	size_t nf;              /* fields, at least 1 */
	uint64_t line;          /* physical line where the row starts (1-based) */
	const char *raw;        /* the row's bytes, line end included (keep_raw) */
	size_t raw_len;
	uint32_t bad_quote;     /* first field (1-based) with text after its closing quote, 0 if none */
	bool unterminated;      /* the input ended inside a quoted field */
	bool ascii;             /* every byte of the row is ASCII */
} dv_csvrow;

/* Events of a row larger than the cap. */
typedef enum dv_csvbig {
	DV_CSVBIG_BEGIN = 0,    /* p[0..n): its bytes so far (keep_raw), line: its start */
	DV_CSVBIG_BYTES,        /* p[0..n): more of its bytes */
	DV_CSVBIG_END           /* it ended (n is 0) */
} dv_csvbig;

typedef struct dv_csvrow_cb {
	dcval_status (*row)(void *ctx, const dv_csvrow *row);
	dcval_status (*big)(void *ctx, dv_csvbig ev, uint64_t line,
			    const char *p, size_t n);
	void *ctx;
} dv_csvrow_cb;

typedef struct dv_csvrd {
	dv_csvrow_cb cb;
	char delim;
	char quote;
	bool quoting;           /* false: input.quote is null, no byte is special */
	bool keep_raw;          /* keep each row's bytes for raw */
	size_t max_rec;         /* cap on a row's bytes */
	dv_buf fields;          /* field bytes, each followed by a NUL */
	size_t *off;            /* start of each field in fields */
	size_t *flen;           /* length of each field */
	size_t nf;              /* closed fields of the current row */
	size_t alloc_f;
	size_t fstart;          /* start of the open field in fields */
	dv_buf raw;             /* the current row's bytes (keep_raw) */
	int state;              /* where in a field the scan is (csvrow.c) */
	bool in_row;            /* a row has begun and not ended */
	uint64_t line;          /* physical line of the next byte */
	uint64_t rec_line;      /* line where the current row starts */
	uint64_t rec_bytes;     /* bytes of the current row so far */
	uint32_t bad_quote;
	bool ascii;
	bool prev_cr;           /* the last byte seen was a '\r' line end */
	bool pending;           /* a row ended at a '\r' that ended the chunk */
	bool big;               /* the current row is over the cap: streaming */
	bool stop;              /* set by a callback: take no more bytes */
} dv_csvrd;

/*
 * Ready r: delimiter and quote (quoting false: no quote byte), cap on a
 * row's bytes (max_rec > 0), whether rows carry their raw bytes, the
 * callbacks (copied). Nothing is allocated until bytes are fed.
 */
void dv_csvrd_init(dv_csvrd *r, char delim, char quote, bool quoting,
		   size_t max_rec, bool keep_raw, const dv_csvrow_cb *cb);

/*
 * Feed the next n bytes of the input (any split: a row, a field or a
 * "\r\n" may span calls). Calls the callbacks for every row that ends.
 * Returns DCVAL_OK, DCVAL_ENOMEM, or the first status other than OK that
 * a callback returned; stops early when a callback sets r->stop.
 */
dcval_status dv_csvrd_feed(dv_csvrd *r, const char *p, size_t n);

/* The input ended: deliver the last row, if any. */
dcval_status dv_csvrd_finish(dv_csvrd *r);

/* Free what r holds. */
void dv_csvrd_release(dv_csvrd *r);

#endif

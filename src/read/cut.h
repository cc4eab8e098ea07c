/*
 * Record boundaries for parallel validation (read/par.c): where an input
 * may be cut into chunks that readers started afresh read exactly as one
 * reader reads the whole. A cut is always right after a '\n' that ends a
 * record (never between "\r" and "\n"): a csv row's line end outside
 * quotes (the state machine of csvrow.h, reduced to what decides
 * boundaries: field start, unquoted, quoted, quote seen), or any '\n' of
 * JSON Lines. The scan is sequential and resumable: bytes may come in any
 * pieces. It also counts physical lines as the readers do (csv: '\n',
 * "\r\n" and a lone '\r'; JSON Lines: '\n'), so that each chunk knows the
 * line it starts on.
 */
#ifndef DV_READ_CUT_H
#define DV_READ_CUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Sixteen bytes compared at once (cut.c). */
typedef signed char dv_cut_v16 __attribute__((vector_size(16)));

typedef struct dv_cut {
	bool csv;          /* csv rules, else JSON Lines */
	char delim;        /* csv delimiter */
	char quote;        /* csv quote */
	bool quoting;      /* false: no byte is a quote */
	int state;         /* csv: where in a field the scan is (cut.c) */
	bool prev_cr;      /* the last byte was '\r' */
	bool line_bytes;   /* csv: the current line has a byte (a row) */
	bool row_ended;    /* csv: a row ended since the last cut */
	uint64_t lines;    /* line ends scanned */
	dv_cut_v16 v_quote; /* csv: the quote (with quoting off: '\n') in each lane */
	dv_cut_v16 v_nl;    /* '\n' in each lane */
	dv_cut_v16 v_cr;    /* '\r' in each lane */
} dv_cut;

/* Ready c for csv (delimiter, quote, quoting) or JSON Lines. */
void dv_cut_init(dv_cut *c, bool csv, char delim, char quote, bool quoting);

/*
 * Scan p[0..n), the input's next bytes. Returns the position just after
 * the last cut in them (0 when there is none) and sets *lines to the line
 * ends before it; with `first_row`, the first cut after a csv row ended
 * (the end of a header) instead, and the scan stops there. At a returned
 * cut the scan state is that of the input's start; bytes after it were
 * scanned (do not give them again).
 */
size_t dv_cut_scan(dv_cut *c, const char *p, size_t n, bool first_row,
		   uint64_t *lines);

#endif

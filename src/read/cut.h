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

/* Where in a csv field the scan is (dv_cut.state). */
enum dv_cut_state {
	DV_CUT_FIELD_START = 0, /* at a field's first byte: a quote opens it */
	DV_CUT_UNQUOTED,        /* in an unquoted field: a quote is a byte */
	DV_CUT_QUOTED,          /* in a quoted field: only a quote matters */
	DV_CUT_QUOTE_SEEN       /* just after a quoted field's closing quote */
};

/*
 * How a csv scan finds its bytes (dv_cut.simd); a first_row scan, and
 * any with quoting off, takes the per-hit state machine whatever it
 * says. All give the same cuts, lines and state; dv_cut_init() picks the
 * fastest the CPU has, and a test may set another one that
 * dv_cut_simd_supported() accepts.
 */
enum dv_cut_simd {
	DV_CUT_SIMD_NONE = 0, /* the per-hit state machine only */
	DV_CUT_SIMD_BASE,     /* 64-byte masks: SSE2 on x86-64, else vector extension */
	DV_CUT_SIMD_AVX2,     /* x86-64 with AVX2, PCLMULQDQ, POPCNT, BMI1 */
	DV_CUT_SIMD_AVX512    /* x86-64 with AVX-512BW besides */
};

typedef struct dv_cut {
	bool csv;          /* csv rules, else JSON Lines */
	char delim;        /* csv delimiter */
	char quote;        /* csv quote */
	bool quoting;      /* false: no byte is a quote */
	int simd;          /* csv: enum dv_cut_simd */
	int state;         /* csv: enum dv_cut_state */
	bool prev_cr;      /* the last byte was '\r' */
	bool line_bytes;   /* csv: the current line has a byte (a row) */
	bool row_ended;    /* csv: a row ended since the last cut */
	uint64_t lines;    /* line ends scanned */
	dv_cut_v16 v_quote; /* csv: the quote (with quoting off: '\n') in each lane */
	dv_cut_v16 v_nl;    /* '\n' in each lane */
	dv_cut_v16 v_cr;    /* '\r' in each lane */
	dv_cut_v16 v_delim; /* csv: the delimiter in each lane */
} dv_cut;

/*
 * Ready c for csv (delimiter, quote, quoting) or JSON Lines, with the
 * fastest dv_cut_simd the CPU supports (DV_CUT_SIMD_NONE when the
 * delimiter or quote is '\n' or '\r', or both are one byte).
 */
void dv_cut_init(dv_cut *c, bool csv, char delim, char quote, bool quoting);

/* Whether this CPU can run dv_cut_simd `simd` (NONE and BASE: always). */
bool dv_cut_simd_supported(int simd);

/*
 * Scan p[0..n), the input's next bytes. Returns the position just after
 * the last cut in them (0 when there is none) and sets *lines to the line
 * ends before it; with `first_row`, the first cut after a csv row ended
 * (the end of a header) instead, and the scan stops there. At a returned
 * cut the scan state is that of the input's start; bytes after it were
 * scanned (do not give them again). After any call every field of c is
 * exact (state, prev_cr, line_bytes, row_ended, lines), so that calls may
 * mix first_row and not.
 */
size_t dv_cut_scan(dv_cut *c, const char *p, size_t n, bool first_row,
		   uint64_t *lines);

#endif

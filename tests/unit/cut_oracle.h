/*
 * The oracle of the record-boundary scan's differential tests
 * (tests/unit/test_cut.c, tests/fuzz/fuzz_cut.c): the csv boundary state
 * machine written out byte by byte, as plainly as it can be, from the
 * rules of csvrow.c's scan(), independently of src/read/cut.c (which
 * finds bytes by masks and parity). Its state is dv_cut's, field for
 * field, so a test compares them after every call.
 *
 * Rules: outside quotes, '\n' and '\r' end the line (a row when the line
 * had a byte) and a '\n' that does so is a cut (with first_row: only
 * when a row ended since the last cut). A quote opens a quoted field at
 * a field's start (after the delimiter, a line end, or a closing quote:
 * a doubled quote); in an unquoted field it is a byte. In a quoted field
 * only a quote matters: it closes the field. Lines: every '\r', and
 * every '\n' not right after '\r', inside quotes or not.
 *
 * Static functions in a header: each test is one translation unit.
 */
#ifndef DV_TESTS_CUT_ORACLE_H
#define DV_TESTS_CUT_ORACLE_H

#include <stdbool.h>
#include <stdint.h>

#include "read/cut.h"

struct cut_oracle {
	char delim;
	char quote;
	bool quoting;
	int state;       /* enum dv_cut_state */
	bool prev_cr;    /* the last byte was '\r' */
	bool line_bytes; /* the line has a byte */
	bool row_ended;  /* a row ended since the last cut */
	uint64_t lines;  /* line ends */
};

static inline void cut_oracle_init(struct cut_oracle *o, char delim,
				   char quote, bool quoting)
{
	o->delim = delim;
	o->quote = quote;
	o->quoting = quoting;
	o->state = DV_CUT_FIELD_START;
	o->prev_cr = false;
	o->line_bytes = false;
	o->row_ended = false;
	o->lines = 0;
}

/* One byte; true when it is a cut. */
static inline bool cut_oracle_byte(struct cut_oracle *o, char b,
				   bool first_row)
{
	bool q = o->quoting && b == o->quote;
	bool cut = false;

	if (b == '\r' || (b == '\n' && !o->prev_cr))
		o->lines++;
	o->prev_cr = b == '\r';
	if (o->state == DV_CUT_QUOTED) {
		if (q)
			o->state = DV_CUT_QUOTE_SEEN;
		o->line_bytes = true;
		return false;
	}
	if (b == '\n' || b == '\r') {
		if (o->line_bytes)
			o->row_ended = true;
		o->line_bytes = false;
		o->state = DV_CUT_FIELD_START;
		if (b == '\n' && (!first_row || o->row_ended)) {
			cut = true;
			o->row_ended = false;
		}
		return cut;
	}
	o->line_bytes = true;
	if (o->state == DV_CUT_UNQUOTED)
		o->state = b == o->delim ? DV_CUT_FIELD_START : DV_CUT_UNQUOTED;
	else /* DV_CUT_FIELD_START, DV_CUT_QUOTE_SEEN */
		o->state = q ? DV_CUT_QUOTED
			   : b == o->delim ? DV_CUT_FIELD_START
					   : DV_CUT_UNQUOTED;
	return false;
}

/*
 * What dv_cut_scan() must return for p[0..n): the last cut (the first
 * with first_row, where the oracle then stops), 0 for none; *lines the
 * line ends before it (untouched without a cut).
 */
static inline size_t cut_oracle_scan(struct cut_oracle *o, const char *p,
				     size_t n, bool first_row,
				     uint64_t *lines)
{
	size_t i, cut = 0;

	for (i = 0; i < n; i++) {
		if (!cut_oracle_byte(o, p[i], first_row))
			continue;
		cut = i + 1;
		*lines = o->lines;
		if (first_row)
			break;
	}
	return cut;
}

/* Whether c's state is the oracle's. */
static inline bool cut_oracle_same(const struct cut_oracle *o, const dv_cut *c)
{
	return c->state == o->state && c->prev_cr == o->prev_cr &&
	       c->line_bytes == o->line_bytes && c->row_ended == o->row_ended &&
	       c->lines == o->lines;
}

#endif

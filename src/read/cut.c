/*
 * Record boundaries; see cut.h. The csv states mirror csvrow.c's scan():
 * a quote opens a quoted field only at a field's start; in a quoted field
 * only a quote matters; after the closing quote a quote is a doubled
 * quote, the delimiter starts a field, a line end ends the row, anything
 * else continues the field unquoted.
 */
#include <stdint.h>
#include <string.h>

#include "read/cut.h"

enum { CUT_FIELD_START = 0, CUT_UNQUOTED, CUT_QUOTED, CUT_QUOTE_SEEN };

void dv_cut_init(dv_cut *c, bool csv, char delim, char quote, bool quoting)
{
	memset(c, 0, sizeof(*c));
	c->csv = csv;
	c->delim = delim;
	c->quote = quote;
	c->quoting = quoting;
	c->special[(unsigned char)delim] = true;
	c->special['\n'] = true;
	c->special['\r'] = true;
	if (quoting)
		c->special[(unsigned char)quote] = true;
}

/* Line ends among p[0..n), inside a quoted field: counted, nothing else
 * (a "\r\n" counts once, also across calls). */
static void count_quoted(dv_cut *c, const char *p, size_t n)
{
	const char *q = p, *end = p + n, *hit;

	if (!n)
		return;
	while ((hit = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		if (!(hit == p ? c->prev_cr : hit[-1] == '\r'))
			c->lines++;
		q = hit + 1;
	}
	for (q = p; (hit = memchr(q, '\r', (size_t)(end - q))) != NULL; q = hit + 1)
		c->lines++;
	c->prev_cr = end[-1] == '\r';
}

/* Where the next byte ch is at or after `from` (end: none), remembered
 * in *at (NULL: not searched yet) so that each byte is searched once. */
static const char *next_of(const char **at, const char *from,
			   const char *end, char ch)
{
	const char *hit;

	if (!*at || *at < from) {
		hit = memchr(from, ch, (size_t)(end - from));
		*at = hit ? hit : end;
	}
	return *at;
}

/* The scan's memchr positions within one call. */
struct dv_cutpos {
	const char *quote;
	const char *nl;
	const char *cr;
};

/*
 * Skip what cannot change the state: in a quoted field every byte up to
 * the next quote (its line ends counted); outside quotes every byte up to
 * the next quote or line end (the state after them: field start when the
 * last is the delimiter, else unquoted). Returns the new position.
 */
static size_t skip_run(dv_cut *c, const char *p, size_t n, size_t i,
		       struct dv_cutpos *at)
{
	const char *from = p + i, *end = p + n, *k;

	if (c->state == CUT_QUOTED) {
		k = next_of(&at->quote, from, end, c->quote);
		count_quoted(c, from, (size_t)(k - from));
		return (size_t)(k - p);
	}
	k = next_of(&at->nl, from, end, '\n');
	if (next_of(&at->cr, from, end, '\r') < k)
		k = at->cr;
	if (c->quoting && next_of(&at->quote, from, end, c->quote) < k)
		k = at->quote;
	if (k > from) {
		c->state = k[-1] == c->delim ? CUT_FIELD_START : CUT_UNQUOTED;
		c->line_bytes = true;
		c->prev_cr = false;
	}
	return (size_t)(k - p);
}

/* JSON Lines: every '\n' is a cut. */
static size_t scan_lines(dv_cut *c, const char *p, size_t n, uint64_t *lines)
{
	const char *q = p, *end = p + n, *nl;
	size_t cut = 0;

	while ((nl = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		c->lines++;
		q = nl + 1;
		cut = (size_t)(q - p);
	}
	if (cut)
		*lines = c->lines;
	return cut;
}

/* A csv line end byte b (outside quotes): count it; a '\n' is a cut. */
static bool line_end(dv_cut *c, char b)
{
	if (!(b == '\n' && c->prev_cr))
		c->lines++;
	if (c->line_bytes)
		c->row_ended = true;
	c->line_bytes = false;
	c->state = CUT_FIELD_START;
	return b == '\n';
}

/* One csv byte that is not a line end, outside or inside quotes. */
static void csv_byte(dv_cut *c, char b)
{
	bool q = c->quoting && b == c->quote;

	c->line_bytes = true;
	switch (c->state) {
	case CUT_FIELD_START:
		c->state = q ? CUT_QUOTED : b == c->delim ? CUT_FIELD_START
							  : CUT_UNQUOTED;
		break;
	case CUT_UNQUOTED:
		if (b == c->delim)
			c->state = CUT_FIELD_START;
		break;
	case CUT_QUOTED:
		if (q)
			c->state = CUT_QUOTE_SEEN;
		break;
	default: /* CUT_QUOTE_SEEN */
		c->state = q ? CUT_QUOTED : b == c->delim ? CUT_FIELD_START
							  : CUT_UNQUOTED;
		break;
	}
}

size_t dv_cut_scan(dv_cut *c, const char *p, size_t n, bool first_row,
		   uint64_t *lines)
{
	struct dv_cutpos at = { NULL, NULL, NULL };
	size_t i, cut = 0;

	if (!c->csv)
		return scan_lines(c, p, n, lines);
	for (i = 0; i < n; i++) {
		char b;

		i = skip_run(c, p, n, i, &at);
		if (i == n)
			break;
		b = p[i];
		if ((b == '\n' || b == '\r') && c->state != CUT_QUOTED) {
			if (line_end(c, b) && (!first_row || c->row_ended)) {
				cut = i + 1;
				*lines = c->lines;
				c->row_ended = false;
				if (first_row) {
					c->prev_cr = false;
					return cut;
				}
			}
		} else {
			if (b == '\n' && !c->prev_cr)
				c->lines++;
			else if (b == '\r')
				c->lines++;
			csv_byte(c, b);
		}
		c->prev_cr = b == '\r';
	}
	return cut;
}

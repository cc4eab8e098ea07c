/*
 * Differential fuzz target: dcval's CSV row reader (src/read/csvrow.c)
 * against bare libcsv, the parser dcval used before (the oracle).
 *
 * Both must give the same rows and the same field bytes wherever their
 * rules agree, which is
 *  - every input when quoting is off on dcval's side (libcsv then gets a
 *    quote byte that does not occur in the input);
 *  - every input in which no quote goes wrong: no text after a closing
 *    quote, no quoted field open at the end (libcsv, not strict, keeps
 *    such a field quoted and swallows the lines after it; dcval, as
 *    Python's csv module, does not: there they must differ).
 * Three dialects: ',' and '"'; tab and '\''; ';' with quoting off.
 * dcval's reader gets the input in pieces whose size comes from the
 * input's first byte, so rows, fields and "\r\n" are split across feeds;
 * libcsv gets it whole. A leading byte order mark is dropped for libcsv,
 * as dcval's CSV reader skips it before the rows.
 */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "read/csvrow.h"
#include "util/alloc.h"

/* Rows as one text: per field "<len>:<bytes>", per row "\n"; malformed
 * rows marked. */
struct dump {
	char *p;
	size_t n;
	size_t cap;
	bool bad;          /* a row whose quoting went wrong */
	size_t nf_row;     /* libcsv: fields in the current row */
};

static void put(struct dump *d, const void *s, size_t n)
{
	if (d->n + n + 1 > d->cap) {
		d->cap = (d->n + n + 1) * 2 + 256;
		d->p = realloc(d->p, d->cap);
		FUZZ_ASSERT(d->p);
	}
	memcpy(d->p + d->n, s, n);
	d->n += n;
}

static void put_field(struct dump *d, const char *s, size_t n)
{
	char head[32];
	int k = snprintf(head, sizeof(head), "%zu:", n);

	put(d, head, (size_t)k);
	put(d, s, n);
}

static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	struct dump *d = ctx;
	size_t i;

	if (row->bad_quote || row->unterminated)
		d->bad = true;
	for (i = 0; i < row->nf; i++)
		put_field(d, row->buf + row->off[i], row->len[i]);
	put(d, "\n", 1);
	return DCVAL_OK;
}

static dcval_status on_big(void *ctx, dv_csvbig ev, uint64_t line,
			   const char *p, size_t n)
{
	(void)ctx;
	(void)ev;
	(void)line;
	(void)p;
	(void)n;
	FUZZ_ASSERT(!"no row may reach the cap");
	return DCVAL_OK;
}

static void oracle_field(void *s, size_t n, void *ctx)
{
	put_field(ctx, s, n);
}

static void oracle_row(int c, void *ctx)
{
	(void)c;
	put(ctx, "\n", 1);
}

static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void run_oracle(const uint8_t *data, size_t size, char delim,
		       unsigned char quote, struct dump *d)
{
	struct csv_parser p;

	FUZZ_ASSERT(csv_init(&p, 0) == 0);
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_quote(&p, quote);
	csv_set_space_func(&p, never_space);
	FUZZ_ASSERT(csv_parse(&p, data, size, oracle_field, oracle_row, d) == size);
	csv_fini(&p, oracle_field, oracle_row, d);
	csv_free(&p);
}

static void run_dcval(const uint8_t *data, size_t size, char delim, char quote,
		      bool quoting, size_t piece, struct dump *d)
{
	dv_csvrow_cb cb = { on_row, on_big, d };
	dv_csvrd r;
	size_t pos = 0, n;

	dv_csvrd_init(&r, delim, quote, quoting, size + 1, true, &cb);
	while (pos < size) {
		n = size - pos < piece ? size - pos : piece;
		FUZZ_ASSERT(dv_csvrd_feed(&r, (const char *)data + pos, n) == DCVAL_OK);
		pos += n;
	}
	FUZZ_ASSERT(dv_csvrd_finish(&r) == DCVAL_OK);
	dv_csvrd_release(&r);
}

/* A byte that does not occur in data and is no delimiter or line end,
 * or -1 when every byte occurs. */
static int absent_byte(const uint8_t *data, size_t size, char delim)
{
	bool seen[256] = { false };
	size_t i;
	int b;

	for (i = 0; i < size; i++)
		seen[data[i]] = true;
	for (b = 1; b < 256; b++)
		if (!seen[b] && b != (unsigned char)delim && b != '\r' && b != '\n')
			return b;
	return -1;
}

static void one(const uint8_t *data, size_t size, char delim, char quote,
		bool quoting, size_t piece)
{
	struct dump got = { 0 }, want = { 0 };
	size_t bom = fuzz_bom(data, size);
	int oq = quoting ? (unsigned char)quote : absent_byte(data, size, delim);

	if (oq < 0)
		return;
	run_dcval(data + bom, size - bom, delim, quote, quoting, piece, &got);
	run_oracle(data + bom, size - bom, delim, (unsigned char)oq, &want);
	if (!got.bad) {
		if (got.n != want.n || (got.n && memcmp(got.p, want.p, got.n) != 0)) {
			fprintf(stderr, "dcval:  %.*s\nlibcsv: %.*s\n", (int)got.n,
				got.p ? got.p : "", (int)want.n, want.p ? want.p : "");
			FUZZ_ASSERT(!"dcval and libcsv read different rows");
		}
	}
	FUZZ_ASSERT(quoting || !got.bad);
	free(got.p);
	free(want.p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t piece = size ? (size_t)data[0] % 7 + 1 : 1;

	one(data, size, ',', '"', true, piece);
	one(data, size, '\t', '\'', true, size ? size : 1);
	one(data, size, ';', '"', false, piece + 2);
	return 0;
}

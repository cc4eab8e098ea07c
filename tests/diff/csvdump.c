/*
 * csvdump: print the rows dcval's CSV reader finds in files, for the
 * differential test against Python's csv module (tests/diff/csvdiff.py).
 *
 *   csvdump [-d DELIM] [-q QUOTE | -n] [-c PIECE] FILE ...
 *
 * -d: delimiter byte (default ','); -q: quote byte (default '"'); -n: no
 * quoting (input.quote: null); -c: feed the reader PIECE bytes at a time
 * (default 262144, the size of dcval's input chunks), so rows, fields and
 * "\r\n" pairs are split across feeds; -c 0: file number i (from 0) is fed
 * in pieces of PIECES[i % 7] bytes. A leading UTF-8 byte order mark is
 * skipped, as src/read/csv.c does.
 *
 * Output, binary-safe: "F INDEX PIECE\n" before each file, then per row
 *   R LINE NFIELDS MALFORMED RAWLEN\n  then per field LEN\n BYTES \n
 * LINE is the physical line where the row starts, MALFORMED 1 when its
 * quoting went wrong (text after a closing quote, or a quoted field open at
 * the end), RAWLEN the number of the row's bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/csvrow.h"

static dcval_status on_row(void *ctx, const dv_csvrow *row)
{
	FILE *out = ctx;
	size_t i;

	fprintf(out, "R %llu %zu %d %zu\n", (unsigned long long)row->line,
		row->nf, row->bad_quote || row->unterminated, row->raw_len);
	for (i = 0; i < row->nf; i++) {
		fprintf(out, "%zu\n", row->len[i]);
		fwrite(row->buf + row->off[i], 1, row->len[i], out);
		fputc('\n', out);
	}
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
	return DCVAL_EINTERNAL; /* the cap is above any input here */
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	return buf;
}

static const size_t pieces[7] = { 1, 2, 3, 5, 8, 13, 262144 };

/* Rows of one file; 0 on success. */
static int dump(const char *path, char delim, char quote, bool quoting,
		size_t piece)
{
	dv_csvrow_cb cb = { on_row, on_big, stdout };
	size_t len, pos, bom, n;
	dv_csvrd r;
	char *buf;
	int rc = 0;

	buf = slurp(path, &len);
	if (!buf) {
		perror(path);
		return 1;
	}
	bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	dv_csvrd_init(&r, delim, quote, quoting, len + 1, true, &cb);
	for (pos = bom; pos < len && rc == 0; pos += n) {
		n = len - pos < piece ? len - pos : piece;
		rc = dv_csvrd_feed(&r, buf + pos, n) != DCVAL_OK;
	}
	if (rc == 0)
		rc = dv_csvrd_finish(&r) != DCVAL_OK;
	dv_csvrd_release(&r);
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	char delim = ',', quote = '"';
	bool quoting = true;
	size_t piece = 262144, p;
	int opt, rc = 0, i;

	while ((opt = getopt(argc, argv, "c:d:nq:")) != -1) {
		switch (opt) {
		case 'c':
			piece = strtoul(optarg, NULL, 10);
			break;
		case 'd':
			delim = optarg[0];
			break;
		case 'n':
			quoting = false;
			break;
		case 'q':
			quote = optarg[0];
			break;
		default:
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: csvdump [-d DELIM] [-q QUOTE | -n] [-c PIECE] FILE ...\n");
		return 2;
	}
	for (i = optind; i < argc && rc == 0; i++) {
		p = piece ? piece : pieces[(size_t)(i - optind) % 7];
		printf("F %d %zu\n", i - optind, p);
		rc = dump(argv[i], delim, quote, quoting, p);
	}
	if (fflush(stdout) != 0 || rc)
		return 1;
	return 0;
}

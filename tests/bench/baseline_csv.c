/*
 * Bare parse baseline for CSV: libcsv, the parser dcval used before its
 * own reader (src/read/csvrow.c), with the options dcval gave it (no space
 * trimming, 4 KiB block growth), fed 256 KiB
 * chunks as dcval's reader is, counting fields and rows and doing nothing
 * else. dcval's CSV throughput is reported as a share of this one's.
 *
 *   baseline_csv FILE     prints "rows=R fields=F" (rows include the header)
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

#define CHUNK (256 * 1024)

struct counts {
	unsigned long long fields, rows;
};

static void on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

int main(int argc, char **argv)
{
	struct csv_parser p;
	struct counts n = { 0, 0 };
	static char buf[CHUNK];
	size_t got;
	FILE *f;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: baseline_csv FILE\n");
		return 2;
	}
	if (csv_init(&p, 0) != 0)
		return 4;
	csv_set_space_func(&p, never_space);
	csv_set_blk_size(&p, 4096);
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		if (csv_parse(&p, buf, got, on_field, on_row, &n) != got) {
			fprintf(stderr, "baseline_csv: %s\n", csv_strerror(csv_error(&p)));
			return 1;
		}
	}
	csv_fini(&p, on_field, on_row, &n);
	csv_free(&p);
	fclose(f);
	printf("rows=%llu fields=%llu\n", n.rows, n.fields);
	return 0;
}

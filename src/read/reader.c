/*
 * The table of input formats; see reader.h.
 */
#include <string.h>
#include <strings.h>

#include "read/decomp.h"
#include "read/reader.h"
#include "read/source.h"

static const char *const csv_exts[] = { ".csv", NULL };
static const char *const tsv_exts[] = { ".tsv", ".tab", NULL };
static const char *const jsonl_exts[] = { ".jsonl", ".ndjson", NULL };
static const char *const json_exts[] = { ".json", NULL };

static const dv_reader readers[] = {
	{ DCVAL_FORMAT_CSV, csv_exts, dv_csv_read },
	{ DCVAL_FORMAT_TSV, tsv_exts, dv_tsv_read },
	{ DCVAL_FORMAT_JSONL, jsonl_exts, dv_jsonl_read },
	{ DCVAL_FORMAT_JSON, json_exts, dv_json_read },
};

#define N_READERS (sizeof(readers) / sizeof(readers[0]))

const dv_reader *dv_reader_get(dcval_format f)
{
	size_t i;

	for (i = 0; i < N_READERS; i++)
		if (readers[i].format == f)
			return &readers[i];
	return NULL;
}

dcval_format dv_reader_by_path(const char *path)
{
	size_t n = strlen(path), k, i, j;

	/* events.csv.gz is csv: the format is named under the suffix */
	dv_decomp_by_name(path, &k);
	n -= k;
	for (i = 0; i < N_READERS; i++) {
		for (j = 0; readers[i].exts[j]; j++) {
			k = strlen(readers[i].exts[j]);
			if (n > k && strncasecmp(path + n - k, readers[i].exts[j], k) == 0)
				return readers[i].format;
		}
	}
	return DCVAL_FORMAT_AUTO;
}

dcval_format dv_reader_sniff(const dv_source *src)
{
	const unsigned char *p = (const unsigned char *)src->chunk;
	size_t i;

	for (i = dv_source_bom(src); i < src->len; i++) {
		if (p[i] == '{')
			return DCVAL_FORMAT_JSONL;
		if (p[i] == '[')
			return DCVAL_FORMAT_JSON;
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			break;
	}
	return DCVAL_FORMAT_CSV;
}

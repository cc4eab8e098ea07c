/*
 * Validator life cycle and inputs: create, run one input (choose its
 * format, hand it to a reader), finish (row_count), free.
 */
#include <errno.h>
#include <string.h>

#include "engine/engine_impl.h"
#include "read/decomp.h"
#include "read/source.h"
#include "util/alloc.h"
#include "util/error.h"

#define DV_DEFAULT_MAX_FIELD (16u * 1024 * 1024)
#define DV_DEFAULT_MAX_LINE (64u * 1024 * 1024)

static dcval_status alloc_per_column(dv_engine *e)
{
	size_t n = e->c->n_columns;

	e->values = dv_calloc(n, sizeof(*e->values));
	e->typed = dv_calloc(n, sizeof(*e->typed));
	e->has_typed = dv_calloc(n, sizeof(*e->has_typed));
	e->col_skip = dv_calloc(n, sizeof(*e->col_skip));
	e->md = pcre2_match_data_create(1, NULL);
	if (!e->values || !e->typed || !e->has_typed || !e->col_skip || !e->md)
		return DCVAL_ENOMEM;
	return DCVAL_OK;
}

dcval_validator *dcval_validator_new(const dcval_contract *contract,
				     const dcval_validate_opts *opts,
				     dcval_error *err)
{
	dv_engine *e;

	if (!contract)
		return NULL;
	e = dv_calloc(1, sizeof(*e));
	if (!e)
		goto out_nomem;
	e->c = contract;
	if (opts)
		e->opts = *opts;
	if (!e->opts.max_field_bytes)
		e->opts.max_field_bytes = DV_DEFAULT_MAX_FIELD;
	if (!e->opts.max_line_bytes)
		e->opts.max_line_bytes = DV_DEFAULT_MAX_LINE;
	dv_buf_init(&e->key, (size_t)1 << 30);
	dv_buf_init(&e->text, (size_t)1 << 20);
	dv_buf_init(&e->q_header, e->opts.max_field_bytes + 4096);
	if (alloc_per_column(e) != DCVAL_OK || dv_dataset_init(e) != DCVAL_OK)
		goto out_free;
	return e;

out_free:
	dcval_validator_free(e);
out_nomem:
	dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

void dcval_validator_free(dcval_validator *e)
{
	size_t i;

	if (!e)
		return;
	for (i = 0; i < e->n_inputs; i++)
		dv_free((char *)e->inputs[i].path);
	dv_free(e->inputs);
	dv_free(e->field_map);
	dv_free(e->col_skip);
	dv_free(e->values);
	dv_free(e->typed);
	dv_free(e->has_typed);
	dv_dataset_release(e);
	dv_buf_release(&e->key);
	dv_buf_release(&e->text);
	dv_buf_release(&e->q_header);
	pcre2_match_data_free(e->md);
	dv_free(e);
}

/* Append an input record; it becomes e->cur. */
static dcval_status add_input(dv_engine *e, const char *path)
{
	dcval_input_info *in;
	char *copy = dv_strndup(path, strlen(path));

	if (!copy)
		return DCVAL_ENOMEM;
	if (e->n_inputs == e->alloc_inputs) {
		size_t n = e->alloc_inputs ? e->alloc_inputs * 2 : 4;

		in = dv_reallocarray(e->inputs, n, sizeof(*in));
		if (!in) {
			dv_free(copy);
			return DCVAL_ENOMEM;
		}
		e->inputs = in;
		e->alloc_inputs = n;
	}
	in = &e->inputs[e->n_inputs++];
	memset(in, 0, sizeof(*in));
	in->path = copy;
	e->cur = in;
	return DCVAL_OK;
}

dcval_status dcval_validator_input_failed(dcval_validator *e, const char *path,
					  dcval_status status,
					  const char *message)
{
	dcval_status st = add_input(e, path);

	if (st != DCVAL_OK)
		return st;
	e->cur->status = status;
	snprintf(e->cur->error, sizeof(e->cur->error), "%s", message);
	e->cur = NULL;
	return DCVAL_OK;
}

/* Format from the file name's extension, AUTO when it says nothing. */
static dcval_format format_from_path(const char *path)
{
	static const struct {
		const char *ext;
		dcval_format f;
	} exts[] = {
		{ ".csv", DCVAL_FORMAT_CSV },	  { ".tsv", DCVAL_FORMAT_TSV },
		{ ".tab", DCVAL_FORMAT_TSV },	  { ".jsonl", DCVAL_FORMAT_JSONL },
		{ ".ndjson", DCVAL_FORMAT_JSONL }, { ".json", DCVAL_FORMAT_JSON },
	};
	size_t n = strlen(path), i, k;

	/* events.csv.gz is csv: the format is named under the suffix */
	dv_decomp_by_name(path, &k);
	n -= k;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		k = strlen(exts[i].ext);
		if (n > k && strncasecmp(path + n - k, exts[i].ext, k) == 0)
			return exts[i].f;
	}
	return DCVAL_FORMAT_AUTO;
}

/* Format from content: the first byte that is not space or a BOM. */
static dcval_format format_from_content(const dv_source *src)
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

static dcval_format choose_format(const dv_engine *e, const char *path,
				  const dv_source *src)
{
	dcval_format f = e->opts.format;

	if (f == DCVAL_FORMAT_AUTO)
		f = e->c->format;
	if (f == DCVAL_FORMAT_AUTO && strcmp(path, "-") != 0)
		f = format_from_path(path);
	if (f == DCVAL_FORMAT_AUTO)
		f = format_from_content(src);
	return f;
}

static dcval_status read_input(dv_engine *e, dv_source *src, dcval_error *err)
{
	char delim;

	switch (e->cur->format) {
	case DCVAL_FORMAT_JSONL:
		return dv_jsonl_read(e, src, err);
	case DCVAL_FORMAT_JSON:
		return dv_json_read(e, src, err);
	case DCVAL_FORMAT_TSV:
		delim = e->c->delimiter_set ? e->c->delimiter : '\t';
		return dv_csv_read(e, src, delim, err);
	default:
		delim = e->c->delimiter_set ? e->c->delimiter : ',';
		return dv_csv_read(e, src, delim, err);
	}
}

/* dv_source's on_chunk: pass the current input's progress to the caller. */
static void chunk_progress(void *ctx, uint64_t bytes)
{
	dv_engine *e = ctx;

	e->opts.on_progress(e->opts.progress_ud, e->cur->path, bytes,
			    e->cur->counts.records);
}

/*
 * Corrupt or truncated compressed data: the records before the fault
 * were checked; a record it cuts was never handed to the reader whole,
 * so it is not checked (nor quarantined): the message says so.
 */
static dcval_status input_fault(dv_engine *e, const dv_source *src,
				dcval_error *err)
{
	unsigned long long n = e->cur->counts.records;

	if (src->decompressed == 0)
		return dv_error_set(err, DCVAL_EIO, src->path, 0, 0, "%s",
				    src->fault);
	return dv_error_set(err, DCVAL_EIO, src->path, 0, 0,
			    "%s after %llu record%s; a record cut by it is not "
			    "checked",
			    src->fault, n, n == 1 ? "" : "s");
}

dcval_status dcval_validator_run(dcval_validator *e, const char *path, FILE *in,
				 dcval_error *err)
{
	dv_source src;
	dcval_status st;

	st = add_input(e, path);
	if (st != DCVAL_OK)
		return dv_error_set(err, st, NULL, 0, 0, "out of memory");
	if (dv_source_init(&src, in, path) != DCVAL_OK) {
		st = dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (e->opts.on_progress) {
		src.on_chunk = chunk_progress;
		src.chunk_ctx = e;
	}
	memset(e->col_skip, 0, e->c->n_columns * sizeof(*e->col_skip));
	e->n_field_map = 0;
	st = dv_source_next(&src);
	e->cur->compression = src.compression;
	if (st == DCVAL_OK) {
		e->cur->format = choose_format(e, path, &src);
		st = read_input(e, &src, err);
	}
	if (src.err) {
		st = DCVAL_EIO;
		dv_error_set(err, st, path, 0, 0, "read error: %s",
			     strerror(src.err));
	} else if (src.fault[0] && st != DCVAL_STOP) {
		st = input_fault(e, &src, err);
	}
	e->cur->bytes = src.bytes;
	/* a write error on an output (EIO with err unset) is not the input's */
	if ((st == DCVAL_EIO && (src.err || (err && err->status == DCVAL_EIO))) ||
	    st == DCVAL_ENOMEM) {
		e->cur->status = st;
		snprintf(e->cur->error, sizeof(e->cur->error), "%s",
			 err && err->status ? err->text : dcval_status_str(st));
	}
	dv_source_release(&src);
out:
	e->cur = NULL;
	return st;
}

dcval_status dcval_validator_finish(dcval_validator *e)
{
	const struct dcval_contract *c = e->c;
	char detail[160];
	uint64_t n = e->total.records;

	if (c->has_row_count_min && n < c->row_count_min) {
		snprintf(detail, sizeof(detail),
			 "%llu record%s, fewer than the minimum %llu",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 (unsigned long long)c->row_count_min);
		return dv_engine_emit(e, NULL, DV_R_ROW_COUNT, DCVAL_SEVERITY_ERROR,
				      0, NULL, NULL, 0, false, detail);
	}
	if (c->has_row_count_max && n > c->row_count_max) {
		snprintf(detail, sizeof(detail),
			 "%llu record%s, more than the maximum %llu",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 (unsigned long long)c->row_count_max);
		return dv_engine_emit(e, NULL, DV_R_ROW_COUNT, DCVAL_SEVERITY_ERROR,
				      0, NULL, NULL, 0, false, detail);
	}
	return DCVAL_OK;
}

const dcval_counts *dcval_validator_counts(const dcval_validator *e)
{
	return &e->total;
}

const dcval_input_info *dcval_validator_inputs(const dcval_validator *e,
					       size_t *n)
{
	*n = e->n_inputs;
	return e->inputs;
}

const struct dcval_contract *dv_engine_contract(const dv_engine *e)
{
	return e->c;
}

bool dv_engine_wants_raw(const dv_engine *e)
{
	return e->opts.valid_out || e->opts.invalid_out;
}

size_t dv_engine_max_field(const dv_engine *e)
{
	return e->opts.max_field_bytes;
}

size_t dv_engine_max_line(const dv_engine *e)
{
	return e->opts.max_line_bytes;
}

/*
 * Validator life cycle and inputs: create, begin and end one input (the
 * reading itself is read/run.c's), finish (row_count), free.
 */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "engine/colstats.h"
#include "engine/drift.h"
#include "engine/dsstats.h"
#include "engine/engine_impl.h"
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
	if (!e->opts.has_now) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		e->opts.now_secs = (int64_t)ts.tv_sec;
		e->opts.now_ns = (int32_t)ts.tv_nsec;
		e->opts.has_now = true;
	}
	dv_buf_init(&e->key, (size_t)1 << 30);
	dv_buf_init(&e->text, (size_t)1 << 20);
	dv_buf_init(&e->q_header, e->opts.max_field_bytes + 4096);
	if (alloc_per_column(e) != DCVAL_OK || dv_dataset_init(e) != DCVAL_OK ||
	    dv_dsstats_new(e, &e->ds) != DCVAL_OK || dv_drift_init(e) != DCVAL_OK)
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
	dv_keyset_free(e->extra_seen);
	dv_dsstats_free(e->ds);
	dv_engine_stats_release(e);
	dv_drift_release(e);
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
	dcval_status st;

	if (e->cur) /* an open session (session.h) */
		return DCVAL_EUSAGE;
	st = add_input(e, path);
	if (st != DCVAL_OK)
		return st;
	e->cur->status = status;
	snprintf(e->cur->error, sizeof(e->cur->error), "%s", message);
	e->cur = NULL;
	return DCVAL_OK;
}

dv_input *dv_engine_input_begin(dv_engine *e, const char *path)
{
	if (add_input(e, path) != DCVAL_OK)
		return NULL;
	memset(e->col_skip, 0, e->c->n_columns * sizeof(*e->col_skip));
	e->n_field_map = 0;
	dv_keyset_free(e->extra_seen);
	e->extra_seen = NULL;
	return e->cur;
}

void dv_engine_input_end(dv_engine *e)
{
	dv_dsstats_input_end(e);
	e->cur = NULL;
}

void dv_engine_now(const dv_engine *e, int64_t *secs, int32_t *ns)
{
	*secs = e->opts.now_secs;
	*ns = e->opts.now_ns;
}

dcval_format dv_engine_forced_format(const dv_engine *e)
{
	return e->opts.format;
}

bool dv_engine_wants_progress(const dv_engine *e)
{
	return e->opts.on_progress != NULL;
}

void dv_engine_progress(dv_engine *e, uint64_t bytes)
{
	e->opts.on_progress(e->opts.progress_ud, e->cur->path, bytes,
			    e->cur->counts.records);
}

static dcval_status row_count(dcval_validator *e)
{
	const struct dcval_contract *c = e->c;
	dcval_status st = DCVAL_OK;
	char detail[160];
	uint64_t n = e->total.records;

	if (c->has_row_count_min && n < c->row_count_min) {
		snprintf(detail, sizeof(detail),
			 "%llu record%s, fewer than the minimum %llu",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 (unsigned long long)c->row_count_min);
		st = dv_engine_emit(e, NULL, DV_R_ROW_COUNT, DCVAL_SEVERITY_ERROR,
				    0, NULL, NULL, 0, false, detail);
	} else if (c->has_row_count_max && n > c->row_count_max) {
		snprintf(detail, sizeof(detail),
			 "%llu record%s, more than the maximum %llu",
			 (unsigned long long)n, n == 1 ? "" : "s",
			 (unsigned long long)c->row_count_max);
		st = dv_engine_emit(e, NULL, DV_R_ROW_COUNT, DCVAL_SEVERITY_ERROR,
				    0, NULL, NULL, 0, false, detail);
	}
	return st;
}

/* Dataset-level checks in the order of the brief: row_count, the
 * dataset.columns entries, freshness (dsfinish.c), then drift. */
dcval_status dcval_validator_finish(dcval_validator *e)
{
	dcval_status st = row_count(e);

	if (st == DCVAL_OK)
		st = dv_dsstats_finish(e);
	if (st == DCVAL_OK)
		st = dv_drift_finish(e);
	return st;
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

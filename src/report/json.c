/*
 * The json report: one document, versioned by report_version (spec
 * cli.md "Report formats"). The document is written at the end, but the
 * violations arrive one by one: each listed violation's object is
 * written to a temporary file as it arrives and copied into the document
 * at the end, so memory stays flat however many are listed.
 *
 *   {
 *     "report_version": 1,
 *     "tool": {"name": "dcval", "version": "0.1.0"},
 *     "contract": {"name": ..., "version": ..., "owner": ..., "source": ..., "sha256": ...},
 *     "valid": false,
 *     "inputs": [
 *       {"path": ..., "format": ..., "bytes": ..., "compression": ..., "records": ...,
 *        "errors": ..., "warnings": ..., "invalid_records": ...,
 *        "error": only when unreadable}
 *     ],
 *     "counts": {"records": ..., "invalid_records": ..., "errors": ..., "warnings": ...},
 *     "rules": [
 *       {"rule": ..., "column": ..., "severity": ..., "count": ..., "examples": [...]}
 *     ],
 *     "violations": [
 *       {"path": ..., "record": ..., "line": ..., "field": ..., "column": ...,
 *        "rule": ..., "severity": ..., "value": ..., "message": ...}
 *     ],
 *     "truncated": false
 *   }
 *
 * (each element of inputs, rules and violations on one line). Absent
 * strings and zero record, line and field are null; severity is "error"
 * or "warn"; value is the display value (cut to 80 bytes, the "..." of a
 * cut value included, "<redacted>" for sensitive columns). valid is
 * false when there was an error or an input could not be read. path is
 * null for a dataset-level violation (row_count) of a run of several
 * inputs.
 */
#include <string.h>

#include "report/jsonw.h"
#include "report/report_impl.h"
#include "util/alloc.h"

/* Zero is "none": null. */
static void uint_or_null(dv_jsonw *w, uint64_t n)
{
	if (n)
		dv_jsonw_uint(w, n);
	else
		dv_jsonw_null(w);
}

dcval_status dv_report_json_violation(dv_jsonw *w, dcval_report *r,
				      const dcval_violation *v)
{
	char show[DV_REPORT_SHOW_RAW];
	size_t n;
	dcval_status st = dv_report_message(v, &r->msg);

	if (st != DCVAL_OK)
		return st;
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "path");
	dv_jsonw_cstr(w, v->path);
	dv_jsonw_key(w, "record");
	uint_or_null(w, v->record);
	dv_jsonw_key(w, "line");
	uint_or_null(w, v->line);
	dv_jsonw_key(w, "field");
	uint_or_null(w, v->field);
	dv_jsonw_key(w, "column");
	dv_jsonw_cstr(w, v->column);
	dv_jsonw_key(w, "rule");
	dv_jsonw_cstr(w, v->rule);
	dv_jsonw_key(w, "severity");
	dv_jsonw_cstr(w, dcval_severity_name(v->severity));
	dv_jsonw_key(w, "value");
	if (v->value) {
		n = dcval_violation_value(v, false, show, sizeof(show));
		dv_jsonw_str(w, show, n);
	} else {
		dv_jsonw_null(w);
	}
	dv_jsonw_key(w, "message");
	dv_jsonw_str(w, r->msg.data, r->msg.len);
	dv_jsonw_end(w);
	return dv_jsonw_status(w);
}

void dv_report_json_contract(dv_jsonw *w, const dv_report_run *run)
{
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "name");
	dv_jsonw_cstr(w, run->contract_name);
	dv_jsonw_key(w, "version");
	dv_jsonw_cstr(w, run->contract_version);
	dv_jsonw_key(w, "owner");
	dv_jsonw_cstr(w, run->contract_owner);
	dv_jsonw_key(w, "source");
	dv_jsonw_cstr(w, run->contract_source);
	dv_jsonw_key(w, "sha256");
	dv_jsonw_cstr(w, run->contract_sha256);
	dv_jsonw_end(w);
}

static void json_input(dv_jsonw *w, const dcval_input_info *in)
{
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "path");
	dv_jsonw_cstr(w, in->path);
	dv_jsonw_key(w, "format");
	dv_jsonw_cstr(w, in->format == DCVAL_FORMAT_AUTO ?
				 NULL : dcval_format_name(in->format));
	dv_jsonw_key(w, "bytes");
	dv_jsonw_uint(w, in->bytes);
	dv_jsonw_key(w, "compression");
	dv_jsonw_cstr(w, dcval_compression_name(in->compression));
	dv_jsonw_key(w, "records");
	dv_jsonw_uint(w, in->counts.records);
	dv_jsonw_key(w, "errors");
	dv_jsonw_uint(w, in->counts.errors);
	dv_jsonw_key(w, "warnings");
	dv_jsonw_uint(w, in->counts.warnings);
	dv_jsonw_key(w, "invalid_records");
	dv_jsonw_uint(w, in->counts.invalid_records);
	if (in->status != DCVAL_OK) {
		dv_jsonw_key(w, "error");
		dv_jsonw_cstr(w, in->error[0] ? in->error :
						dcval_status_str(in->status));
	}
	dv_jsonw_end(w);
}

void dv_report_json_counts(dv_jsonw *w, const dcval_counts *c)
{
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "records");
	dv_jsonw_uint(w, c->records);
	dv_jsonw_key(w, "invalid_records");
	dv_jsonw_uint(w, c->invalid_records);
	dv_jsonw_key(w, "errors");
	dv_jsonw_uint(w, c->errors);
	dv_jsonw_key(w, "warnings");
	dv_jsonw_uint(w, c->warnings);
	dv_jsonw_end(w);
}

static void json_rule(dv_jsonw *w, const dv_report_agg *a)
{
	unsigned i;

	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "rule");
	dv_jsonw_cstr(w, a->rule);
	dv_jsonw_key(w, "column");
	dv_jsonw_cstr(w, a->column);
	dv_jsonw_key(w, "severity");
	dv_jsonw_cstr(w, dcval_severity_name(a->severity));
	dv_jsonw_key(w, "count");
	dv_jsonw_uint(w, a->count);
	dv_jsonw_key(w, "examples");
	dv_jsonw_array(w, false);
	if (a->redacted)
		dv_jsonw_cstr(w, "<redacted>");
	for (i = 0; i < a->n_examples; i++)
		dv_jsonw_str(w, a->examples[i].text, a->examples[i].len);
	dv_jsonw_end(w);
	dv_jsonw_end(w);
}

/*
 * The run is valid when it found no error and read every input to its
 * end: data that could not be read was not checked (exit 3), so it
 * cannot be called valid.
 */
bool dv_report_run_valid(const dv_report_run *run)
{
	size_t i;

	for (i = 0; i < run->n_inputs; i++)
		if (run->inputs[i].status != DCVAL_OK)
			return false;
	return run->counts.errors == 0;
}

void dv_report_json_members(dv_jsonw *w, const dcval_report *r,
			    const dv_report_run *run, bool pretty)
{
	size_t i;

	dv_jsonw_key(w, "report_version");
	dv_jsonw_uint(w, 1);
	dv_jsonw_key(w, "tool");
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "name");
	dv_jsonw_cstr(w, "dcval");
	dv_jsonw_key(w, "version");
	dv_jsonw_cstr(w, dcval_version());
	dv_jsonw_end(w);
	dv_jsonw_key(w, "contract");
	dv_report_json_contract(w, run);
	dv_jsonw_key(w, "valid");
	dv_jsonw_bool(w, dv_report_run_valid(run));
	dv_jsonw_key(w, "inputs");
	dv_jsonw_array(w, pretty);
	for (i = 0; i < run->n_inputs; i++)
		json_input(w, &run->inputs[i]);
	dv_jsonw_end(w);
	dv_jsonw_key(w, "counts");
	dv_report_json_counts(w, &run->counts);
	dv_jsonw_key(w, "rules");
	dv_jsonw_array(w, pretty);
	for (i = 0; i < r->rules.n; i++)
		json_rule(w, r->rules.items[i]);
	dv_jsonw_end(w);
}

/* The json report's private state is its spill file. */
static dcval_status json_start(dcval_report *r, const dcval_report_opts *opts)
{
	dv_report_spill *s = dv_malloc(sizeof(*s));

	if (!s)
		return DCVAL_ENOMEM;
	dv_report_spill_init(s, opts->spool_dir);
	r->state = s;
	return DCVAL_OK;
}

static void json_release(dcval_report *r)
{
	if (r->state)
		dv_report_spill_release(r->state);
	dv_free(r->state);
	r->state = NULL;
}

static int json_spool_errno(const dcval_report *r)
{
	const dv_report_spill *s = r->state;

	return s->err;
}

/* Write the object of v to the spill file, one per line. */
static dcval_status json_violation(dcval_report *r, const dcval_violation *v)
{
	dv_report_spill *s = r->state;
	dv_jsonw w;
	dcval_status st;

	st = dv_report_spill_open(s);
	if (st != DCVAL_OK)
		return st;
	dv_jsonw_init(&w, s->f);
	st = dv_report_json_violation(&w, r, v);
	dv_jsonw_raw(&w, "\n", 1);
	if (st == DCVAL_OK)
		st = dv_jsonw_status(&w);
	if (st == DCVAL_EIO)
		return dv_report_spill_failed(s);
	return st;
}

static dcval_status json_finish(dcval_report *r, const dv_report_run *run)
{
	dv_jsonw w;
	dcval_status st = DCVAL_OK;

	dv_jsonw_init(&w, r->out);
	dv_jsonw_object(&w, true);
	dv_report_json_members(&w, r, run, true);
	dv_jsonw_key(&w, "violations");
	dv_jsonw_array(&w, true);
	st = dv_report_spill_copy(r->state, &w);
	dv_jsonw_end(&w);
	dv_jsonw_key(&w, "truncated");
	dv_jsonw_bool(&w, dv_report_truncated(r));
	dv_jsonw_end(&w);
	dv_jsonw_raw(&w, "\n", 1);
	if (st == DCVAL_OK)
		st = dv_jsonw_status(&w);
	return st;
}

const dv_report_ops dv_report_json_ops = {
	.name = "json",
	.start = json_start,
	.violation = json_violation,
	.finish = json_finish,
	.release = json_release,
	.spool_errno = json_spool_errno,
};

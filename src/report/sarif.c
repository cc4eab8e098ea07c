/*
 * The sarif report: one SARIF 2.1.0 log (spec cli.md "SARIF report"), as
 * GitHub code scanning and other SARIF viewers read it. Like the json
 * report it is one document written at the end: each listed violation's
 * result object goes to the spill file as it arrives (spill.c).
 *
 *   {
 *     "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
 *     "version": "2.1.0",
 *     "runs": [
 *       {
 *         "tool": {
 *           "driver": {
 *             "name": "dcval",
 *             "version": "0.1.0",
 *             "rules": [
 *               {"id": "type", "shortDescription": {"text": ...},
 *                "fullDescription": {"text": ...}, "help": {"text": ...}}
 *             ]
 *           }
 *         },
 *         "invocations": [
 *           {"executionSuccessful": true}
 *         ],
 *         "results": [
 *           {"ruleId": "type", "ruleIndex": 0, "level": "error",
 *            "message": {"text": "\"12,5\" is not a number"},
 *            "locations": [{"physicalLocation": {
 *              "artifactLocation": {"uri": "events.csv"},
 *              "region": {"startLine": 42}}}],
 *            "properties": {"record": 41, "field": 5, "column": "amount",
 *                           "value": "12,5"}}
 *         ],
 *         "properties": {
 *           "contract": {"name": ..., "version": ..., "owner": ..., "source": ..., "sha256": ...},
 *           "valid": false,
 *           "counts": {"records": ..., "invalid_records": ..., "errors": ..., "warnings": ...},
 *           "truncated": false
 *         }
 *       }
 *     ]
 *   }
 *
 * (each rule, invocation and result on one line). rules has one entry per
 * rule id with at least one violation counted, listed or not, in the
 * order first seen (taken from the aggregates, and from a listed result
 * whose rule came after the aggregates' key limit); ruleIndex is the
 * result's rule's place in it. level
 * is "error" or "warning"; message.text and the properties are the json
 * report's message, record, field, column and value (null where it has
 * null). A violation without a line has no region; one without a path
 * (a dataset check over several inputs) has no location. An input that
 * could not be read makes executionSuccessful false, with one
 * toolExecutionNotification naming it.
 */
#include <string.h>

#include "report/jsonw.h"
#include "report/report_impl.h"
#include "util/alloc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_VERSION "2.1.0"

/* Longest URI made of a path: every byte may become %XX. */
#define SARIF_URI_MAX (3 * 65536 + 16)

/* The sarif report's private state: its rule ids, kept as violations
 * come, in first-seen order, and its spill file. */
typedef struct sarif_state {
	char **ids;            /* distinct rule ids, first seen first */
	size_t n;              /* used entries of ids */
	size_t alloc;          /* allocated entries of ids */
	size_t synced;         /* aggregates of r->rules already looked at */
	dv_buf uri;            /* scratch: the URI of a path */
	dv_report_spill spill; /* the results, one per line */
} sarif_state;

static dcval_status sarif_start(dcval_report *r, const dcval_report_opts *opts)
{
	sarif_state *s = dv_calloc(1, sizeof(*s));

	if (!s)
		return DCVAL_ENOMEM;
	dv_buf_init(&s->uri, SARIF_URI_MAX);
	dv_report_spill_init(&s->spill, opts->spool_dir);
	r->state = s;
	return DCVAL_OK;
}

static void sarif_release(dcval_report *r)
{
	sarif_state *s = r->state;
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		dv_free(s->ids[i]);
	dv_free(s->ids);
	dv_buf_release(&s->uri);
	dv_report_spill_release(&s->spill);
	dv_free(s);
	r->state = NULL;
}

static int sarif_spool_errno(const dcval_report *r)
{
	const sarif_state *s = r->state;

	return s->spill.err;
}

/*
 * The index of rule id `id` in s->ids, appended when new. Linear: a run
 * has a few dozen distinct rule ids (one per cross-field rule at most).
 */
static dcval_status rule_index(sarif_state *s, const char *id, size_t *idx)
{
	char **ids;
	size_t i, n;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->ids[i], id) == 0) {
			*idx = i;
			return DCVAL_OK;
		}
	}
	if (s->n == s->alloc) {
		n = s->alloc ? 2 * s->alloc : 16;
		ids = dv_reallocarray(s->ids, n, sizeof(*ids));
		if (!ids)
			return DCVAL_ENOMEM;
		s->ids = ids;
		s->alloc = n;
	}
	s->ids[s->n] = dv_strndup(id, strlen(id));
	if (!s->ids[s->n])
		return DCVAL_ENOMEM;
	*idx = s->n++;
	return DCVAL_OK;
}

/*
 * Take the rule ids of the aggregates made since the last call: they
 * hold every violation seen so far, listed or not, in first-seen order.
 */
static dcval_status rules_sync(const dcval_report *r, sarif_state *s)
{
	dcval_status st;
	size_t idx;

	for (; s->synced < r->rules.n; s->synced++) {
		st = rule_index(s, r->rules.items[s->synced]->rule, &idx);
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

/*
 * The URI reference of an input path in b (RFC 3986): bytes other than
 * unreserved characters, sub-delims, '@' and '/' are percent-encoded
 * (a space is %20, '%' is %25, ':' is %3A so that no path reads as a
 * scheme, non-ASCII UTF-8 byte by byte), so decoding gives the path back
 * exactly. A relative path stays relative ("data/a b.csv" is
 * "data/a%20b.csv"), an absolute one becomes a file URI
 * ("/srv/a.csv" is "file:///srv/a.csv"); standard input is "-".
 */
static dcval_status path_uri(const char *path, dv_buf *b)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char keep[] = "-._~!$&'()*+,;=@/";
	dcval_status st = DCVAL_OK;
	const unsigned char *p;
	char esc[3] = { '%', 0, 0 };
	unsigned c;

	dv_buf_reset(b);
	if (path[0] == '/')
		st = dv_buf_append(b, "file://", 7);
	for (p = (const unsigned char *)path; *p && st == DCVAL_OK; p++) {
		c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(keep, (int)c)) {
			st = dv_buf_putc(b, (char)c);
		} else {
			esc[1] = hex[c >> 4];
			esc[2] = hex[c & 0xf];
			st = dv_buf_append(b, esc, 3);
		}
	}
	return st;
}

/* Zero is "none": null. */
static void uint_or_null(dv_jsonw *w, uint64_t n)
{
	if (n)
		dv_jsonw_uint(w, n);
	else
		dv_jsonw_null(w);
}

/* {"text": s} */
static void text_object(dv_jsonw *w, const char *s, size_t len)
{
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "text");
	dv_jsonw_str(w, s, len);
	dv_jsonw_end(w);
}

/* [{"physicalLocation": {"artifactLocation": {"uri": URI}, "region": ...}}] */
static void locations(dv_jsonw *w, const dv_buf *uri, uint64_t line)
{
	dv_jsonw_array(w, false);
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "physicalLocation");
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "artifactLocation");
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "uri");
	dv_jsonw_str(w, uri->data ? uri->data : "", uri->len);
	dv_jsonw_end(w);
	if (line) {
		dv_jsonw_key(w, "region");
		dv_jsonw_object(w, false);
		dv_jsonw_key(w, "startLine");
		dv_jsonw_uint(w, line);
		dv_jsonw_end(w);
	}
	dv_jsonw_end(w);
	dv_jsonw_end(w);
	dv_jsonw_end(w);
}

/* The result object of v, rule index idx, as one line. */
static void result(dv_jsonw *w, dcval_report *r, const sarif_state *s,
		   const dcval_violation *v, size_t idx)
{
	char show[DV_REPORT_SHOW_RAW];
	size_t n;

	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "ruleId");
	dv_jsonw_cstr(w, v->rule);
	dv_jsonw_key(w, "ruleIndex");
	dv_jsonw_uint(w, idx);
	dv_jsonw_key(w, "level");
	dv_jsonw_cstr(w, v->severity == DCVAL_SEVERITY_ERROR ? "error" : "warning");
	dv_jsonw_key(w, "message");
	text_object(w, r->msg.data ? r->msg.data : "", r->msg.len);
	if (v->path && v->path[0]) {
		dv_jsonw_key(w, "locations");
		locations(w, &s->uri, v->line);
	}
	dv_jsonw_key(w, "properties");
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "record");
	uint_or_null(w, v->record);
	dv_jsonw_key(w, "field");
	uint_or_null(w, v->field);
	dv_jsonw_key(w, "column");
	dv_jsonw_cstr(w, v->column);
	dv_jsonw_key(w, "value");
	if (v->value) {
		n = dcval_violation_value(v, false, show, sizeof(show));
		dv_jsonw_str(w, show, n);
	} else {
		dv_jsonw_null(w);
	}
	dv_jsonw_end(w);
	dv_jsonw_end(w);
}

/* Write the result of v to the spill file, one per line. */
static dcval_status sarif_violation(dcval_report *r, const dcval_violation *v)
{
	sarif_state *s = r->state;
	dcval_status st;
	dv_jsonw w;
	size_t idx;

	st = rules_sync(r, s);
	if (st == DCVAL_OK)
		st = rule_index(s, v->rule, &idx);
	if (st == DCVAL_OK)
		st = dv_report_message(v, &r->msg);
	if (st == DCVAL_OK && v->path && v->path[0])
		st = path_uri(v->path, &s->uri);
	if (st == DCVAL_OK)
		st = dv_report_spill_open(&s->spill);
	if (st != DCVAL_OK)
		return st;
	dv_jsonw_init(&w, s->spill.f);
	result(&w, r, s, v, idx);
	dv_jsonw_raw(&w, "\n", 1);
	st = dv_jsonw_status(&w);
	return st == DCVAL_EIO ? dv_report_spill_failed(&s->spill) : st;
}

/*
 * One reportingDescriptor: the table's texts for a built-in rule id, a
 * text naming the rule for any other (a cross-field rule of the
 * contract, or a rule this version has no text for).
 */
static dcval_status rule(dv_jsonw *w, const dv_report_run *run,
			 const char *id)
{
	const dv_rule_help *h = dv_report_rule_help(id);
	const char *desc = run->rule_description ?
				   run->rule_description(run->rule_ctx, id) : NULL;
	dcval_status st = DCVAL_OK;
	dv_buf b;

	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "id");
	dv_jsonw_cstr(w, id);
	if (h) {
		dv_jsonw_key(w, "shortDescription");
		text_object(w, h->brief, strlen(h->brief));
		dv_jsonw_key(w, "fullDescription");
		text_object(w, h->full, strlen(h->full));
		dv_jsonw_key(w, "help");
		text_object(w, h->help, strlen(h->help));
		dv_jsonw_end(w);
		return DCVAL_OK;
	}
	dv_buf_init(&b, 3 * strlen(id) + 512 + (desc ? strlen(desc) : 0));
	st = dv_buf_printf(&b, "Rule '%s' is violated", id);
	dv_jsonw_key(w, "shortDescription");
	text_object(w, b.data ? b.data : "", b.len);
	dv_buf_reset(&b);
	if (st == DCVAL_OK && desc)
		st = dv_buf_printf(&b, "%s (the contract's cross-field rule '%s', "
				   "whose check the message of each result quotes)",
				   desc, id);
	else if (st == DCVAL_OK)
		st = dv_buf_printf(&b, "A record does not satisfy the "
				   "contract's rule '%s': a cross-field rule of the "
				   "contract's rules section, whose check the message "
				   "of each result quotes.", id);
	dv_jsonw_key(w, "fullDescription");
	text_object(w, b.data ? b.data : "", b.len);
	dv_buf_reset(&b);
	if (st == DCVAL_OK)
		st = dv_buf_printf(&b, "Read the rule named '%s' in the contract: "
				   "correct the data so that its check holds, or "
				   "change the rule.", id);
	dv_jsonw_key(w, "help");
	text_object(w, b.data ? b.data : "", b.len);
	dv_jsonw_end(w);
	dv_buf_release(&b);
	return st;
}

/*
 * The one invocation: executionSuccessful false when an input could not
 * be read, with a notification per such input.
 */
static dcval_status invocation(dv_jsonw *w, const dv_report_run *run,
			       sarif_state *s)
{
	const dcval_input_info *in;
	dcval_status st = DCVAL_OK;
	bool ok = true;
	size_t i;

	for (i = 0; i < run->n_inputs; i++)
		ok = ok && run->inputs[i].status == DCVAL_OK;
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "executionSuccessful");
	dv_jsonw_bool(w, ok);
	if (ok) {
		dv_jsonw_end(w);
		return DCVAL_OK;
	}
	dv_jsonw_key(w, "toolExecutionNotifications");
	dv_jsonw_array(w, false);
	for (i = 0; i < run->n_inputs && st == DCVAL_OK; i++) {
		in = &run->inputs[i];
		if (in->status == DCVAL_OK)
			continue;
		dv_jsonw_object(w, false);
		dv_jsonw_key(w, "level");
		dv_jsonw_cstr(w, "error");
		dv_jsonw_key(w, "message");
		dv_jsonw_object(w, false);
		dv_jsonw_key(w, "text");
		dv_jsonw_cstr(w, in->error[0] ? in->error :
				dcval_status_str(in->status));
		dv_jsonw_end(w);
		if (in->path && in->path[0]) {
			st = path_uri(in->path, &s->uri);
			dv_jsonw_key(w, "locations");
			locations(w, &s->uri, 0);
		}
		dv_jsonw_end(w);
	}
	dv_jsonw_end(w);
	dv_jsonw_end(w);
	return st;
}

static void run_properties(dv_jsonw *w, const dcval_report *r,
			   const dv_report_run *run)
{
	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "contract");
	dv_report_json_contract(w, run);
	dv_jsonw_key(w, "valid");
	dv_jsonw_bool(w, dv_report_run_valid(run));
	dv_jsonw_key(w, "counts");
	dv_report_json_counts(w, &run->counts);
	dv_jsonw_key(w, "truncated");
	dv_jsonw_bool(w, dv_report_truncated(r));
	dv_jsonw_end(w);
}

/* The run object: tool, invocations, results, properties. */
static dcval_status run_object(dv_jsonw *w, dcval_report *r,
			       const dv_report_run *run, sarif_state *s)
{
	dcval_status st = DCVAL_OK;
	size_t i;

	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "tool");
	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "driver");
	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "name");
	dv_jsonw_cstr(w, "dcval");
	dv_jsonw_key(w, "version");
	dv_jsonw_cstr(w, dcval_version());
	dv_jsonw_key(w, "rules");
	dv_jsonw_array(w, true);
	for (i = 0; i < s->n && st == DCVAL_OK; i++)
		st = rule(w, run, s->ids[i]);
	dv_jsonw_end(w);
	dv_jsonw_end(w);
	dv_jsonw_end(w);
	dv_jsonw_key(w, "invocations");
	dv_jsonw_array(w, true);
	if (st == DCVAL_OK)
		st = invocation(w, run, s);
	dv_jsonw_end(w);
	dv_jsonw_key(w, "results");
	dv_jsonw_array(w, true);
	if (st == DCVAL_OK)
		st = dv_report_spill_copy(&s->spill, w);
	dv_jsonw_end(w);
	dv_jsonw_key(w, "properties");
	run_properties(w, r, run);
	dv_jsonw_end(w);
	return st;
}

static dcval_status sarif_finish(dcval_report *r, const dv_report_run *run)
{
	sarif_state *s = r->state;
	dcval_status st;
	dv_jsonw w;

	st = rules_sync(r, s);
	if (st != DCVAL_OK)
		return st;
	dv_jsonw_init(&w, r->out);
	dv_jsonw_object(&w, true);
	dv_jsonw_key(&w, "$schema");
	dv_jsonw_cstr(&w, SARIF_SCHEMA);
	dv_jsonw_key(&w, "version");
	dv_jsonw_cstr(&w, SARIF_VERSION);
	dv_jsonw_key(&w, "runs");
	dv_jsonw_array(&w, true);
	st = run_object(&w, r, run, s);
	dv_jsonw_end(&w);
	dv_jsonw_end(&w);
	dv_jsonw_raw(&w, "\n", 1);
	if (st == DCVAL_OK)
		st = dv_jsonw_status(&w);
	return st;
}

const dv_report_ops dv_report_sarif_ops = {
	.name = "sarif",
	.start = sarif_start,
	.violation = sarif_violation,
	.finish = sarif_finish,
	.release = sarif_release,
	.spool_errno = sarif_spool_errno,
};

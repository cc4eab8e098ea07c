/*
 * The one place every violation passes through (dv_engine_emit): counts,
 * the record's error mark, the caller's callback, fail-fast. The checks
 * (checks.c, dataset.c) and the reader issues (record.c) call down into
 * it; it calls nothing of theirs.
 */
#include <string.h>

#include "engine/engine_impl.h"

dcval_status dv_engine_emit(dv_engine *e, const dv_record *rec, dv_rule rule,
			    dcval_severity sev, uint32_t field,
			    const char *column, const char *value,
			    size_t value_len, bool redacted, const char *detail)
{
	return dv_engine_emit_id(e, rec, dv_rule_id(rule), sev, field, column,
				 value, value_len, redacted, detail);
}

dcval_status dv_engine_emit_id(dv_engine *e, const dv_record *rec,
			       const char *rule, dcval_severity sev,
			       uint32_t field, const char *column,
			       const char *value, size_t value_len,
			       bool redacted, const char *detail)
{
	dcval_input_info *in = e->cur;
	dcval_violation v;
	dcval_status st = DCVAL_OK;

	if (e->log)
		return dv_worker_violation(e, rec, rule, sev, field, column,
					   value, value_len, redacted, detail);

	/* after the inputs (dataset checks such as row_count): the input's
	 * when the run has one, no input's when it has several (spec
	 * contract.md "Drift": path null, counted in the totals only) */
	if (!in && e->n_inputs == 1)
		in = &e->inputs[0];
	if (sev == DCVAL_SEVERITY_ERROR) {
		e->total.errors++;
		if (in)
			in->counts.errors++;
		if (rec)
			e->rec_error = true;
	} else {
		e->total.warnings++;
		if (in)
			in->counts.warnings++;
	}
	if (e->opts.on_violation) {
		v.path = in ? in->path : NULL;
		v.format = in ? in->format : DCVAL_FORMAT_AUTO;
		v.record = rec ? e->rec_no : 0;
		v.line = rec ? rec->line : 0;
		v.field = field;
		v.column = column;
		v.rule = rule;
		v.severity = sev;
		v.value = value;
		v.value_len = value_len;
		v.redacted = redacted;
		v.detail = detail;
		v.dataset = !rec && !e->cur;
		st = e->opts.on_violation(e->opts.ud, &v);
	}
	if (st == DCVAL_OK && sev == DCVAL_SEVERITY_ERROR &&
	    (e->opts.flags & DCVAL_VALIDATE_FAIL_FAST)) {
		e->stop = true;
		st = DCVAL_STOP;
	}
	return st;
}

void dv_engine_value_text(dv_engine *e, const dv_value *v, const char **s,
			  size_t *len)
{
	if (v->s && v->kind != DV_V_JPARENT) {
		*s = v->s;
		*len = v->len;
		return;
	}
	dv_buf_reset(&e->text);
	if (v->kind == DV_V_JBOOL)
		dv_buf_printf(&e->text, "%s", v->i ? "true" : "false");
	*s = e->text.data ? e->text.data : "";
	*len = e->text.len;
}

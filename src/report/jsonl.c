/*
 * The jsonl report: each listed violation as one JSON object on its own
 * line, the same object as in the json report, written as it is found;
 * then one line {"summary": {...}} holding everything of the json
 * document but violations: report_version, tool, contract, valid,
 * inputs, counts, rules and truncated.
 */
#include "report/jsonw.h"
#include "report/report_impl.h"

static dcval_status jsonl_violation(dcval_report *r, const dcval_violation *v)
{
	dv_jsonw w;
	dcval_status st;

	dv_jsonw_init(&w, r->out);
	st = dv_report_json_violation(&w, r, v);
	dv_jsonw_raw(&w, "\n", 1);
	if (st == DCVAL_OK)
		st = dv_jsonw_status(&w);
	return st;
}

static dcval_status jsonl_finish(dcval_report *r, const dv_report_run *run)
{
	dv_jsonw w;

	dv_jsonw_init(&w, r->out);
	dv_jsonw_object(&w, false);
	dv_jsonw_key(&w, "summary");
	dv_jsonw_object(&w, false);
	dv_report_json_members(&w, r, run, false);
	dv_jsonw_key(&w, "truncated");
	dv_jsonw_bool(&w, dv_report_truncated(r));
	dv_jsonw_end(&w);
	dv_jsonw_end(&w);
	dv_jsonw_raw(&w, "\n", 1);
	return dv_jsonw_status(&w);
}

const dv_report_ops dv_report_jsonl_ops = {
	.name = "jsonl",
	.violation = jsonl_violation,
	.finish = jsonl_finish,
};

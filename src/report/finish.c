/*
 * dcval_report_finish(): read the run's lineage and counts from the
 * contract and the validator, then write the summary. It has a file of
 * its own because it is the only part of the reports that needs the
 * contract and validator code: unit tests link the rest without them and
 * call dv_report_finish_summary() with a hand-made dv_report_run.
 */
#include <string.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"

static const char *rule_description(const void *ctx, const char *id)
{
	return dcval_contract_rule_description(ctx, id);
}

dcval_status dcval_report_finish(dcval_report *r, const dcval_contract *contract,
				 const dcval_validator *v)
{
	dv_report_run run;

	memset(&run, 0, sizeof(run));
	if (contract) {
		run.contract_name = dcval_contract_name(contract);
		run.contract_version = dcval_contract_version(contract);
		run.contract_owner = dcval_contract_owner(contract);
		run.contract_source = dcval_contract_source(contract);
		run.contract_sha256 = dcval_contract_sha256(contract);
		run.rule_description = rule_description;
		run.rule_ctx = contract;
	}
	if (v) {
		run.counts = *dcval_validator_counts(v);
		run.inputs = dcval_validator_inputs(v, &run.n_inputs);
	}
	return dv_report_finish_summary(r, &run);
}

/*
 * The no-contract path of `dcval profile`: the seam where the infer
 * branch (#18, src/infer/) connects. cli.md: "Without a contract every
 * column's type, null tokens and nested names are inferred as `infer`
 * does and `contract` is null". Until infer is merged this is a usage
 * error; the lead replaces the body with a call into src/infer/.
 */
#include <stdio.h>

#include "profile/profile.h"

dcval_contract *dv_profile_infer_contract(const char *const *inputs,
					  size_t n_inputs, dcval_format format,
					  dcval_error *err)
{
	(void)inputs;
	(void)n_inputs;
	(void)format;
	dcval_error_clear(err);
	err->status = DCVAL_EUSAGE;
	snprintf(err->text, sizeof(err->text),
		 "profile without -c needs infer (not built yet): give a contract with -c");
	return NULL;
}

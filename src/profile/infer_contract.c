/*
 * The no-contract path of `dcval profile` (cli.md "profile": "Without a
 * contract every column's type, null tokens and nested names are
 * inferred as `infer` does and `contract` is null"): the contract
 * `dcval infer` would write, compiled in memory. infer sits below
 * profile in the layers (README "Library").
 */
#include "infer/infer.h"
#include "profile/profile.h"

dcval_contract *dv_profile_infer_contract(const char *const *inputs,
					  size_t n_inputs, dcval_format format,
					  dcval_error *err)
{
	return dv_infer_contract(inputs, n_inputs, format, err);
}

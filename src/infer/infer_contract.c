/*
 * An inferred contract compiled in memory (for `dcval profile` without
 * a contract): infer over the inputs, then compile the YAML text.
 */
#include <errno.h>
#include <string.h>

#include "infer/infer.h"
#include "util/error.h"

dcval_contract *dv_infer_contract(const char *const *paths, size_t n,
				  dcval_format format, dcval_error *err)
{
	dv_infer_opts o = { .format = format, .enum_max = 10 };
	dcval_contract *c = NULL;
	dcval_status st = DCVAL_OK;
	dv_infer *inf = dv_infer_new(&o);
	dv_buf yaml;
	FILE *in;
	size_t i;

	dv_buf_init(&yaml, SIZE_MAX / 4);
	if (!inf) {
		dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	for (i = 0; i < n && st == DCVAL_OK; i++) {
		in = strcmp(paths[i], "-") ? fopen(paths[i], "rb") : stdin;
		if (!in) {
			st = dv_error_set(err, DCVAL_EIO, paths[i], 0, 0,
					  "cannot open: %s", strerror(errno));
			break;
		}
		st = dv_infer_input(inf, paths[i], in, err);
		if (in != stdin)
			fclose(in);
	}
	if (st == DCVAL_OK && (st = dv_infer_yaml(inf, &yaml)) != DCVAL_OK)
		dv_error_set(err, st, NULL, 0, 0, "out of memory");
	if (st == DCVAL_OK)
		c = dcval_contract_load_buffer("<inferred>", yaml.data, yaml.len,
					       err);
	dv_buf_release(&yaml);
	dv_infer_free(inf);
	return c;
}

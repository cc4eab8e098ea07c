/*
 * `dcval profile --merge`: the profile of the shards' concatenation.
 * Exact fields (counts, min, max, exact top and distinct) come out as one
 * run over all shards gives them; the sketches merge as their papers say
 * (colstats.h) and keep their bounds.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "profile/profile.h"
#include "util/alloc.h"

static dcval_status differ(char *why, size_t why_len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, why_len, fmt, ap);
	va_end(ap);
	return DCVAL_EUSAGE;
}

/* Whether doc b describes shards of the same data as doc a. */
static dcval_status same_shape(const dv_profdoc *a, const char *an,
			       const dv_profdoc *b, const char *bn, char *why,
			       size_t why_len)
{
	size_t i;

	if (a->version != b->version)
		return differ(why, why_len,
			      "%s: profile_version %lld differs from %s's %lld", bn,
			      (long long)b->version, an, (long long)a->version);
	for (i = 0; i < a->n_columns && i < b->n_columns; i++) {
		const dv_profcol *x = &a->columns[i], *y = &b->columns[i];

		if (strcmp(x->name, y->name))
			return differ(why, why_len,
				      "%s: column %zu is \"%s\" where %s has \"%s\"",
				      bn, i + 1, y->name, an, x->name);
		if (strcmp(x->type_name, y->type_name))
			return differ(why, why_len,
				      "%s: column \"%s\" has type %s where %s has %s",
				      bn, y->name, y->type_name, an, x->type_name);
	}
	if (a->n_columns != b->n_columns) {
		const dv_profdoc *more = a->n_columns > b->n_columns ? a : b;

		return differ(why, why_len,
			      "%s: column \"%s\" is in %s only", bn,
			      more->columns[i].name, more == a ? an : bn);
	}
	if (a->has_contract != b->has_contract ||
	    (a->has_contract && strcmp(a->c_sha, b->c_sha)))
		return differ(why, why_len,
			      "%s: contract sha256 %s differs from %s's %s", bn,
			      b->has_contract ? b->c_sha : "null", an,
			      a->has_contract ? a->c_sha : "null");
	return DCVAL_OK;
}

dcval_status dv_profile_merge(FILE *out, dv_profdoc *docs,
			      const char *const *names, size_t n, char *why,
			      size_t why_len)
{
	dv_profdoc *a = &docs[0];
	dv_profile_head h;
	dv_profile_col *cols;
	dv_profinput *inputs;
	size_t i, j, k = 0, n_in = 0;
	dcval_status st = DCVAL_OK;

	for (i = 1; i < n; i++)
		if ((st = same_shape(a, names[0], &docs[i], names[i], why,
				     why_len)) != DCVAL_OK)
			return st;
	for (i = 0; i < n; i++)
		n_in += docs[i].n_inputs;
	inputs = dv_calloc(n_in ? n_in : 1, sizeof(*inputs));
	cols = dv_calloc(a->n_columns ? a->n_columns : 1, sizeof(*cols));
	if (!inputs || !cols) {
		dv_free(inputs);
		dv_free(cols);
		return DCVAL_ENOMEM;
	}
	memset(&h, 0, sizeof(h));
	h.records = a->records;
	for (i = 0; i < n; i++)
		for (j = 0; j < docs[i].n_inputs; j++)
			inputs[k++] = docs[i].inputs[j];
	for (i = 1; i < n && st == DCVAL_OK; i++) {
		h.records += docs[i].records;
		for (j = 0; j < a->n_columns && st == DCVAL_OK; j++) {
			dv_sketch_status ss = dv_colstats_merge(a->columns[j].stats,
								docs[i].columns[j].stats);

			if (ss == DV_SKETCH_ENOMEM)
				st = DCVAL_ENOMEM;
			else if (ss != DV_SKETCH_OK)
				st = differ(why, why_len,
					    "%s: column \"%s\": sketch does not merge (%s)",
					    names[i], a->columns[j].name,
					    dv_sketch_status_str(ss));
		}
	}
	if (st == DCVAL_OK) {
		h.has_contract = a->has_contract;
		h.c_name = a->c_name;
		h.c_version = a->c_version;
		h.c_sha = a->c_sha;
		h.inputs = inputs;
		h.n_inputs = n_in;
		for (j = 0; j < a->n_columns; j++) {
			cols[j].name = a->columns[j].name;
			cols[j].type_name = a->columns[j].type_name;
			cols[j].s = a->columns[j].stats;
		}
		st = dv_profile_write(out, &h, cols, a->n_columns);
	}
	dv_free(inputs);
	dv_free(cols);
	return st;
}

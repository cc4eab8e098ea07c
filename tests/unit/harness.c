/*
 * Shared unit-test harness; see harness.h.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

static dcval_status on_viol(void *ud, const dcval_violation *v)
{
	struct run *r = ud;
	struct viol *o;

	if (r->n == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 16;
		r->v = realloc(r->v, r->alloc * sizeof(*r->v));
		assert_non_null(r->v);
	}
	o = &r->v[r->n++];
	memset(o, 0, sizeof(*o));
	snprintf(o->rule, sizeof(o->rule), "%s", v->rule);
	o->has_column = v->column != NULL;
	snprintf(o->column, sizeof(o->column), "%s", v->column ? v->column : "");
	o->has_value = v->value != NULL;
	o->value_len = v->value_len;
	if (v->value)
		memcpy(o->value, v->value,
		       v->value_len < sizeof(o->value) - 1 ? v->value_len
							   : sizeof(o->value) - 1);
	o->redacted = v->redacted;
	snprintf(o->detail, sizeof(o->detail), "%s", v->detail ? v->detail : "");
	o->record = v->record;
	o->line = v->line;
	o->field = v->field;
	o->severity = v->severity;
	return DCVAL_OK;
}

static void make_digest(struct run *r)
{
	size_t i, len = 0;

	r->digest[0] = '\0';
	for (i = 0; i < r->n; i++) {
		len += (size_t)snprintf(r->digest + len, sizeof(r->digest) - len,
					"%s%s:%llu:%llu:%u:%s", i ? " " : "",
					r->v[i].rule,
					(unsigned long long)r->v[i].record,
					(unsigned long long)r->v[i].line,
					r->v[i].field,
					r->v[i].has_column ? r->v[i].column : "-");
		if (len >= sizeof(r->digest))
			break; /* long runs are checked through r->v */
	}
}

static dcval_validator *new_validator(dcval_contract *c,
				      const struct run_cfg *cfg,
				      dcval_validate_opts *opts, struct run *r)
{
	dcval_error err;
	dcval_validator *v;

	memset(opts, 0, sizeof(*opts));
	opts->format = cfg && cfg->format ? cfg->format : DCVAL_FORMAT_CSV;
	opts->on_violation = on_viol;
	opts->ud = r;
	opts->flags = cfg ? cfg->flags : 0;
	opts->max_field_bytes = cfg ? cfg->max_field : 0;
	opts->max_line_bytes = cfg ? cfg->max_line : 0;
	if (cfg && cfg->quarantine) {
		opts->valid_out = open_memstream(&r->valid, &r->valid_len);
		opts->invalid_out = open_memstream(&r->invalid, &r->invalid_len);
		assert_non_null(opts->valid_out);
		assert_non_null(opts->invalid_out);
	}
	dcval_error_clear(&err);
	v = dcval_validator_new(c, opts, &err);
	assert_non_null(v);
	return v;
}

void run_inputs(const char *yaml, const struct input *in, size_t n,
		const struct run_cfg *cfg, struct run *r)
{
	dcval_validate_opts opts;
	dcval_contract *c;
	dcval_validator *v;
	dcval_error err;
	char path[16];
	size_t i;

	run_free(r);
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	if (!c)
		fail_msg("contract: %s:%lu:%lu: %s", err.file, err.line,
			 err.col, err.text);
	v = new_validator(c, cfg, &opts, r);
	snprintf(path, sizeof(path), "in.%s", dcval_format_name(opts.format));
	r->st = DCVAL_OK;
	for (i = 0; i < n && r->st == DCVAL_OK; i++) {
		FILE *f = in[i].len ? fmemopen((void *)in[i].data, in[i].len, "r")
				    : tmpfile();

		assert_non_null(f);
		r->st = dcval_validator_run(v, path, f, &err);
		fclose(f);
	}
	r->fin = r->st == DCVAL_OK ? dcval_validator_finish(v) : DCVAL_OK;
	r->counts = *dcval_validator_counts(v);
	if (opts.valid_out) {
		fclose(opts.valid_out);
		fclose(opts.invalid_out);
	}
	dcval_validator_free(v);
	dcval_contract_free(c);
	make_digest(r);
}

void run_free(struct run *r)
{
	free(r->v);
	free(r->valid);
	free(r->invalid);
	memset(r, 0, sizeof(*r));
}

void expect_counts(const struct run *r, uint64_t records, uint64_t invalid,
		   uint64_t errors, uint64_t warnings)
{
	assert_int_equal(r->counts.records, records);
	assert_int_equal(r->counts.invalid_records, invalid);
	assert_int_equal(r->counts.errors, errors);
	assert_int_equal(r->counts.warnings, warnings);
}

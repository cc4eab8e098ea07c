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

/* ---- tables of cases ---- */

static void check_tri(enum tri t, bool got)
{
	if (t != T_ANY)
		assert_int_equal(got, t == T_YES);
}

static void check_want(const struct run *r, const struct want *w)
{
	size_t len;

	if (w->i >= r->n)
		fail_msg("violation %zu expected, only %zu seen", w->i, r->n);
	if (w->value) {
		len = w->value_len ? w->value_len : strlen(w->value);
		assert_true(r->v[w->i].has_value);
		assert_int_equal(r->v[w->i].value_len, len);
		assert_memory_equal(r->v[w->i].value, w->value, len);
	}
	check_tri(w->has_value, r->v[w->i].has_value);
	check_tri(w->redacted, r->v[w->i].redacted);
	check_tri(w->warn, r->v[w->i].severity == DCVAL_SEVERITY_WARN);
	if (w->detail)
		assert_string_equal(r->v[w->i].detail, w->detail);
}

static bool want_is_end(const struct want *w)
{
	return !w->value && !w->detail && w->has_value == T_ANY &&
	       w->redacted == T_ANY && w->warn == T_ANY;
}

/* A quarantine output: its bytes equal want (strlen). */
static void check_output(const char *got, size_t got_len, const char *want)
{
	assert_non_null(got);
	assert_int_equal(got_len, strlen(want));
	assert_memory_equal(got, want, got_len);
}

/* A copy of s with every ',' made a tab (free it); NULL stays NULL. */
static char *to_tsv(const char *s, size_t len)
{
	char *t;
	size_t i;

	if (!s)
		return NULL;
	t = malloc(len + 1);
	assert_non_null(t);
	for (i = 0; i < len; i++)
		t[i] = s[i] == ',' ? '\t' : s[i];
	t[len] = '\0';
	return t;
}

/* Run c on its inputs with cfg and check everything it expects. */
static void run_check(const struct tcase *c, const struct input *in, size_t n,
		      const struct run_cfg *cfg, const char *valid,
		      const char *invalid)
{
	struct run r = RUN_INIT;
	size_t k;

	run_inputs(c->contract, in, n, cfg, &r);
	assert_int_equal(r.st, c->st);
	assert_int_equal(r.fin, DCVAL_OK);
	if (c->digest)
		assert_string_equal(r.digest, c->digest);
	for (k = 0; k < CASE_WANTS && !want_is_end(&c->want[k]); k++)
		check_want(&r, &c->want[k]);
	if (c->check_counts)
		expect_counts(&r, c->counts.records, c->counts.invalid_records,
			      c->counts.errors, c->counts.warnings);
	if (valid)
		check_output(r.valid, r.valid_len, valid);
	if (invalid)
		check_output(r.invalid, r.invalid_len, invalid);
	run_free(&r);
}

/* A csv case reads alike as tsv when nothing in it is quoted or tabbed. */
static bool tsv_alike(const struct tcase *c, const struct input *in, size_t n)
{
	size_t i;

	if (c->csv_only || (c->cfg.format && c->cfg.format != DCVAL_FORMAT_CSV) ||
	    strstr(c->contract, "input:"))
		return false;
	for (i = 0; i < n; i++)
		if (memchr(in[i].data, '"', in[i].len) ||
		    memchr(in[i].data, '\t', in[i].len))
			return false;
	return true;
}

void run_case_with(const struct tcase *c, const struct input *in, size_t n)
{
	struct input tin[CASE_INPUTS];
	struct run_cfg cfg = c->cfg;
	char *tv, *ti;
	size_t i;

	run_check(c, in, n, &cfg, c->valid, c->invalid);
	if (!tsv_alike(c, in, n))
		return;
	assert_true(n <= CASE_INPUTS);
	for (i = 0; i < n; i++) {
		tin[i].data = to_tsv(in[i].data, in[i].len);
		tin[i].len = in[i].len;
	}
	tv = to_tsv(c->valid, c->valid ? strlen(c->valid) : 0);
	ti = to_tsv(c->invalid, c->invalid ? strlen(c->invalid) : 0);
	cfg.format = DCVAL_FORMAT_TSV;
	run_check(c, tin, n, &cfg, tv, ti);
	for (i = 0; i < n; i++)
		free((char *)tin[i].data);
	free(tv);
	free(ti);
}

void run_case(void **state)
{
	const struct tcase *c = *state;
	struct input in[CASE_INPUTS];
	size_t n;

	for (n = 0; n < CASE_INPUTS && c->input[n]; n++) {
		in[n].data = c->input[n];
		in[n].len = n == 0 && c->len ? c->len : strlen(c->input[n]);
	}
	if (n == 0) { /* one empty input */
		in[0].data = "";
		in[0].len = 0;
		n = 1;
	}
	run_case_with(c, in, n);
}

int run_table(const char *group, const struct tcase *cases, size_t n,
	      const struct CMUnitTest *extra, size_t n_extra)
{
	struct CMUnitTest *t = calloc(n + n_extra, sizeof(*t));
	size_t i;
	int rc;

	assert_non_null(t);
	for (i = 0; i < n; i++) {
		t[i].name = cases[i].name;
		t[i].test_func = run_case;
		t[i].initial_state = (void *)&cases[i];
	}
	for (i = 0; i < n_extra; i++)
		t[n + i] = extra[i];
	rc = _cmocka_run_group_tests(group, t, n + n_extra, NULL, NULL);
	free(t);
	return rc;
}

/*
 * The profile document (cli.md "profile"): every key in every column
 * object, null where it does not apply.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "profile/profile.h"
#include "report/jsonw.h"
#include "util/alloc.h"

/* A double as JSON text of at most `digits` significant digits. */
static void put_num(dv_jsonw *w, double x, int digits)
{
	char buf[48];
	int n;

	if (!isfinite(x)) {
		dv_jsonw_null(w);
		return;
	}
	if (x == 0)
		x = 0; /* no "-0" */
	n = digits ? snprintf(buf, sizeof(buf), "%.*g", digits, x)
		   : (int)dv_format_double(x, buf, sizeof(buf));
	dv_jsonw_raw_begin(w);
	dv_jsonw_raw(w, buf, (size_t)n);
}

/* Figures from accumulators (mean, stddev): 12 significant digits, so
 * that a merged profile writes what one run writes (the sums agree to
 * about 1e-14). */
#define DV_PROFILE_DIGITS 12

static void put_text(dv_jsonw *w, const char *buf, size_t n)
{
	dv_jsonw_raw_begin(w);
	dv_jsonw_raw(w, buf, n);
}

static void put_typed(dv_jsonw *w, const dv_colstats *s, const dv_typed *t)
{
	char buf[DV_COLSTATS_TEXT_MAX];

	put_text(w, buf, dv_colstats_render(s->type, t, buf));
}

static void put_minmax_mean(dv_jsonw *w, const dv_moments *m, bool mean)
{
	if (!m->n) {
		dv_jsonw_null(w);
		return;
	}
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "min");
	put_num(w, m->min, 0);
	dv_jsonw_key(w, "max");
	put_num(w, m->max, 0);
	if (mean) {
		dv_jsonw_key(w, "mean");
		put_num(w, dv_moments_mean(m), DV_PROFILE_DIGITS);
	}
	dv_jsonw_end(w);
}

static dcval_status put_quantiles(dv_jsonw *w, const dv_colstats *s)
{
	double q[DV_COLSTATS_NQ];
	char buf[DV_COLSTATS_TEXT_MAX];
	size_t k;

	if (!dv_colstats_quantiles(s, q)) {
		dv_jsonw_null(w);
		return DCVAL_OK;
	}
	dv_jsonw_object(w, false);
	for (k = 0; k < DV_COLSTATS_NQ; k++) {
		dv_jsonw_key(w, dv_colstats_rank_keys[k]);
		put_text(w, buf, dv_colstats_render_num(s->type, q[k], buf));
	}
	dv_jsonw_end(w);
	return DCVAL_OK;
}

static dcval_status put_top(dv_jsonw *w, const dv_colstats *s, bool complete)
{
	dv_ss_item *it;
	size_t n, i, max;
	dv_typed t;

	if (!s->top) {
		dv_jsonw_null(w);
		return DCVAL_OK;
	}
	max = complete ? dv_ss_size(s->top) : s->top_n;
	it = dv_mallocarray(max ? max : 1, sizeof(*it));
	if (!it)
		return DCVAL_ENOMEM;
	n = dv_colstats_top(s, it, max);
	dv_jsonw_array(w, false);
	for (i = 0; i < n; i++) {
		dv_jsonw_object(w, false);
		dv_jsonw_key(w, "value");
		if (s->type == DV_T_STRING) {
			dv_jsonw_str(w, (const char *)it[i].key, it[i].len);
		} else {
			dv_colstats_unkey(s->type, it[i].key, &t);
			put_typed(w, s, &t);
		}
		dv_jsonw_key(w, "count");
		dv_jsonw_uint(w, it[i].count);
		dv_jsonw_end(w);
	}
	dv_jsonw_end(w);
	dv_free(it);
	return DCVAL_OK;
}

static dcval_status put_sketch(dv_jsonw *w, const dv_colstats *s)
{
	dv_colstats_frames f;
	dv_sketch_status st = dv_colstats_frames_make(s, &f);
	int k;

	if (st != DV_SKETCH_OK)
		return DCVAL_ENOMEM;
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "format");
	dv_jsonw_uint(w, 1);
	dv_jsonw_key(w, "top_n");
	dv_jsonw_uint(w, s->top_n);
	for (k = 0; k < DV_CSF_COUNT; k++) {
		dv_jsonw_key(w, dv_colstats_frame_keys[k]);
		if (f.text[k])
			dv_jsonw_str(w, f.text[k], f.len[k]);
		else
			dv_jsonw_null(w);
	}
	dv_jsonw_end(w);
	dv_colstats_frames_free(&f);
	return DCVAL_OK;
}

static dcval_status put_column(dv_jsonw *w, const dv_profile_col *c)
{
	const dv_colstats *s = c->s;
	bool num = !s->vector && (s->type == DV_T_INTEGER || s->type == DV_T_NUMBER);
	bool exact, complete = dv_colstats_top_complete(s);
	double d = dv_colstats_distinct(s, &exact);
	dcval_status st;

	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "name");
	dv_jsonw_cstr(w, c->name);
	dv_jsonw_key(w, "type");
	dv_jsonw_cstr(w, c->type_name);
	dv_jsonw_key(w, "count");
	dv_jsonw_uint(w, s->count);
	dv_jsonw_key(w, "nulls");
	dv_jsonw_uint(w, s->nulls);
	dv_jsonw_key(w, "null_fraction");
	put_num(w, s->count ? (double)s->nulls / (double)s->count : 0, 0);
	dv_jsonw_key(w, "invalid");
	dv_jsonw_uint(w, s->invalid);
	dv_jsonw_key(w, "distinct");
	dv_jsonw_uint(w, (uint64_t)llround(d));
	dv_jsonw_key(w, "distinct_exact");
	dv_jsonw_bool(w, exact);
	dv_jsonw_key(w, "min");
	if (s->has_minmax)
		put_typed(w, s, &s->min);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "max");
	if (s->has_minmax)
		put_typed(w, s, &s->max);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "mean");
	if (num && s->mom.n)
		put_num(w, dv_moments_mean(&s->mom), DV_PROFILE_DIGITS);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "stddev");
	if (num && s->mom.n)
		put_num(w, dv_moments_stddev(&s->mom), DV_PROFILE_DIGITS);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "quantiles");
	if ((st = put_quantiles(w, s)) != DCVAL_OK)
		return st;
	dv_jsonw_key(w, "length");
	if (!s->vector && s->type == DV_T_STRING)
		put_minmax_mean(w, &s->len, true);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "dimension");
	if (s->vector)
		put_minmax_mean(w, &s->dim, false);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "norm");
	if (s->vector)
		put_minmax_mean(w, &s->norm, true);
	else
		dv_jsonw_null(w);
	dv_jsonw_key(w, "top");
	if ((st = put_top(w, s, complete)) != DCVAL_OK)
		return st;
	dv_jsonw_key(w, "top_complete");
	dv_jsonw_bool(w, complete);
	dv_jsonw_key(w, "sketch");
	if ((st = put_sketch(w, s)) != DCVAL_OK)
		return st;
	dv_jsonw_end(w);
	return DCVAL_OK;
}

dcval_status dv_profile_write(FILE *out, const dv_profile_head *h,
			      const dv_profile_col *cols, size_t n)
{
	dv_jsonw w;
	dcval_status st = DCVAL_OK;
	size_t i;

	dv_jsonw_init(&w, out);
	dv_jsonw_object(&w, true);
	dv_jsonw_key(&w, "profile_version");
	dv_jsonw_uint(&w, DV_PROFILE_VERSION);
	dv_jsonw_key(&w, "tool");
	dv_jsonw_object(&w, false);
	dv_jsonw_key(&w, "name");
	dv_jsonw_cstr(&w, "dcval");
	dv_jsonw_key(&w, "version");
	dv_jsonw_cstr(&w, dcval_version());
	dv_jsonw_end(&w);
	dv_jsonw_key(&w, "contract");
	if (h->has_contract) {
		dv_jsonw_object(&w, false);
		dv_jsonw_key(&w, "name");
		dv_jsonw_cstr(&w, h->c_name);
		dv_jsonw_key(&w, "version");
		dv_jsonw_cstr(&w, h->c_version);
		dv_jsonw_key(&w, "sha256");
		dv_jsonw_cstr(&w, h->c_sha);
		dv_jsonw_end(&w);
	} else {
		dv_jsonw_null(&w);
	}
	dv_jsonw_key(&w, "inputs");
	dv_jsonw_array(&w, true);
	for (i = 0; i < h->n_inputs; i++) {
		const dv_profinput *in = &h->inputs[i];

		dv_jsonw_object(&w, false);
		dv_jsonw_key(&w, "path");
		dv_jsonw_cstr(&w, in->path);
		dv_jsonw_key(&w, "format");
		dv_jsonw_cstr(&w, in->format);
		dv_jsonw_key(&w, "bytes");
		if (in->has_bytes)
			dv_jsonw_uint(&w, in->bytes);
		else
			dv_jsonw_null(&w);
		dv_jsonw_key(&w, "records");
		dv_jsonw_uint(&w, in->records);
		dv_jsonw_end(&w);
	}
	dv_jsonw_end(&w);
	dv_jsonw_key(&w, "records");
	dv_jsonw_uint(&w, h->records);
	dv_jsonw_key(&w, "columns");
	dv_jsonw_array(&w, true);
	for (i = 0; i < n && st == DCVAL_OK; i++)
		st = put_column(&w, &cols[i]);
	dv_jsonw_end(&w);
	dv_jsonw_end(&w);
	if (st != DCVAL_OK)
		return st;
	if (fputc('\n', out) == EOF)
		return DCVAL_EIO;
	st = dv_jsonw_status(&w);
	return st;
}

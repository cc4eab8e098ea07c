/*
 * Reading a profile document back; see profdoc.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "stats/profdoc.h"
#include "util/alloc.h"
#include "util/jdoc.h"

#define NONE ((size_t)-1)

struct rd {
	dv_jdoc d;
	char *why;
	size_t why_len;
};

static dcval_status bad(struct rd *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->why, r->why_len, fmt, ap);
	va_end(ap);
	return DCVAL_EUSAGE;
}

/* Value node of member `key` of object node obj, or NONE. */
static size_t member(const dv_jdoc *d, size_t obj, const char *key)
{
	size_t i, klen = strlen(key), n;
	const char *k;

	if (obj == NONE || d->nodes[obj].type != DV_J_OBJECT)
		return NONE;
	for (i = obj + 1; i < d->nodes[obj].len; i = dv_jdoc_next(d, i + 1)) {
		k = dv_jdoc_bytes(d, i, &n);
		if (n == klen && memcmp(k, key, n) == 0)
			return i + 1;
	}
	return NONE;
}

static int jtype(const dv_jdoc *d, size_t i)
{
	return i == NONE ? -1 : d->nodes[i].type;
}

static bool get_u64(const dv_jdoc *d, size_t i, uint64_t *out)
{
	const char *s;
	size_t n;
	int64_t v;

	if (jtype(d, i) != DV_J_NUMBER)
		return false;
	s = dv_jdoc_bytes(d, i, &n);
	if (!dv_parse_integer(s, n, &v) || v < 0)
		return false;
	*out = (uint64_t)v;
	return true;
}

static bool get_double(const dv_jdoc *d, size_t i, double *out)
{
	const char *s;
	size_t n;

	if (jtype(d, i) != DV_J_NUMBER)
		return false;
	s = dv_jdoc_bytes(d, i, &n);
	return dv_parse_number(s, n, out);
}

/* A new NUL-terminated copy of string node i; NULL when not a string
 * (*oom set when out of memory). */
static char *get_str(const dv_jdoc *d, size_t i, size_t *len, bool *oom)
{
	const char *s;
	size_t n;
	char *c;

	if (jtype(d, i) != DV_J_STRING)
		return NULL;
	s = dv_jdoc_bytes(d, i, &n);
	c = dv_strndup(s, n);
	if (!c)
		*oom = true;
	if (len)
		*len = n;
	return c;
}

/* A typed value written by dv_colstats_render (or a quantile). */
static bool get_typed(const dv_jdoc *d, size_t i, dv_type t, dv_typed *out)
{
	const char *s;
	size_t n;
	int tp = jtype(d, i);

	memset(out, 0, sizeof(*out));
	switch (t) {
	case DV_T_INTEGER:
		if (tp != DV_J_NUMBER)
			return false;
		s = dv_jdoc_bytes(d, i, &n);
		return dv_parse_integer(s, n, &out->i);
	case DV_T_NUMBER:
		return get_double(d, i, &out->d);
	case DV_T_BOOLEAN:
		out->i = tp == DV_J_TRUE;
		return tp == DV_J_TRUE || tp == DV_J_FALSE;
	default:
		break;
	}
	if (tp != DV_J_STRING)
		return false;
	s = dv_jdoc_bytes(d, i, &n);
	switch (t) {
	case DV_T_DATE:
		return dv_parse_date(s, n, &out->i);
	case DV_T_DATETIME:
		return dv_parse_datetime(s, n, &out->i, &out->ns);
	case DV_T_TIME:
		if (!dv_parse_time(s, n, &out->i, &out->ns))
			return false;
		dv_colstats_norm_time(t, out);
		return true;
	default:
		return false;
	}
}

static dcval_status read_top(struct rd *r, size_t i, dv_profcol *c)
{
	const dv_jdoc *d = &r->d;
	size_t j, n = 0, k = 0;
	bool oom = false;

	if (jtype(d, i) == DV_J_NULL)
		return DCVAL_OK;
	if (jtype(d, i) != DV_J_ARRAY)
		return bad(r, "column \"%s\": \"top\" is not a list", c->name);
	for (j = i + 1; j < d->nodes[i].len; j = dv_jdoc_next(d, j))
		n++;
	c->has_top = true;
	c->top = dv_calloc(n ? n : 1, sizeof(*c->top));
	if (!c->top)
		return DCVAL_ENOMEM;
	for (j = i + 1; j < d->nodes[i].len; j = dv_jdoc_next(d, j), k++) {
		dv_proftop *e = &c->top[k];
		size_t v = member(d, j, "value");

		c->n_top = k + 1;
		if (!get_u64(d, member(d, j, "count"), &e->count))
			return bad(r, "column \"%s\": a \"top\" entry lacks its count",
				   c->name);
		if (c->type == DV_T_STRING) {
			e->s = get_str(d, v, &e->len, &oom);
			if (oom)
				return DCVAL_ENOMEM;
			if (!e->s)
				return bad(r, "column \"%s\": a \"top\" value is not a string",
					   c->name);
		} else if (!get_typed(d, v, c->type, &e->t)) {
			return bad(r, "column \"%s\": a \"top\" value is not %s",
				   c->name, dv_type_article(c->type));
		}
	}
	return DCVAL_OK;
}

static dcval_status read_quantiles(struct rd *r, size_t i, dv_profcol *c)
{
	const dv_jdoc *d = &r->d;
	size_t k;
	dv_typed t;

	if (jtype(d, i) == DV_J_NULL || i == NONE)
		return DCVAL_OK;
	for (k = 0; k < DV_COLSTATS_NQ; k++) {
		size_t v = member(d, i, dv_colstats_rank_keys[k]);

		if (!get_typed(d, v, c->type, &t))
			return bad(r, "column \"%s\": quantile %s is missing or not %s",
				   c->name, dv_colstats_rank_keys[k],
				   dv_type_article(c->type));
		c->q[k] = dv_colstats_num(c->type, &t);
	}
	c->has_quantiles = true;
	return DCVAL_OK;
}

static dcval_status read_sketch(struct rd *r, size_t col, dv_profcol *c)
{
	const dv_jdoc *d = &r->d;
	size_t sk = member(d, col, "sketch"), v;
	dv_colstats_frames f;
	dv_colstats_exact x;
	dv_sketch_status st;
	uint64_t top_n = DV_COLSTATS_TOP_DEFAULT;
	bool oom = false;
	int k;

	if (jtype(d, sk) != DV_J_OBJECT)
		return bad(r, "column \"%s\": no \"sketch\" object", c->name);
	v = member(d, sk, "format");
	if (!get_u64(d, v, &top_n) || top_n != 1)
		return bad(r, "column \"%s\": sketch format is not 1", c->name);
	top_n = DV_COLSTATS_TOP_DEFAULT;
	v = member(d, sk, "top_n");
	if (v != NONE && (!get_u64(d, v, &top_n) || top_n < 1 ||
			  top_n > DV_COLSTATS_TOP_MAX))
		return bad(r, "column \"%s\": sketch top_n out of range", c->name);
	c->top_n = (uint32_t)top_n;
	memset(&f, 0, sizeof(f));
	for (k = 0; k < DV_CSF_COUNT; k++)
		f.text[k] = get_str(d, member(d, sk, dv_colstats_frame_keys[k]),
				    &f.len[k], &oom);
	memset(&x, 0, sizeof(x));
	x.count = c->count;
	x.nulls = c->nulls;
	x.invalid = c->invalid;
	if (!oom && dv_colstats_ordered(c->type) && !c->vector &&
	    jtype(d, member(d, col, "min")) != DV_J_NULL) {
		x.has_minmax = true;
		if (!get_typed(d, member(d, col, "min"), c->type, &x.min) ||
		    !get_typed(d, member(d, col, "max"), c->type, &x.max)) {
			dv_colstats_frames_free(&f);
			return bad(r, "column \"%s\": min or max is not %s", c->name,
				   dv_type_article(c->type));
		}
	}
	st = oom ? DV_SKETCH_ENOMEM
		 : dv_colstats_rebuild(&c->stats, c->type, c->vector, c->top_n,
				       &x, &f);
	dv_colstats_frames_free(&f);
	if (st == DV_SKETCH_ENOMEM)
		return DCVAL_ENOMEM;
	if (st != DV_SKETCH_OK)
		return bad(r, "column \"%s\": sketch does not decode (%s)", c->name,
			   dv_sketch_status_str(st));
	return DCVAL_OK;
}

static dcval_status read_column(struct rd *r, size_t i, dv_profcol *c)
{
	const dv_jdoc *d = &r->d;
	bool oom = false;
	dcval_status st;
	size_t v;

	c->name = get_str(d, member(d, i, "name"), NULL, &oom);
	c->type_name = get_str(d, member(d, i, "type"), NULL, &oom);
	if (oom)
		return DCVAL_ENOMEM;
	if (!c->name || !c->type_name)
		return bad(r, "a column lacks its name or type");
	if (!dv_type_parse(c->type_name, &c->type))
		return bad(r, "column \"%s\": unknown type \"%s\"", c->name,
			   c->type_name);
	c->vector = c->type == DV_T_VECTOR;
	if (!get_u64(d, member(d, i, "count"), &c->count) ||
	    !get_u64(d, member(d, i, "nulls"), &c->nulls) ||
	    !get_u64(d, member(d, i, "invalid"), &c->invalid) ||
	    c->nulls > c->count || c->invalid > c->count - c->nulls)
		return bad(r, "column \"%s\": count, nulls or invalid missing or inconsistent",
			   c->name);
	if (!get_double(d, member(d, i, "null_fraction"), &c->null_fraction))
		return bad(r, "column \"%s\": no null_fraction", c->name);
	v = member(d, i, "top_complete");
	c->top_complete = jtype(d, v) == DV_J_TRUE;
	if ((st = read_quantiles(r, member(d, i, "quantiles"), c)) != DCVAL_OK ||
	    (st = read_top(r, member(d, i, "top"), c)) != DCVAL_OK)
		return st;
	return read_sketch(r, i, c);
}

static dcval_status read_inputs(struct rd *r, size_t i, dv_profdoc *doc)
{
	const dv_jdoc *d = &r->d;
	size_t j, n = 0;
	bool oom = false;

	if (jtype(d, i) != DV_J_ARRAY)
		return bad(r, "no \"inputs\" list");
	for (j = i + 1; j < d->nodes[i].len; j = dv_jdoc_next(d, j))
		n++;
	doc->inputs = dv_calloc(n ? n : 1, sizeof(*doc->inputs));
	if (!doc->inputs)
		return DCVAL_ENOMEM;
	for (j = i + 1; j < d->nodes[i].len; j = dv_jdoc_next(d, j)) {
		dv_profinput *in = &doc->inputs[doc->n_inputs++];

		in->path = get_str(d, member(d, j, "path"), NULL, &oom);
		in->format = get_str(d, member(d, j, "format"), NULL, &oom);
		in->has_bytes = get_u64(d, member(d, j, "bytes"), &in->bytes);
		if (oom)
			return DCVAL_ENOMEM;
		if (!in->path || !get_u64(d, member(d, j, "records"), &in->records))
			return bad(r, "an input lacks its path or records");
	}
	return DCVAL_OK;
}

static dcval_status read_contract(struct rd *r, size_t i, dv_profdoc *doc)
{
	const dv_jdoc *d = &r->d;
	bool oom = false;

	if (jtype(d, i) == DV_J_NULL)
		return DCVAL_OK;
	if (jtype(d, i) != DV_J_OBJECT)
		return bad(r, "\"contract\" is neither an object nor null");
	doc->has_contract = true;
	doc->c_name = get_str(d, member(d, i, "name"), NULL, &oom);
	doc->c_version = get_str(d, member(d, i, "version"), NULL, &oom);
	doc->c_sha = get_str(d, member(d, i, "sha256"), NULL, &oom);
	if (oom)
		return DCVAL_ENOMEM;
	if (!doc->c_name || !doc->c_sha)
		return bad(r, "\"contract\" lacks its name or sha256");
	return DCVAL_OK;
}

static dcval_status read_doc(struct rd *r, dv_profdoc *doc)
{
	const dv_jdoc *d = &r->d;
	size_t cols, j, n = 0;
	uint64_t v;
	dcval_status st;

	if (jtype(d, 0) != DV_J_OBJECT)
		return bad(r, "not a JSON object");
	if (member(d, 0, "profile_version") == NONE)
		return bad(r, "no \"profile_version\"");
	if (!get_u64(d, member(d, 0, "profile_version"), &v))
		return bad(r, "profile_version is not a number");
	if (v != DV_PROFILE_VERSION)
		return bad(r, "profile_version %llu, this dcval reads %d",
			   (unsigned long long)v, DV_PROFILE_VERSION);
	doc->version = (int64_t)v;
	if (!get_u64(d, member(d, 0, "records"), &doc->records))
		return bad(r, "no \"records\" count");
	if ((st = read_contract(r, member(d, 0, "contract"), doc)) != DCVAL_OK ||
	    (st = read_inputs(r, member(d, 0, "inputs"), doc)) != DCVAL_OK)
		return st;
	cols = member(d, 0, "columns");
	if (jtype(d, cols) != DV_J_ARRAY)
		return bad(r, "no \"columns\" list");
	for (j = cols + 1; j < d->nodes[cols].len; j = dv_jdoc_next(d, j))
		n++;
	doc->columns = dv_calloc(n ? n : 1, sizeof(*doc->columns));
	if (!doc->columns)
		return DCVAL_ENOMEM;
	for (j = cols + 1; j < d->nodes[cols].len; j = dv_jdoc_next(d, j)) {
		if (jtype(d, j) != DV_J_OBJECT)
			return bad(r, "a column is not an object");
		st = read_column(r, j, &doc->columns[doc->n_columns++]);
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

dcval_status dv_profdoc_parse(const char *text, size_t len, dv_profdoc *doc,
			      char *why, size_t why_len)
{
	struct rd r;
	dcval_status st;
	bool valid;

	memset(doc, 0, sizeof(*doc));
	memset(&r, 0, sizeof(r));
	r.why = why;
	r.why_len = why_len;
	if (why_len)
		why[0] = '\0';
	dv_jdoc_init(&r.d, (size_t)1 << 30);
	st = dv_jdoc_parse(&r.d, text, len, &valid);
	if (st == DCVAL_OK && !valid)
		st = bad(&r, "not JSON (%s at byte %zu)", r.d.err.reason,
			 r.d.err.pos + 1);
	if (st == DCVAL_OK)
		st = read_doc(&r, doc);
	if (st == DCVAL_ELIMIT)
		st = bad(&r, "too large");
	dv_jdoc_release(&r.d);
	return st;
}

void dv_profdoc_release(dv_profdoc *doc)
{
	size_t i, k;

	for (i = 0; i < doc->n_columns; i++) {
		dv_profcol *c = &doc->columns[i];

		for (k = 0; k < c->n_top; k++)
			dv_free(c->top[k].s);
		dv_free(c->top);
		dv_free(c->name);
		dv_free(c->type_name);
		dv_colstats_free(c->stats);
	}
	for (i = 0; i < doc->n_inputs; i++) {
		dv_free(doc->inputs[i].path);
		dv_free(doc->inputs[i].format);
	}
	dv_free(doc->columns);
	dv_free(doc->inputs);
	dv_free(doc->c_name);
	dv_free(doc->c_version);
	dv_free(doc->c_sha);
	memset(doc, 0, sizeof(*doc));
}

const dv_profcol *dv_profdoc_column(const dv_profdoc *doc, const char *name)
{
	size_t i;

	for (i = 0; i < doc->n_columns; i++)
		if (!strcmp(doc->columns[i].name, name))
			return &doc->columns[i];
	return NULL;
}

char *dv_profdoc_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t n = 0, cap = 0, got;
	int e;

	if (!f)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > ((size_t)1 << 30) || !(nb = dv_realloc(buf, cap + 1))) {
				dv_free(buf);
				fclose(f);
				errno = cap > ((size_t)1 << 30) ? EFBIG : ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	e = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (e) {
		dv_free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

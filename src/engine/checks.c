/*
 * Value checks: the per-record hot path. For every column: null and
 * required, the type parse (text or JSON value -> dv_typed), then the
 * compiled ops in order (each row's evaluate function of the column-
 * check table, contract/colcheck_rows.h), then unique. A failed type
 * parse is one `type` violation and the value's other checks are
 * skipped (spec).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "value/decimal.h"
#include "value/vector.h"
#include "engine/engine_impl.h"

static const char *const default_true[] = { "true", "True", "TRUE", "1" };
static const char *const default_false[] = { "false", "False", "FALSE", "0" };

/* Whether the C string z equals the bytes s[0..len) (which may hold NUL
 * bytes), without measuring z first. */
static bool str_is(const char *z, const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < len; k++)
		if (z[k] != s[k] || z[k] == '\0')
			return false;
	return z[len] == '\0';
}

static bool in_list(const char *const *list, size_t n, const char *s,
		    size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (str_is(list[i], s, len))
			return true;
	return false;
}

static bool is_null_text(const struct dcval_contract *c, const char *s,
			 size_t len)
{
	return len <= c->max_null_len &&
	       in_list(c->null_values, c->n_null_values, s, len);
}

/* The default spellings (default_true, default_false) by length: 1 for
 * true, 0 for false, -1 for neither; one comparison instead of a walk of
 * both lists (every boolean value of every record comes here). */
static int default_bool(const char *s, size_t len)
{
	switch (len) {
	case 1:
		return *s == '1' ? 1 : *s == '0' ? 0 : -1;
	case 4:
		return !memcmp(s, "true", 4) || !memcmp(s, "True", 4) ||
		       !memcmp(s, "TRUE", 4) ? 1 : -1;
	case 5:
		return !memcmp(s, "false", 5) || !memcmp(s, "False", 5) ||
		       !memcmp(s, "FALSE", 5) ? 0 : -1;
	default:
		return -1;
	}
}

static bool parse_bool(const dv_column *col, const char *s, size_t len,
		       dv_typed *t)
{
	int b;

	if (!col->n_true && !col->n_false) {
		b = default_bool(s, len);
		t->i = b == 1;
		return b >= 0;
	}
	const char *const *tl = col->n_true ? col->true_values : default_true;
	const char *const *fl = col->n_false ? col->false_values : default_false;
	size_t nt = col->n_true ? col->n_true : 4;
	size_t nf = col->n_false ? col->n_false : 4;

	if (in_list(tl, nt, s, len)) {
		t->i = 1;
		return true;
	}
	if (in_list(fl, nf, s, len)) {
		t->i = 0;
		return true;
	}
	return false;
}

/* A vector's text: its dimension, first non-finite element and norm
 * (types.h). */
static bool parse_vector(const char *s, size_t len, dv_typed *t)
{
	dv_vecstat vs;

	if (!s || !dv_parse_vector(s, len, &vs))
		return false;
	t->i = vs.dim > INT64_MAX ? INT64_MAX : (int64_t)vs.dim;
	t->ns = vs.nonfinite > INT32_MAX ? INT32_MAX : (int32_t)vs.nonfinite;
	t->d = vs.norm;
	return true;
}

/* Parse text (csv, coerced or a json string for temporal types). */
static bool parse_text(const dv_column *col, const char *s, size_t len,
		       dv_typed *t)
{
	switch (col->type) {
	case DV_T_STRING:
	case DV_T_ANY:
		return true;
	case DV_T_INTEGER:
		return dv_parse_integer(s, len, &t->i);
	case DV_T_NUMBER:
		return dv_parse_number(s, len, &t->d);
	case DV_T_BOOLEAN:
		return parse_bool(col, s, len, t);
	case DV_T_DATE:
		if (col->time_format)
			return dv_parse_with_format(col->time_format, col->type, s, len, t);
		return dv_parse_date(s, len, &t->i);
	case DV_T_DATETIME:
		if (col->time_format)
			return dv_parse_with_format(col->time_format, col->type, s, len, t);
		return dv_parse_datetime(s, len, &t->i, &t->ns);
	case DV_T_TIME:
		if (col->time_format)
			return dv_parse_with_format(col->time_format, col->type, s, len, t);
		return dv_parse_time(s, len, &t->i, &t->ns);
	case DV_T_VECTOR:
		return parse_vector(s, len, t);
	default:
		return false;
	}
}

/* A JSON number in a typed column: read exactly from its text. */
static bool parse_jnum(const dv_column *col, const dv_value *v, dv_typed *t)
{
	switch (col->type) {
	case DV_T_INTEGER:
		return dv_dec_to_int64(v->s, v->len, &t->i);
	case DV_T_NUMBER:
		return dv_parse_number(v->s, v->len, &t->d);
	default:
		return false;
	}
}

static bool parse_value(const dv_column *col, const dv_value *v, dv_typed *t)
{
	if (v->kind == DV_V_JPARENT)
		return false;
	if (col->type == DV_T_ANY)
		return true;
	switch (v->kind) {
	case DV_V_TEXT:
		return parse_text(col, v->s, v->len, t);
	case DV_V_JSTRING:
		if (col->type == DV_T_STRING)
			return true;
		if (col->type == DV_T_DATE || col->type == DV_T_DATETIME ||
		    col->type == DV_T_TIME)
			return parse_text(col, v->s, v->len, t);
		return false;
	case DV_V_JNUM:
		return parse_jnum(col, v, t);
	case DV_V_JBOOL:
		t->i = v->i;
		return col->type == DV_T_BOOLEAN;
	case DV_V_JOTHER: /* compact text: an array is a vector's syntax */
		return col->type == DV_T_VECTOR && parse_vector(v->s, v->len, t);
	default:
		return false;
	}
}

static dcval_status emit_value(dv_engine *e, dv_record *rec,
			       const dv_column *col, const dv_value *v,
			       dv_rule rule, const char *detail)
{
	const char *s;
	size_t len;

	/* a non-object parent: the message says so, no text is shown (it
	 * may hold a sensitive sibling) */
	if (v->kind == DV_V_JPARENT)
		return dv_engine_emit(e, rec, rule, col->severity, v->field,
				      col->name, NULL, 0, false, v->s);
	dv_engine_value_text(e, v, &s, &len);
	return dv_engine_emit(e, rec, rule, col->severity, v->field, col->name, s,
			      len, col->sensitive, detail);
}

/* A JSON string where a number or boolean belongs says so: "31" alone
 * would read like the number 31. */
static const char *type_detail(const dv_column *col, const dv_value *v)
{
	if (v->kind != DV_V_JSTRING)
		return col->type_detail;
	switch (col->type) {
	case DV_T_INTEGER:
		return "is a string, not an integer";
	case DV_T_NUMBER:
		return "is a string, not a number";
	case DV_T_BOOLEAN:
		return "is a string, not a boolean";
	case DV_T_VECTOR:
		return "is a string, not a vector";
	default:
		return col->type_detail;
	}
}

/* `ov` holds the record's scratch (md, msg); the value's fields are set
 * here. */
static dcval_status check_value(dv_engine *e, dv_record *rec,
				const dv_column *col, const dv_value *v,
				dv_typed *t, bool *typed, dv_opval *ov)
{
	const dv_op *op, *end;
	dcval_status st;

	if (!parse_value(col, v, t))
		return emit_value(e, rec, col, v, DV_R_TYPE, type_detail(col, v));
	*typed = true;
	ov->type = col->type;
	ov->s = v->s;
	ov->len = v->len;
	ov->t = t;
	/* the bounds in locals: the calls could otherwise make the compiler
	 * load them again after each one */
	for (op = col->ops, end = op + col->n_ops; op != end; op++) {
		const char *detail = op->eval(op, ov);

		if (!detail)
			continue;
		st = emit_value(e, rec, col, v, op->rule, detail);
		if (st != DCVAL_OK)
			return st;
	}
	if (col->unique)
		return dv_engine_check_unique(e, rec, col, v, t);
	return DCVAL_OK;
}

dcval_status dv_engine_check_columns(dv_engine *e, dv_record *rec)
{
	const struct dcval_contract *c = e->c;
	const dv_column *cols = c->columns;
	dv_value *values = e->values;
	bool *has_typed = e->has_typed;
	const bool *skip = e->col_skip;
	size_t k, n = c->n_columns;
	char msg[DV_OP_MSG];
	dv_opval ov;
	dcval_status st;

	ov.md = e->md;
	ov.msg = msg;
	ov.msg_cap = sizeof(msg);
	for (k = 0; k < n; k++) {
		const dv_column *col = &cols[k];
		dv_value *v = &values[k];

		has_typed[k] = false;
		if (skip[k] || v->kind == DV_V_ABSENT || v->kind == DV_V_SKIP)
			continue;
		if (v->kind == DV_V_TEXT && is_null_text(c, v->s, v->len))
			v->kind = DV_V_NULL;
		if (v->kind == DV_V_NULL) {
			if (!col->required)
				continue;
			st = dv_engine_emit(e, rec, DV_R_REQUIRED, col->severity,
					    v->field, col->name, NULL, 0, false,
					    "required value is missing");
		} else {
			st = check_value(e, rec, col, v, &e->typed[k],
					 &has_typed[k], &ov);
		}
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

/*
 * Value checks: the per-record hot path. For every column: null and
 * required, the type parse (text or JSON value -> dv_typed), then the
 * compiled ops in order, then unique. A failed type parse is one `type`
 * violation and the value's other checks are skipped (spec).
 */
#include <stdio.h>
#include <string.h>

#include "value/decimal.h"
#include "engine/engine_impl.h"
#include "util/utf8.h"

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

static bool parse_bool(const dv_column *col, const char *s, size_t len,
		       dv_typed *t)
{
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
	default:
		return false;
	}
}

void dv_engine_value_text(dv_engine *e, const dv_value *v, const char **s,
			  size_t *len)
{
	if (v->s && v->kind != DV_V_JPARENT) {
		*s = v->s;
		*len = v->len;
		return;
	}
	dv_buf_reset(&e->text);
	if (v->kind == DV_V_JBOOL)
		dv_buf_printf(&e->text, "%s", v->i ? "true" : "false");
	*s = e->text.data ? e->text.data : "";
	*len = e->text.len;
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

/*
 * A number column's value against bound op: by double first, and when
 * the doubles tie, by the exact values of the two texts (a value and a
 * bound that round to the same double may still differ).
 */
static int number_cmp(const dv_value *v, const dv_typed *t, const dv_op *op)
{
	int c = (t->d > op->u.bound.d) - (t->d < op->u.bound.d);

	if (c == 0 && v->s && op->arg)
		c = dv_dec_cmp(v->s, v->len, op->arg, strlen(op->arg));
	return c;
}

static int bound_cmp(const dv_column *col, const dv_value *v,
		     const dv_typed *t, const dv_op *op)
{
	if (col->type == DV_T_NUMBER)
		return number_cmp(v, t, op);
	return dv_typed_cmp(col->type, t, &op->u.bound);
}

static bool enum_has_string(const dv_enum *en, const char *s, size_t len)
{
	size_t lo = 0, hi = en->n, mid, n;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		n = en->str_len[mid] < len ? en->str_len[mid] : len;
		c = memcmp(en->str[mid], s, n);
		if (c == 0)
			c = en->str_len[mid] < len ? -1 : en->str_len[mid] > len;
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool enum_has_typed(const dv_enum *en, dv_type type, const dv_typed *t)
{
	size_t lo = 0, hi = en->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = dv_typed_cmp(type, &en->typed[mid], t);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Match a value against a pattern. A JIT match that overflows the JIT's
 * stack is run again by the interpreter. Returns whether it matched; on
 * a failure other than "no match" *gave_up holds the message tail.
 */
static bool pattern_matches(dv_engine *e, const dv_pattern *re,
			    const dv_value *v, const char **gave_up)
{
	int rc = pcre2_match(re->code, (PCRE2_SPTR)v->s, v->len, 0,
			     PCRE2_NO_UTF_CHECK, e->md, re->mctx);

	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(re->code, (PCRE2_SPTR)v->s, v->len, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, e->md,
				 re->mctx);
	if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH)
		return rc >= 0;
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
		*gave_up = "was not checked: pattern match gave up after "
			   DV_PATTERN_STR(DV_PATTERN_MATCH_LIMIT)
			   " steps (the match limit)";
		break;
	case PCRE2_ERROR_DEPTHLIMIT:
		*gave_up = "was not checked: pattern match gave up at backtracking depth "
			   DV_PATTERN_STR(DV_PATTERN_DEPTH_LIMIT)
			   " (the depth limit)";
		break;
	case PCRE2_ERROR_NOMEMORY:
	case PCRE2_ERROR_HEAPLIMIT:
		*gave_up = "was not checked: pattern match gave up (out of memory)";
		break;
	default:
		*gave_up = "was not checked: pattern match failed";
		break;
	}
	return false;
}

/* Whether value passes op; *gave_up set when a pattern match gave up. */
static bool op_passes(dv_engine *e, const dv_column *col, const dv_op *op,
		      const dv_value *v, const dv_typed *t,
		      const char **gave_up)
{
	switch (op->rule) {
	case DV_R_MINIMUM:
		return bound_cmp(col, v, t, op) >= 0;
	case DV_R_MAXIMUM:
		return bound_cmp(col, v, t, op) <= 0;
	case DV_R_EXCLUSIVE_MINIMUM:
		return bound_cmp(col, v, t, op) > 0;
	case DV_R_EXCLUSIVE_MAXIMUM:
		return bound_cmp(col, v, t, op) < 0;
	case DV_R_MIN_LENGTH:
		return op->u.length <= v->len &&
		       dv_utf8_count(v->s, v->len) >= op->u.length;
	case DV_R_MAX_LENGTH:
		return v->len <= op->u.length ||
		       dv_utf8_count(v->s, v->len) <= op->u.length;
	case DV_R_ENUM:
		if (col->type == DV_T_STRING)
			return enum_has_string(op->u.en, v->s, v->len);
		return enum_has_typed(op->u.en, col->type, t);
	case DV_R_FORMAT:
		return dv_strfmt_check(op->u.strfmt, v->s, v->len);
	case DV_R_PATTERN:
		return pattern_matches(e, op->u.re, v, gave_up);
	default:
		return true;
	}
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
	default:
		return col->type_detail;
	}
}

static dcval_status check_value(dv_engine *e, dv_record *rec,
				const dv_column *col, const dv_value *v,
				dv_typed *t, bool *typed)
{
	dcval_status st;
	size_t i;

	if (!parse_value(col, v, t))
		return emit_value(e, rec, col, v, DV_R_TYPE, type_detail(col, v));
	*typed = true;
	for (i = 0; i < col->n_ops; i++) {
		const dv_op *op = &col->ops[i];
		const char *gave_up = NULL;

		if (op_passes(e, col, op, v, t, &gave_up))
			continue;
		st = emit_value(e, rec, col, v, op->rule,
				gave_up ? gave_up : op->detail);
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
	dcval_status st;
	size_t k;

	for (k = 0; k < c->n_columns; k++) {
		const dv_column *col = &c->columns[k];
		dv_value *v = &e->values[k];

		e->has_typed[k] = false;
		if (e->col_skip[k] || v->kind == DV_V_ABSENT || v->kind == DV_V_SKIP)
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
					 &e->has_typed[k]);
		}
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

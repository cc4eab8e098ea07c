/*
 * Cross-field rules per record (contract.md "Cross-field rules"): after
 * the record's column checks, each rule in contract order: `when` must be
 * true for `check` to run, and `check` fails only when it is false (null
 * passes, as SQL's CHECK does). A violation has no field and no column;
 * its value lists the referenced columns as `name=value` pairs.
 */
#include <string.h>

#include "engine/engine_impl.h"
#include "engine/rules.h"
#include "util/utf8.h"

/* Bytes of a rule violation's value text kept: reports show 80 (cut with
 * "..."); a little more keeps the cut honest without copying whole
 * fields. */
#define RULE_VALUE_MAX 256

/* The input text of column k for a rule's value: `null` when absent or
 * null (or unreadable: an encoding violation, a non-object parent),
 * `<redacted>` when sensitive; a value that failed its type check shows
 * its text. */
static void column_text(const dv_engine *e, size_t k, const char **s,
			size_t *len)
{
	const dv_value *v = &e->values[k];

	*s = "null";
	*len = 4;
	if (e->col_skip[k] || v->kind == DV_V_ABSENT || v->kind == DV_V_NULL ||
	    v->kind == DV_V_SKIP || v->kind == DV_V_JPARENT)
		return;
	if (e->c->columns[k].sensitive) {
		*s = "<redacted>";
		*len = 10;
		return;
	}
	if (v->kind == DV_V_JBOOL) {
		*s = v->i ? "true" : "false";
		*len = strlen(*s);
		return;
	}
	if (v->s) {
		*s = v->s;
		*len = v->len;
	}
}

static void put(dv_buf *b, const char *s, size_t len)
{
	size_t room;

	if (b->len >= RULE_VALUE_MAX)
		return;
	room = RULE_VALUE_MAX - b->len;
	if (len > room)
		len = dv_utf8_cut(s, len, room);
	(void)dv_buf_append(b, s, len);
}

static void value_text(dv_engine *e, const dv_xrule *r)
{
	const char *s;
	size_t i, len;

	dv_buf_reset(&e->text);
	for (i = 0; i < r->n_refs; i++) {
		const dv_column *col = &e->c->columns[r->refs[i]];

		if (i)
			put(&e->text, ", ", 2);
		put(&e->text, col->name, strlen(col->name));
		put(&e->text, "=", 1);
		column_text(e, r->refs[i], &s, &len);
		put(&e->text, s, len);
	}
}

dcval_status dv_engine_check_rules(dv_engine *e, dv_record *rec)
{
	const dv_ruleset *rs = &e->c->rules;
	dv_xenv env;
	dv_xval v;
	dcval_status st;
	size_t i;

	if (rs->n == 0)
		return DCVAL_OK;
	env.values = e->values;
	env.typed = e->typed;
	env.has_typed = e->has_typed;
	dv_engine_now(e, &env.now_secs, &env.now_ns);
	for (i = 0; i < rs->n && !e->stop; i++) {
		const dv_xrule *r = &rs->rules[i];

		if (r->when) {
			dv_expr_eval(r->when, &env, &v);
			if (v.t != DV_X_BOOL || !v.i)
				continue;
		}
		dv_expr_eval(r->check, &env, &v);
		if (v.t != DV_X_BOOL || v.i)
			continue;
		value_text(e, r);
		st = dv_engine_emit_id(e, rec, r->name, r->severity, 0, NULL,
				       e->text.data ? e->text.data : "",
				       e->text.len, false, r->detail);
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

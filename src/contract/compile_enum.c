/*
 * enum and pattern of one column: an enum becomes a sorted, deduplicated
 * table (strings by bytes, other types as typed values), a pattern a
 * PCRE2 program with JIT and match limits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract/colcheck.h"
#include "contract/compile.h"
#include "util/alloc.h"

struct enum_str {
	const char *s;
	size_t len;
};

/* Strings by (bytes, length), as contract_impl.h promises. */
static int enum_str_cmp(const void *pa, const void *pb)
{
	const struct enum_str *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int r = n ? memcmp(a->s, b->s, n) : 0;

	if (r)
		return r;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* The orders of dv_typed_cmp() without its type argument (qsort has no
 * context): numbers by d, everything else by (i, ns). */
static int enum_num_cmp(const void *pa, const void *pb)
{
	const dv_typed *a = pa, *b = pb;

	return a->d < b->d ? -1 : a->d > b->d;
}

static int enum_ins_cmp(const void *pa, const void *pb)
{
	const dv_typed *a = pa, *b = pb;

	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->ns < b->ns ? -1 : a->ns > b->ns;
}

/* "is not one of A, B, C", cut with ", ..." after DV_CC_ENUM_LIST bytes. */
static const char *enum_detail(struct dv_cc *cc, const dv_ynode *seq)
{
	char list[DV_CC_ENUM_LIST + DV_CC_SHOWBUF + 8], show[DV_CC_SHOWBUF];
	size_t i, o = 0;

	list[0] = '\0';
	for (i = 0; i < seq->n; i++) {
		dv_cc_shown(show, seq->items[i]);
		if (i > 0 && o + strlen(show) + 2 > DV_CC_ENUM_LIST) {
			memcpy(list + o, ", ...", 6);
			break;
		}
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
				      i ? ", " : "", show);
	}
	return dv_cc_printf(cc, "is not one of %s", list);
}

/* A boolean enum value: a YAML boolean, or a text of the column's true
 * or false list (the defaults when a list is not given). */
static bool enum_bool(const dv_column *col, const dv_ynode *n, int64_t *out)
{
	static const char *const dt[] = { "true", "True", "TRUE", "1" };
	static const char *const df[] = { "false", "False", "FALSE", "0" };
	const char *const *t = col->n_true ? col->true_values : dt;
	const char *const *f = col->n_false ? col->false_values : df;
	size_t nt = col->n_true ? col->n_true : 4;
	size_t nf = col->n_false ? col->n_false : 4;
	size_t i;

	if (n->type == DV_YS_BOOL) {
		*out = n->text[0] == 't' || n->text[0] == 'T';
		return true;
	}
	if (n->type != DV_YS_STR)
		return false;
	for (i = 0; i < nt; i++) {
		if (dv_cc_is(n, t[i])) {
			*out = 1;
			return true;
		}
	}
	for (i = 0; i < nf; i++) {
		if (dv_cc_is(n, f[i])) {
			*out = 0;
			return true;
		}
	}
	return false;
}

/* Parse one enum value as the column's type: integers from YAML
 * integers, numbers from YAML integers and finite floats, dates and times
 * from strings. */
static bool enum_value(const dv_column *col, const dv_ynode *n, dv_typed *out)
{
	bool finite;

	memset(out, 0, sizeof(*out));
	switch (col->type) {
	case DV_T_INTEGER:
		return n->type == DV_YS_INT &&
		       dv_ycore_int(n->text, n->len, &out->i);
	case DV_T_NUMBER:
		return (n->type == DV_YS_INT || n->type == DV_YS_FLOAT) &&
		       dv_ycore_double(n->text, n->len, &out->d, &finite) &&
		       finite;
	case DV_T_BOOLEAN:
		return enum_bool(col, n, &out->i);
	case DV_T_DATE:
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (n->type != DV_YS_STR)
			return false;
		if (col->time_format)
			return dv_parse_with_format(col->time_format, col->type,
						    n->text, n->len, out);
		return dv_cc_parse_iso(col->type, n->text, n->len, out);
	default:
		return false;
	}
}

static dcval_status enum_strings(struct dv_cc *cc, const dv_ynode *seq,
				 dv_enum *en)
{
	struct enum_str *v = dv_arena_array(&cc->c->arena, seq->n, sizeof(*v));
	size_t i, n = 0;

	en->str = dv_arena_array(&cc->c->arena, seq->n, sizeof(*en->str));
	en->str_len = dv_arena_array(&cc->c->arena, seq->n,
				     sizeof(*en->str_len));
	if (!v || !en->str || !en->str_len)
		return dv_cc_nomem(cc);
	for (i = 0; i < seq->n; i++) {
		v[i].s = seq->items[i]->text;
		v[i].len = seq->items[i]->len;
	}
	qsort(v, seq->n, sizeof(*v), enum_str_cmp);
	for (i = 0; i < seq->n; i++) {
		if (n && enum_str_cmp(&v[i], &v[n - 1]) == 0)
			continue;
		v[n++] = v[i];
	}
	for (i = 0; i < n; i++) {
		en->str[i] = dv_arena_strndup(&cc->c->arena, v[i].s, v[i].len);
		if (!en->str[i])
			return dv_cc_nomem(cc);
		en->str_len[i] = v[i].len;
	}
	en->n = n;
	return DCVAL_OK;
}

static dcval_status enum_typed(struct dv_cc *cc, const dv_column *col,
			       const dv_ynode *seq, dv_enum *en)
{
	dv_typed *v = dv_arena_array(&cc->c->arena, seq->n, sizeof(*v));
	char show[DV_CC_SHOWBUF];
	size_t i, n = 0;

	if (!v)
		return dv_cc_nomem(cc);
	for (i = 0; i < seq->n; i++) {
		const dv_ynode *it = seq->items[i];

		if (!enum_value(col, it, &v[i]))
			return dv_cc_fail(cc, it,
					  "enum value '%s' does not fit %s column '%s'%s",
					  dv_cc_shown(show, it),
					  dv_type_name(col->type), col->name,
					  it->type == DV_YS_STR &&
					  (it->quoted || it->tagged) &&
					  col->type != DV_T_DATE &&
					  col->type != DV_T_DATETIME &&
					  col->type != DV_T_TIME ?
					  " (a quoted string)" : "");
	}
	qsort(v, seq->n, sizeof(*v),
	      col->type == DV_T_NUMBER ? enum_num_cmp : enum_ins_cmp);
	for (i = 0; i < seq->n; i++) {
		if (n && dv_typed_cmp(col->type, &v[i], &v[n - 1]) == 0)
			continue;
		v[n++] = v[i];
	}
	en->typed = v;
	en->n = n;
	return DCVAL_OK;
}

/* Row `enum`: needs the boolean lists and the time format (row `format`)
 * compiled first. */
dcval_status dv_cc_enum(struct dv_cc *cc, struct dv_colsrc *src,
			const dv_ynode *seq, dv_op *op)
{
	const dv_column *col = src->col;
	char what[DV_CC_SHOWBUF + 32], item[DV_CC_SHOWBUF + 64];
	dv_enum *en;
	size_t i;

	if (!seq)
		return DCVAL_OK;
	snprintf(what, sizeof(what), "'enum' of column '%s'", col->name);
	if (dv_cc_want(cc, seq, DV_Y_SEQ, what))
		return DCVAL_ECONTRACT;
	if (seq->n == 0)
		return dv_cc_fail(cc, seq, "%s must not be empty", what);
	for (i = 0; i < seq->n; i++) {
		if (dv_cc_want(cc, seq->items[i], DV_Y_SCALAR, what))
			return DCVAL_ECONTRACT;
		if (dv_ynode_is_null(seq->items[i]))
			return dv_cc_fail(cc, seq->items[i],
					  "%s lists null, which 'enum' never checks (use 'required: true')",
					  what);
		snprintf(item, sizeof(item), "each value of %s", what);
		if (col->type == DV_T_STRING &&
		    dv_cc_string(cc, seq->items[i], item))
			return DCVAL_ECONTRACT;
	}
	en = dv_arena_alloc(&cc->c->arena, sizeof(*en));
	if (!en)
		return dv_cc_nomem(cc);
	if (col->type == DV_T_STRING ? enum_strings(cc, seq, en) :
				       enum_typed(cc, col, seq, en))
		return cc->err->status;
	op->u.en = en;
	op->arg = dv_cc_printf(cc, "n=%zu", en->n);
	op->detail = op->arg ? enum_detail(cc, seq) : NULL;
	return op->detail ? DCVAL_OK : DCVAL_ENOMEM;
}

/* Compile into a dv_pattern already linked into the contract, so that it
 * is freed with the contract whatever happens here. Long Unicode property
 * names are rewritten first (uniprop.c); an error offset is mapped back
 * to the pattern as written. */
static dcval_status pattern_compile(struct dv_cc *cc, const dv_ynode *n,
				    dv_pattern *re)
{
	PCRE2_UCHAR msg[120];
	PCRE2_SIZE off;
	size_t *map = dv_mallocarray(n->len + 1, sizeof(*map));
	char *text = dv_malloc(n->len + 1);
	dcval_status st = DCVAL_OK;
	size_t len;
	int code;

	if (!map || !text) {
		st = dv_cc_nomem(cc);
		goto out_free;
	}
	len = dv_uniprop_rewrite(n->text, n->len, text, map);
	re->code = pcre2_compile((PCRE2_SPTR)text, len,
				 PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
				 &code, &off, NULL);
	if (!re->code) {
		if (code == PCRE2_ERROR_HEAP_FAILED) {
			st = dv_cc_nomem(cc);
			goto out_free;
		}
		if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
			snprintf((char *)msg, sizeof(msg), "error %d", code);
		st = dv_cc_fail(cc, n, "invalid pattern at offset %zu: %s",
				off <= len ? map[off] : (size_t)off,
				(const char *)msg);
		goto out_free;
	}
	/* a JIT failure is not an error: the interpreter still works */
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	re->mctx = pcre2_match_context_create(NULL);
	if (!re->mctx) {
		st = dv_cc_nomem(cc);
		goto out_free;
	}
	pcre2_set_match_limit(re->mctx, DV_PATTERN_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, DV_PATTERN_DEPTH_LIMIT);

out_free:
	dv_free(map);
	dv_free(text);
	return st;
}

/* Row `pattern`: linked into c->patterns, to be freed with the contract. */
dcval_status dv_cc_pattern(struct dv_cc *cc, struct dv_colsrc *src,
			   const dv_ynode *n, dv_op *op)
{
	dcval_contract *c = cc->c;
	char what[DV_CC_SHOWBUF + 32];
	dv_pattern *re;

	if (!n)
		return DCVAL_OK;
	snprintf(what, sizeof(what), "'pattern' of column '%s'",
		 src->col->name);
	if (dv_cc_string(cc, n, what))
		return DCVAL_ECONTRACT;
	re = dv_arena_alloc(&c->arena, sizeof(*re));
	if (!re)
		return dv_cc_nomem(cc);
	re->next = c->patterns;
	c->patterns = re;
	if (pattern_compile(cc, n, re))
		return cc->err->status;
	re->source = dv_cc_strdup(cc, n);
	if (!re->source)
		return DCVAL_ENOMEM;
	op->u.re = re;
	op->arg = re->source;
	op->detail = dv_cc_printf(cc, "does not match the pattern '%s'",
				  re->source);
	return op->detail ? DCVAL_OK : DCVAL_ENOMEM;
}

/*
 * The contract's `rules:` (contract.md "Cross-field rules"): a sequence
 * of mappings with name, check, and optional when, severity and
 * description. Each expression is compiled once into a typed tree
 * (expr.h); a fault inside an expression is reported at its own line and
 * column in the file.
 */
#include <stdio.h>
#include <string.h>

#include "contract/compile.h"
#include "contract/expr.h"
#include "util/error.h"

enum rule_key { RK_NAME = 0, RK_DESCRIPTION, RK_CHECK, RK_WHEN, RK_SEVERITY,
		RK_COUNT };

static const char *const rule_keys[RK_COUNT] = {
	"name", "description", "check", "when", "severity",
};


/* Whether s[0..len) is a built-in rule id (contract.md "Violations"). */
static bool is_builtin_id(const char *s, size_t len)
{
	return dv_rule_by_id(s, len) != DV_R_COUNT;
}

static bool name_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || ch == '_'))
			return false;
	}
	return true;
}

static dcval_status rule_name(struct dv_cc *cc, const dv_ynode *map,
			      const dv_ynode *n, const dv_xrule *done,
			      size_t n_done, size_t index, dv_xrule *r)
{
	char show[DV_CC_SHOWBUF];
	size_t i;

	if (!n)
		return dv_cc_fail(cc, map, "missing required key 'name' in rule %zu",
				  index + 1);
	if (dv_cc_string(cc, n, "'name' of a rule"))
		return DCVAL_ECONTRACT;
	dv_cc_shown(show, n);
	if (!name_ok(n->text, n->len))
		return dv_cc_fail(cc, n,
				  "invalid rule name '%s': use letters, digits and '_', not starting with a digit",
				  show);
	if (is_builtin_id(n->text, n->len))
		return dv_cc_fail(cc, n,
				  "rule name '%s' is a built-in rule id: choose another name",
				  show);
	for (i = 0; i < n_done; i++)
		if (strlen(done[i].name) == n->len &&
		    memcmp(done[i].name, n->text, n->len) == 0)
			return dv_cc_fail(cc, n,
					  "rule name '%s' is used twice (first on line %lu)",
					  show, done[i].line);
	r->name = dv_cc_strdup(cc, n);
	return r->name ? DCVAL_OK : DCVAL_ENOMEM;
}

/* The expression's text with each run of white space as one space. */
static char *squeeze(struct dv_cc *cc, const dv_ynode *n)
{
	char *out = dv_arena_alloc(&cc->c->arena, n->len + 1);
	size_t i, o = 0;
	bool space = false;

	if (!out) {
		dv_cc_nomem(cc);
		return NULL;
	}
	for (i = 0; i < n->len; i++) {
		char ch = n->text[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = ch;
	}
	out[o] = '\0';
	return out;
}

/* Compile expression node n ("check" or "when") into *out. */
static dcval_status rule_expr(struct dv_cc *cc, const dv_ynode *n,
			      const char *key, const dv_xnode **out,
			      const char **text)
{
	unsigned long line, col;
	char what[32], *src;
	dv_xerr xerr;
	dv_xnode *x;

	snprintf(what, sizeof(what), "'%s' of a rule", key);
	if (dv_cc_string(cc, n, what))
		return DCVAL_ECONTRACT;
	/* the tree keeps pointers into its text (literals as written, for
	 * dumps): the text lives in the contract, the YAML tree does not */
	src = dv_cc_strdup(cc, n);
	if (!src)
		return DCVAL_ENOMEM;
	x = dv_expr_compile(cc->c, src, n->len, &xerr);
	if (!x) {
		if (xerr.nomem)
			return dv_cc_nomem(cc);
		dv_expr_pos(n->src, n->src_len, n->text, n->len, n->line,
			    n->col, xerr.off, &line, &col);
		return dv_error_set(cc->err, DCVAL_ECONTRACT, cc->file, line,
				    col, "%s", xerr.text);
	}
	*out = x;
	*text = squeeze(cc, n);
	return *text ? DCVAL_OK : DCVAL_ENOMEM;
}

static dcval_status rule_refs(struct dv_cc *cc, dv_xrule *r)
{
	size_t *refs = dv_arena_array(&cc->c->arena, cc->c->n_columns,
				      sizeof(*refs));
	size_t n = 0;

	if (!refs)
		return dv_cc_nomem(cc);
	if (r->when)
		dv_expr_refs(r->when, refs, &n);
	dv_expr_refs(r->check, refs, &n);
	r->refs = refs;
	r->n_refs = n;
	return DCVAL_OK;
}

static dcval_status one_rule(struct dv_cc *cc, const dv_ynode *m,
			     dv_xrule *rules, size_t i)
{
	static const struct dv_keytable ks = { rule_keys, RK_COUNT, 0 };
	const dv_ynode *k[RK_COUNT] = { NULL };
	dv_xrule *r = &rules[i];

	if (dv_cc_want(cc, m, DV_Y_MAP, "each item of 'rules'") ||
	    dv_cc_keys(cc, m, &ks, k))
		return DCVAL_ECONTRACT;
	r->line = m->line;
	if (rule_name(cc, m, k[RK_NAME], rules, i, i, r))
		return cc->err->status;
	if (k[RK_DESCRIPTION] && !dv_ynode_is_null(k[RK_DESCRIPTION])) {
		if (dv_cc_string(cc, k[RK_DESCRIPTION], "'description' of a rule"))
			return DCVAL_ECONTRACT;
		r->description = dv_cc_strdup(cc, k[RK_DESCRIPTION]);
		if (!r->description)
			return DCVAL_ENOMEM;
	}
	if (dv_cc_severity(cc, k[RK_SEVERITY], "'severity'", &r->severity))
		return DCVAL_ECONTRACT;
	if (!k[RK_CHECK])
		return dv_cc_fail(cc, m, "missing required key 'check' in rule '%s'",
				  r->name);
	if (k[RK_WHEN] && rule_expr(cc, k[RK_WHEN], "when", &r->when,
				    &r->when_text))
		return cc->err->status;
	if (rule_expr(cc, k[RK_CHECK], "check", &r->check, &r->check_text) ||
	    rule_refs(cc, r))
		return cc->err->status;
	r->detail = dv_cc_printf(cc, "rule %s failed: %s", r->name,
				 r->check_text);
	return r->detail ? DCVAL_OK : DCVAL_ENOMEM;
}

dcval_status dv_cc_rules(struct dv_cc *cc, const dv_ynode *seq)
{
	dv_xrule *rules;
	size_t i;

	if (dv_ynode_is_null(seq))
		return DCVAL_OK;
	if (dv_cc_want(cc, seq, DV_Y_SEQ, "'rules'"))
		return DCVAL_ECONTRACT;
	rules = dv_arena_array(&cc->c->arena, seq->n ? seq->n : 1,
			       sizeof(*rules));
	if (!rules)
		return dv_cc_nomem(cc);
	memset(rules, 0, (seq->n ? seq->n : 1) * sizeof(*rules));
	for (i = 0; i < seq->n; i++)
		if (one_rule(cc, seq->items[i], rules, i))
			return cc->err->status;
	cc->c->rules.rules = rules;
	cc->c->rules.n = seq->n;
	return DCVAL_OK;
}

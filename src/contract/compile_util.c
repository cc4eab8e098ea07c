/*
 * Compiler helpers: errors at a node's position, key tables with
 * did-you-mean, and readers of scalars (booleans, counts, choices).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "contract/compile.h"
#include "contract/suggest.h"
#include "util/error.h"

dcval_status dv_cc_fail(struct dv_cc *cc, const dv_ynode *at,
			const char *fmt, ...)
{
	char text[sizeof(cc->err->text)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return dv_error_set(cc->err, DCVAL_ECONTRACT, cc->file,
			    at ? at->line : 0, at ? at->col : 0, "%s", text);
}

dcval_status dv_cc_nomem(struct dv_cc *cc)
{
	return dv_error_set(cc->err, DCVAL_ENOMEM, cc->file, 0, 0,
			    "out of memory");
}

const char *dv_cc_show(char *out, const char *s, size_t len)
{
	size_t n = len, i, o = 0;

	if (n > DV_CC_SHOW) {
		n = DV_CC_SHOW;
		/* do not end inside a UTF-8 sequence */
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f)
			o += (size_t)snprintf(out + o, DV_CC_SHOWBUF - o,
					      "\\x%02x", ch);
		else
			out[o++] = (char)ch;
	}
	if (n < len) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

const char *dv_cc_shown(char *out, const dv_ynode *n)
{
	if (n->kind != DV_Y_SCALAR)
		return dv_cc_show(out, n->kind == DV_Y_MAP ? "{...}" : "[...]",
				  5);
	return dv_cc_show(out, n->text, n->len);
}

char *dv_cc_printf(struct dv_cc *cc, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		dv_error_set(cc->err, DCVAL_EINTERNAL, cc->file, 0, 0,
			     "cannot format a message");
		return NULL;
	}
	s = dv_arena_alloc(&cc->c->arena, (size_t)n + 1);
	if (!s) {
		dv_cc_nomem(cc);
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *dv_cc_strdup(struct dv_cc *cc, const dv_ynode *n)
{
	char *s = dv_arena_strndup(&cc->c->arena, n->text, n->len);

	if (!s)
		dv_cc_nomem(cc);
	return s;
}

bool dv_cc_is(const dv_ynode *n, const char *word)
{
	return n->kind == DV_Y_SCALAR && n->len == strlen(word) &&
	       memcmp(n->text, word, n->len) == 0;
}

const dv_ynode *dv_cc_later(const dv_ynode *a, const dv_ynode *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	if (a->line != b->line)
		return a->line > b->line ? a : b;
	return a->col > b->col ? a : b;
}

static dcval_status cc_unknown_key(struct dv_cc *cc, const dv_ynode *key,
				   const struct dv_keytable *ks)
{
	char show[DV_CC_SHOWBUF];
	const char *hint = NULL;

	if (strlen(key->text) == key->len)
		hint = dv_suggest(key->text, ks->names,
				  ks->n_known + ks->n_planned);
	dv_cc_shown(show, key);
	if (hint)
		return dv_cc_fail(cc, key,
				  "unknown key '%s' (did you mean '%s'?)",
				  show, hint);
	return dv_cc_fail(cc, key, "unknown key '%s'", show);
}

dcval_status dv_cc_keys(struct dv_cc *cc, const dv_ynode *m,
			const struct dv_keytable *ks, const dv_ynode **slots)
{
	size_t i, j, total = ks->n_known + ks->n_planned;

	for (i = 0; i < m->n; i++) {
		const dv_ynode *key = m->pairs[i].key;

		for (j = 0; j < total; j++) {
			if (dv_cc_is(key, ks->names[j]))
				break;
		}
		if (j == total)
			return cc_unknown_key(cc, key, ks);
		if (j >= ks->n_known)
			return dv_cc_fail(cc, key,
					  "'%s' is not supported in this version (planned)",
					  ks->names[j]);
		slots[j] = m->pairs[i].value;
	}
	return DCVAL_OK;
}

dcval_status dv_cc_want(struct dv_cc *cc, const dv_ynode *n,
			dv_ynode_kind kind, const char *what)
{
	static const char *const kinds[] = { "a scalar", "a sequence",
					     "a mapping" };

	if (n->kind == kind)
		return DCVAL_OK;
	return dv_cc_fail(cc, n, "expected %s for %s", kinds[kind], what);
}

const char *dv_cc_got(char *out, const dv_ynode *n)
{
	char show[DV_CC_SHOWBUF];

	dv_cc_shown(show, n);
	if (n->kind == DV_Y_SCALAR && n->type == DV_YS_NULL)
		snprintf(out, DV_CC_GOTBUF, "null");
	else if (n->kind == DV_Y_SCALAR && n->type == DV_YS_STR &&
		 (n->quoted || n->tagged))
		snprintf(out, DV_CC_GOTBUF, "the string '%s'", show);
	else
		snprintf(out, DV_CC_GOTBUF, "'%s'", show);
	return out;
}

dcval_status dv_cc_string(struct dv_cc *cc, const dv_ynode *n,
			  const char *what)
{
	char show[DV_CC_SHOWBUF];

	if (dv_cc_want(cc, n, DV_Y_SCALAR, what))
		return DCVAL_ECONTRACT;
	if (n->type == DV_YS_STR)
		return DCVAL_OK;
	if (n->type == DV_YS_NULL)
		return dv_cc_fail(cc, n, "%s must be a string, got null", what);
	return dv_cc_fail(cc, n,
			  "%s must be a string, got the %s %s (put it in quotes)",
			  what, dv_yscalar_name(n->type), dv_cc_shown(show, n));
}

dcval_status dv_cc_bool(struct dv_cc *cc, const dv_ynode *n,
			const char *what, bool *out)
{
	char got[DV_CC_GOTBUF];

	if (n->kind != DV_Y_SCALAR)
		return dv_cc_fail(cc, n, "expected true or false for %s",
				  what);
	if (n->type == DV_YS_BOOL) {
		*out = n->text[0] == 't' || n->text[0] == 'T';
		return DCVAL_OK;
	}
	return dv_cc_fail(cc, n, "expected true or false, got %s",
			  dv_cc_got(got, n));
}

dcval_status dv_cc_count(struct dv_cc *cc, const dv_ynode *n,
			 const char *key, const char *where, uint64_t *out)
{
	char got[DV_CC_GOTBUF];
	int64_t v;

	if (dv_ynode_is(n, DV_YS_INT) && dv_ycore_int(n->text, n->len, &v) &&
	    v >= 0) {
		*out = (uint64_t)v;
		return DCVAL_OK;
	}
	return dv_cc_fail(cc, n, "'%s' must be a non-negative integer%s, got %s",
			  key, where, dv_cc_got(got, n));
}

dcval_status dv_cc_choice(struct dv_cc *cc, const dv_ynode *n,
			  const char *what, const char *const *words,
			  size_t count, size_t *out)
{
	char list[128], got[DV_CC_GOTBUF];
	size_t i, o = 0;

	for (i = 0; i < count && dv_ynode_is(n, DV_YS_STR); i++) {
		if (dv_cc_is(n, words[i])) {
			*out = i;
			return DCVAL_OK;
		}
	}
	list[0] = '\0';
	for (i = 0; i < count && o < sizeof(list); i++)
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
				      i == 0 ? "" : i + 1 == count ? " or " : ", ",
				      words[i]);
	return dv_cc_fail(cc, n, "expected %s for %s, got %s", list, what,
			  dv_cc_got(got, n));
}

dcval_status dv_cc_not_for(struct dv_cc *cc, const struct dv_colsrc *src,
			   const dv_ynode *at, const char *key)
{
	return dv_cc_fail(cc, at,
			  "'%s' does not apply to column '%s' of type %s",
			  key, src->col->name,
			  dv_type_name(src->col->type));
}

bool dv_cc_parse_iso(dv_type type, const char *s, size_t len, dv_typed *out)
{
	char naive[64];

	memset(out, 0, sizeof(*out));
	switch (type) {
	case DV_T_DATE:
		return dv_parse_date(s, len, &out->i);
	case DV_T_TIME:
		return dv_parse_time(s, len, &out->i, &out->ns);
	case DV_T_DATETIME:
		if (dv_parse_datetime(s, len, &out->i, &out->ns))
			return true;
		if (dv_parse_date(s, len, &out->i)) {
			out->i *= 86400;
			return true;
		}
		/* naive: taken as UTC */
		if (len + 2 > sizeof(naive))
			return false;
		memcpy(naive, s, len);
		naive[len] = 'Z';
		return dv_parse_datetime(naive, len + 1, &out->i, &out->ns);
	default:
		return false;
	}
}

dcval_status dv_cc_severity(struct dv_cc *cc, const dv_ynode *n,
			    const char *what, dcval_severity *out)
{
	static const char *const words[] = { "error", "warn" };
	size_t i;

	*out = DCVAL_SEVERITY_ERROR;
	if (!n)
		return DCVAL_OK;
	if (dv_cc_choice(cc, n, what, words, 2, &i))
		return DCVAL_ECONTRACT;
	*out = i ? DCVAL_SEVERITY_WARN : DCVAL_SEVERITY_ERROR;
	return DCVAL_OK;
}

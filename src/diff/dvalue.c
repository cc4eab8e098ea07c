/*
 * Values of contract keys as diff compares and shows them (dv_dval): the
 * text shown in messages, the JSON text of the report's old/new, and
 * what orders them (a number's exact decimal text, a bound's typed
 * value).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "diff/diff.h"
#include "util/buf.h"
#include "value/decimal.h"

dv_dval dv_dval_none(void)
{
	dv_dval v;

	memset(&v, 0, sizeof(v));
	v.k = DV_DV_NONE;
	v.show = "none";
	v.json = "null";
	return v;
}

/* Copy of s[0..len) with `esc` applied: JSON escapes either way. */
static const char *quote(dv_diff *d, const char *s, size_t len)
{
	dv_buf b;
	char *out = NULL;
	size_t i;

	dv_buf_init(&b, 1u << 24);
	dv_buf_putc(&b, '"');
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\') {
			dv_buf_putc(&b, '\\');
			dv_buf_putc(&b, (char)ch);
		} else if (ch == '\n') {
			dv_buf_append(&b, "\\n", 2);
		} else if (ch == '\t') {
			dv_buf_append(&b, "\\t", 2);
		} else if (ch < 0x20 || ch == 0x7f) {
			dv_buf_printf(&b, "\\u%04x", ch);
		} else {
			dv_buf_putc(&b, (char)ch);
		}
	}
	if (dv_buf_putc(&b, '"') == DCVAL_OK)
		out = dv_arena_strndup(&d->arena, b.data, b.len);
	dv_buf_release(&b);
	if (!out)
		d->status = DCVAL_ENOMEM;
	return out ? out : "\"\"";
}

const char *dv_diff_quote(dv_diff *d, const char *s, size_t len)
{
	return quote(d, s, len);
}

const char *dv_diff_jstr(dv_diff *d, const char *s, size_t len)
{
	/* the same escapes: \uXXXX, \n, \t, \", \\ are JSON; invalid UTF-8
	 * is replaced when the report writes it (dv_jsonw_raw is not used
	 * for strings of the user's bytes) */
	return quote(d, s, len);
}

dv_dval dv_dval_word(dv_diff *d, const char *w)
{
	dv_dval v = dv_dval_none();

	v.k = DV_DV_WORD;
	v.show = dv_diff_printf(d, "%s", w);
	v.json = dv_diff_jstr(d, w, strlen(w));
	if (!v.show)
		v.show = "";
	return v;
}

dv_dval dv_dval_text(dv_diff *d, const char *s, size_t len)
{
	dv_dval v = dv_dval_none();

	v.k = DV_DV_TEXT;
	v.show = dv_diff_quote(d, s, len);
	v.json = v.show;
	return v;
}

dv_dval dv_dval_bool(dv_diff *d, bool on)
{
	dv_dval v = dv_dval_none();

	(void)d;
	v.k = DV_DV_BOOL;
	v.on = on;
	v.show = on ? "true" : "false";
	v.json = v.show;
	return v;
}

/* JSON text of an exact decimal: as written when JSON allows it, else
 * the nearest double's shortest form. */
static const char *num_json(dv_diff *d, const char *dec)
{
	size_t len = strlen(dec);
	char buf[40];
	double x;

	if (len && (dec[0] == '-' || (dec[0] >= '0' && dec[0] <= '9')) &&
	    dec[len - 1] >= '0' && dec[len - 1] <= '9' && !strstr(dec, "-.") &&
	    !strstr(dec, ".e") && !strstr(dec, ".E") &&
	    !(dec[0] == '0' && len > 1 && dec[1] >= '0' && dec[1] <= '9') &&
	    !(dec[0] == '-' && dec[1] == '0' && dec[2] >= '0' && dec[2] <= '9'))
		return dec;
	if (!dv_parse_number(dec, len, &x) ||
	    !dv_format_double(x, buf, sizeof(buf)))
		return "null";
	return dv_diff_printf(d, "%s", buf);
}

dv_dval dv_dval_num(dv_diff *d, const char *dec)
{
	dv_dval v = dv_dval_none();

	v.k = DV_DV_NUM;
	v.num = dv_diff_printf(d, "%s", dec);
	if (!v.num)
		return dv_dval_none();
	v.show = v.num;
	v.json = num_json(d, v.num);
	if (!v.json)
		v.json = "null";
	return v;
}

dv_dval dv_dval_int(dv_diff *d, int64_t i)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%" PRId64, i);
	return dv_dval_num(d, buf);
}

dv_dval dv_dval_typed(dv_diff *d, dv_type t, const dv_typed *tv,
		      const char *arg)
{
	dv_dval v;

	switch (t) {
	case DV_T_INTEGER:
		return dv_dval_int(d, tv->i);
	case DV_T_NUMBER:
		/* the bound as written: exact (0x / 0o already decimal) */
		return dv_dval_num(d, arg);
	case DV_T_BOOLEAN:
		return dv_dval_bool(d, tv->i != 0);
	case DV_T_STRING:
	case DV_T_ANY:
		return dv_dval_text(d, arg, strlen(arg));
	default:
		break;
	}
	v = dv_dval_text(d, arg, strlen(arg));
	v.k = DV_DV_TYPED;
	v.type = t;
	v.typed = *tv;
	return v;
}

dv_dval dv_dval_list(dv_diff *d, const dv_dval *items, size_t n)
{
	dv_dval v = dv_dval_none();
	dv_buf s, j;
	size_t i;

	dv_buf_init(&s, 1u << 24);
	dv_buf_init(&j, 1u << 24);
	dv_buf_putc(&s, '[');
	dv_buf_putc(&j, '[');
	for (i = 0; i < n; i++) {
		if (i) {
			dv_buf_append(&s, ", ", 2);
			dv_buf_append(&j, ", ", 2);
		}
		dv_buf_printf(&s, "%s", items[i].show);
		dv_buf_printf(&j, "%s", items[i].json);
	}
	if (dv_buf_putc(&s, ']') == DCVAL_OK && dv_buf_putc(&j, ']') == DCVAL_OK) {
		v.k = DV_DV_LIST;
		v.show = dv_arena_strndup(&d->arena, s.data, s.len);
		v.json = dv_arena_strndup(&d->arena, j.data, j.len);
	}
	if (!v.show || !v.json) {
		d->status = DCVAL_ENOMEM;
		v = dv_dval_none();
	}
	dv_buf_release(&s);
	dv_buf_release(&j);
	return v;
}

dv_dval dv_dval_yaml(dv_diff *d, const dv_ynode *n)
{
	int64_t i;
	bool finite;
	double x;

	if (!n || dv_ynode_is_null(n))
		return dv_dval_none();
	if (n->kind != DV_Y_SCALAR)
		return dv_dval_text(d, "(not a scalar)", 14);
	switch (n->type) {
	case DV_YS_INT:
		if (dv_ycore_int(n->text, n->len, &i))
			return dv_dval_int(d, i);
		break;
	case DV_YS_FLOAT:
		if (dv_dec_lex(n->text, n->len, &(dv_dec){ 0 }))
			return dv_dval_num(d, n->text);
		if (dv_ycore_double(n->text, n->len, &x, &finite))
			return dv_dval_text(d, n->text, n->len);
		break;
	case DV_YS_BOOL:
		return dv_dval_bool(d, n->text[0] == 't' || n->text[0] == 'T');
	default:
		break;
	}
	return dv_dval_text(d, n->text, n->len);
}

bool dv_dval_order(const dv_dval *a, const dv_dval *b, int *cmp)
{
	*cmp = 0;
	if (a->k == DV_DV_NUM && b->k == DV_DV_NUM) {
		*cmp = dv_dec_cmp(a->num, strlen(a->num), b->num,
				  strlen(b->num));
		return true;
	}
	if (a->k == DV_DV_TYPED && b->k == DV_DV_TYPED && a->type == b->type) {
		*cmp = dv_typed_cmp(a->type, &a->typed, &b->typed);
		return true;
	}
	return false;
}

bool dv_dval_equal(const dv_dval *a, const dv_dval *b)
{
	int cmp;

	if (a->k == DV_DV_NONE || b->k == DV_DV_NONE)
		return a->k == b->k;
	if (dv_dval_order(a, b, &cmp))
		return cmp == 0;
	return a->k == b->k && strcmp(a->json, b->json) == 0;
}

/*
 * The typed tree of a rule expression in prefix form, one line, for
 * `dcval lint --dump-compiled`: (>= :boolean (col label_ts :datetime)
 * (+ :datetime (col event_ts :datetime) (lit 30d :duration))).
 */
#include <stdio.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "contract/expr.h"

static const char *const op_names[DV_XK_COUNT] = {
	[DV_XK_LIT] = "lit", [DV_XK_COL] = "col", [DV_XK_CALL] = "call",
	[DV_XK_NOW] = "now", [DV_XK_LEN] = "len", [DV_XK_LOWER] = "lower",
	[DV_XK_UPPER] = "upper", [DV_XK_ABS] = "abs", [DV_XK_NEG] = "neg",
	[DV_XK_NOT] = "not", [DV_XK_AND] = "and", [DV_XK_OR] = "or",
	[DV_XK_EQ] = "==", [DV_XK_NE] = "!=", [DV_XK_LT] = "<",
	[DV_XK_LE] = "<=", [DV_XK_GT] = ">", [DV_XK_GE] = ">=",
	[DV_XK_ISNULL] = "is-null", [DV_XK_NOTNULL] = "is-not-null",
	[DV_XK_IN] = "in", [DV_XK_NOTIN] = "not-in", [DV_XK_ADD] = "+",
	[DV_XK_SUB] = "-", [DV_XK_MUL] = "*", [DV_XK_DIV] = "/",
};

/* Text with control bytes as \xNN. */
static void put_text(FILE *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f)
			fprintf(out, "\\x%02x", ch);
		else
			fputc(ch, out);
	}
}

void dv_expr_dump(const dv_xnode *x, const struct dcval_contract *c,
		  FILE *out)
{
	const char *name;
	size_t i;

	fprintf(out, "(%s", op_names[x->kind] ? op_names[x->kind] : "?");
	if (x->kind == DV_XK_LIT) {
		fputc(' ', out);
		put_text(out, x->name, x->name_len);
	} else if (x->kind == DV_XK_COL) {
		name = c->columns[x->col].name;
		fputs(" `", out);
		put_text(out, name, strlen(name));
		fputc('`', out);
	}
	fprintf(out, " :%s", dv_xtype_name(x->type));
	if (x->a) {
		fputc(' ', out);
		dv_expr_dump(x->a, c, out);
	}
	if (x->b) {
		fputc(' ', out);
		dv_expr_dump(x->b, c, out);
	}
	if (x->kind == DV_XK_IN || x->kind == DV_XK_NOTIN) {
		fputs(" [", out);
		for (i = 0; i < x->n; i++) {
			if (i)
				fputc(' ', out);
			dv_expr_dump(x->list[i], c, out);
		}
		fputc(']', out);
	}
	fputc(')', out);
}

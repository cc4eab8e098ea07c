/*
 * Columns: matched by name (a rename is a removal and an addition), each
 * pair compared key by key on the compiled columns; then columns added
 * and removed, then column order (a change only when NEW's column_order
 * is strict).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "diff/diff.h"

/* The defaults of a boolean column without lists (spec Types). */
static const char *const default_true[] = { "true", "True", "TRUE", "1" };
static const char *const default_false[] = { "false", "False", "FALSE", "0" };

/* The op of `rule` in col, or NULL. */
static const dv_op *find_op(const dv_column *col, dv_rule rule)
{
	size_t i;

	for (i = 0; i < col->n_ops; i++)
		if (col->ops[i].rule == rule)
			return &col->ops[i];
	return NULL;
}

/* Days since 1970-01-01 -> civil date (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", civil_from_days). */
static void civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* A compiled typed value as ISO text (UTC): for enum values, which keep
 * no text of their own. */
static dv_dval typed_val(dv_diff *d, dv_type t, const dv_typed *v)
{
	char buf[64], frac[16] = "";
	int64_t y, s;
	unsigned m, day;

	if (v->ns)
		snprintf(frac, sizeof(frac), ".%09" PRId32, v->ns);
	switch (t) {
	case DV_T_NUMBER:
		if (!dv_format_double(v->d, buf, sizeof(buf)))
			return dv_dval_none();
		return dv_dval_num(d, buf);
	case DV_T_DATE:
		civil(v->i, &y, &m, &day);
		snprintf(buf, sizeof(buf), "%04" PRId64 "-%02u-%02u", y, m, day);
		break;
	case DV_T_DATETIME:
		s = v->i % 86400;
		if (s < 0)
			s += 86400;
		civil((v->i - s) / 86400, &y, &m, &day);
		snprintf(buf, sizeof(buf),
			 "%04" PRId64 "-%02u-%02uT%02d:%02d:%02d%sZ", y, m, day,
			 (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60), frac);
		break;
	case DV_T_TIME:
		s = v->i % 86400;
		if (s < 0)
			s += 86400;
		snprintf(buf, sizeof(buf), "%02d:%02d:%02d%sZ", (int)(s / 3600),
			 (int)(s / 60 % 60), (int)(s % 60), frac);
		break;
	default:
		return dv_dval_typed(d, t, v, "");
	}
	return dv_dval_typed(d, t, v, buf);
}

/* The enum of col as values in the diff's arena (*n of them); NULL
 * when col has none. */
static dv_dval *enum_vals(dv_diff *d, const dv_column *col, size_t *n)
{
	const dv_op *op = find_op(col, DV_R_ENUM);
	dv_dval *out;
	size_t i;

	*n = 0;
	if (!op)
		return NULL;
	out = dv_arena_array(&d->arena, op->u.en->n ? op->u.en->n : 1,
			     sizeof(*out));
	if (!out) {
		d->status = DCVAL_ENOMEM;
		return NULL;
	}
	for (i = 0; i < op->u.en->n; i++) {
		if (op->u.en->str)
			out[i] = dv_dval_text(d, op->u.en->str[i],
					      op->u.en->str_len[i]);
		else
			out[i] = typed_val(d, col->type, &op->u.en->typed[i]);
	}
	*n = i;
	return out;
}

static void diff_enum(dv_diff *d, const char *pre, const dv_column *a,
		      const dv_column *b)
{
	const dv_dval *x, *y;
	size_t nx, ny;
	char *path = dv_diff_printf(d, "%s.enum", pre);

	x = enum_vals(d, a, &nx);
	y = enum_vals(d, b, &ny);
	if (path && (x || y))
		dv_diff_set(d, path, x, nx, x != NULL, y, ny, y != NULL);
}

/* A boolean list (the defaults when the contract gives none) as values
 * in the diff's arena. */
static dv_dval *bool_list(dv_diff *d, const char *const *v, size_t n,
			  const char *const *dflt, size_t *n_out)
{
	dv_dval *out;
	size_t i;

	if (!n) {
		v = dflt;
		n = 4;
	}
	*n_out = 0;
	out = dv_arena_array(&d->arena, n, sizeof(*out));
	if (!out) {
		d->status = DCVAL_ENOMEM;
		return NULL;
	}
	for (i = 0; i < n; i++)
		out[i] = dv_dval_text(d, v[i], strlen(v[i]));
	*n_out = n;
	return out;
}

static void diff_bool_lists(dv_diff *d, const char *pre, const dv_column *a,
			    const dv_column *b)
{
	const dv_dval *x, *y;
	size_t nx, ny;
	char *path;

	if (a->type != DV_T_BOOLEAN || b->type != DV_T_BOOLEAN)
		return;
	x = bool_list(d, a->true_values, a->n_true, default_true, &nx);
	y = bool_list(d, b->true_values, b->n_true, default_true, &ny);
	path = dv_diff_printf(d, "%s.true_values", pre);
	if (path && x && y)
		dv_diff_set(d, path, x, nx, true, y, ny, true);
	x = bool_list(d, a->false_values, a->n_false, default_false, &nx);
	y = bool_list(d, b->false_values, b->n_false, default_false, &ny);
	path = dv_diff_printf(d, "%s.false_values", pre);
	if (path && x && y)
		dv_diff_set(d, path, x, nx, true, y, ny, true);
}

/* The value of an op of col (absent when col has none). */
static dv_dval op_val(dv_diff *d, const dv_column *col, dv_rule rule)
{
	const dv_op *op = find_op(col, rule);

	if (!op)
		return dv_dval_none();
	switch (rule) {
	case DV_R_MIN_LENGTH:
	case DV_R_MAX_LENGTH:
		return dv_dval_num(d, op->arg);
	case DV_R_PATTERN:
		return dv_dval_text(d, op->u.re->source,
				    strlen(op->u.re->source));
	case DV_R_FORMAT:
		return dv_dval_word(d, op->arg);
	default:
		return dv_dval_typed(d, col->type, &op->u.bound, op->arg);
	}
}

/* Value checks: one row each. */
static const struct {
	dv_rule rule;
	dv_dkey key;
	const char *name;
} op_rows[] = {
	{ DV_R_MINIMUM, DV_DK_MINIMUM, "minimum" },
	{ DV_R_MAXIMUM, DV_DK_MAXIMUM, "maximum" },
	{ DV_R_EXCLUSIVE_MINIMUM, DV_DK_MINIMUM, "exclusive_minimum" },
	{ DV_R_EXCLUSIVE_MAXIMUM, DV_DK_MAXIMUM, "exclusive_maximum" },
	{ DV_R_MIN_LENGTH, DV_DK_MINIMUM, "min_length" },
	{ DV_R_MAX_LENGTH, DV_DK_MAXIMUM, "max_length" },
	{ DV_R_PATTERN, DV_DK_PATTERN, "pattern" },
	{ DV_R_FORMAT, DV_DK_PATTERN, "format" },
};

static dv_dval path_val(dv_diff *d, const dv_column *col)
{
	dv_dval *items = dv_arena_array(&d->arena, col->path_len ? col->path_len : 1,
					sizeof(*items));
	size_t i;

	if (!items) {
		d->status = DCVAL_ENOMEM;
		return dv_dval_none();
	}
	for (i = 0; i < col->path_len; i++)
		items[i] = dv_dval_text(d, col->path[i], strlen(col->path[i]));
	return dv_dval_list(d, items, col->path_len);
}

static dv_dval time_format_val(dv_diff *d, const dv_column *col)
{
	return col->time_format ?
		dv_dval_text(d, col->time_format, strlen(col->time_format)) :
		dv_dval_none();
}

/* The column's description, from the tree (compile keeps none). */
static dv_dval description_val(dv_diff *d, const dv_ynode *root,
			       const char *name)
{
	const dv_ynode *m = dv_dseam_column_map(root, name);
	const dv_ynode *n = m ? dv_ytree_get(m, "description") : NULL;

	if (!n || dv_ynode_is_null(n) || n->kind != DV_Y_SCALAR)
		return dv_dval_none();
	return dv_dval_text(d, n->text, n->len);
}

static void diff_flags(dv_diff *d, const char *pre, const dv_column *a,
		       const dv_column *b)
{
	dv_dval x, y;
	char *p;

	x = dv_dval_word(d, dv_type_name(a->type));
	y = dv_dval_word(d, dv_type_name(b->type));
	if ((p = dv_diff_printf(d, "%s.type", pre)))
		dv_diff_key(d, DV_DK_TYPE, p, &x, &y);
	x = dv_dval_bool(d, a->required);
	y = dv_dval_bool(d, b->required);
	if ((p = dv_diff_printf(d, "%s.required", pre)))
		dv_diff_key(d, DV_DK_REQUIRED, p, &x, &y);
	x = dv_dval_bool(d, a->unique);
	y = dv_dval_bool(d, b->unique);
	if ((p = dv_diff_printf(d, "%s.unique", pre)))
		dv_diff_key(d, DV_DK_UNIQUE, p, &x, &y);
	x = dv_dval_word(d, dcval_severity_name(a->severity));
	y = dv_dval_word(d, dcval_severity_name(b->severity));
	if ((p = dv_diff_printf(d, "%s.severity", pre)))
		dv_diff_key(d, DV_DK_SEVERITY, p, &x, &y);
	x = dv_dval_bool(d, a->sensitive);
	y = dv_dval_bool(d, b->sensitive);
	if ((p = dv_diff_printf(d, "%s.sensitive", pre)))
		dv_diff_key(d, DV_DK_SENSITIVE, p, &x, &y);
	x = description_val(d, d->old->root, a->name);
	y = description_val(d, d->new->root, b->name);
	if ((p = dv_diff_printf(d, "%s.description", pre)))
		dv_diff_key(d, DV_DK_DESCRIPTION, p, &x, &y);
	x = path_val(d, a);
	y = path_val(d, b);
	if ((p = dv_diff_printf(d, "%s.path", pre)))
		dv_diff_key(d, DV_DK_SYNTAX, p, &x, &y);
	/* a date format is the text's syntax: any change breaks */
	x = time_format_val(d, a);
	y = time_format_val(d, b);
	if ((p = dv_diff_printf(d, "%s.format", pre)))
		dv_diff_key(d, DV_DK_SYNTAX, p, &x, &y);
}

static void diff_pair(dv_diff *d, const dv_column *a, const dv_column *b)
{
	const char *pre = dv_diff_printf(d, "columns.%s", b->name);
	dv_dval x, y;
	size_t i;
	char *p;

	if (!pre)
		return;
	diff_flags(d, pre, a, b);
	for (i = 0; i < sizeof(op_rows) / sizeof(op_rows[0]); i++) {
		x = op_val(d, a, op_rows[i].rule);
		y = op_val(d, b, op_rows[i].rule);
		if ((p = dv_diff_printf(d, "%s.%s", pre, op_rows[i].name)))
			dv_diff_key(d, op_rows[i].key, p, &x, &y);
	}
	diff_enum(d, pre, a, b);
	diff_bool_lists(d, pre, a, b);
	dv_dseam_vector(d, b->name);
}

/* The column of c named `name`, or NULL. */
static const dv_column *by_name(const dcval_contract *c, const char *name)
{
	uint32_t i;

	if (!dv_strmap_find(&c->names, name, strlen(name), &i))
		return NULL;
	return &c->columns[i];
}

/* A column as JSON for an added or removed change. */
static const char *column_json(dv_diff *d, const dv_column *col)
{
	return dv_diff_printf(d, "{\"name\": %s, \"type\": \"%s\", \"required\": %s}",
			      dv_diff_jstr(d, col->name, strlen(col->name)),
			      dv_type_name(col->type),
			      col->required ? "true" : "false");
}

static void added_or_removed(dv_diff *d, const dv_column *col, bool added)
{
	const dcval_contract *n = d->new->c;
	const char *path = dv_diff_printf(d, "columns.%s", col->name);
	const char *js = column_json(d, col), *msg;
	dv_dclass cls;

	if (added)
		cls = col->required || n->missing_columns == DV_POLICY_ERROR ?
			DV_DC_BREAKING : DV_DC_RELAXING;
	else
		cls = n->extra_columns == DV_POLICY_ERROR ? DV_DC_BREAKING :
							    DV_DC_RELAXING;
	msg = dv_diff_printf(d, "%s: %s (%s%s)", path,
			     added ? "added" : "removed", dv_type_name(col->type),
			     col->required ? ", required" : "");
	if (path && js && msg)
		dv_diff_add(d, path, cls, added ? "null" : js,
			    added ? js : "null", msg);
}

static dv_dval names_val(dv_diff *d, const dcval_contract *c)
{
	dv_dval *items = dv_arena_array(&d->arena, c->n_columns, sizeof(*items));
	size_t i;

	if (!items) {
		d->status = DCVAL_ENOMEM;
		return dv_dval_none();
	}
	for (i = 0; i < c->n_columns; i++)
		items[i] = dv_dval_word(d, c->columns[i].name);
	return dv_dval_list(d, items, c->n_columns);
}

/* The columns both contracts declare, in another relative order, when
 * NEW's order is strict: breaking. */
static void diff_order(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	const dv_column *o;
	size_t i, last = 0;
	bool first = true, moved = false;
	dv_dval x, y;
	const char *msg;

	if (!b->column_order_strict)
		return;
	for (i = 0; i < b->n_columns && !moved; i++) {
		o = by_name(a, b->columns[i].name);
		if (!o)
			continue;
		moved = !first && o->index < last;
		last = o->index;
		first = false;
	}
	if (!moved)
		return;
	x = names_val(d, a);
	y = names_val(d, b);
	msg = dv_diff_printf(d, "columns: order %s -> %s", x.show, y.show);
	if (msg)
		dv_diff_add(d, "columns", DV_DC_BREAKING, x.json, y.json, msg);
}

void dv_diff_columns(dv_diff *d)
{
	const dcval_contract *a = d->old->c, *b = d->new->c;
	const dv_column *o;
	size_t i;

	for (i = 0; i < b->n_columns; i++) {
		o = by_name(a, b->columns[i].name);
		if (o)
			diff_pair(d, o, &b->columns[i]);
		else
			added_or_removed(d, &b->columns[i], true);
	}
	for (i = 0; i < a->n_columns; i++)
		if (!by_name(b, a->columns[i].name))
			added_or_removed(d, &a->columns[i], false);
	diff_order(d);
}

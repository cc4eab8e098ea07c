/*
 * Compile the `columns` sequence: per column its keys, name, type, flags
 * and path. Value checks (bounds, enum, ...) follow from the column-check
 * table (colcheck.c), duplicate names and paths in compile_paths.c.
 */
#include <stdio.h>
#include <string.h>

#include "contract/colcheck.h"
#include "contract/compile.h"
#include "contract/suggest.h"
#include "util/alloc.h"

static const char *const column_keys[DV_CK_COUNT] = {
	[DV_CK_NAME] = "name",
	[DV_CK_TYPE] = "type",
	[DV_CK_DESCRIPTION] = "description",
	[DV_CK_REQUIRED] = "required",
	[DV_CK_UNIQUE] = "unique",
	[DV_CK_SEVERITY] = "severity",
	[DV_CK_SENSITIVE] = "sensitive",
	[DV_CK_PATH] = "path",
	[DV_CK_TRUE_VALUES] = "true_values",
	[DV_CK_FALSE_VALUES] = "false_values",
};

/* Every column key: column_keys[], then the column-check table's. */
struct colkeys {
	const char *names[DV_CK_COUNT + DV_CHECK_MAX];
	struct dv_keytable ks;
};

static void colkeys_init(struct colkeys *k)
{
	const struct dv_colcheck *rows;
	size_t i, n;

	rows = dv_colchecks(&n);
	for (i = 0; i < DV_CK_COUNT; i++)
		k->names[i] = column_keys[i];
	for (i = 0; i < n; i++)
		k->names[DV_CK_COUNT + i] = rows[i].key;
	k->ks.names = k->names;
	k->ks.n_known = DV_CK_COUNT + n;
	k->ks.n_planned = 0;
}

/* The keys of mapping src->map into src->k and src->ck. */
static dcval_status cc_col_keys(struct dv_cc *cc, struct dv_colsrc *src,
				const struct colkeys *k)
{
	const dv_ynode *slots[DV_CK_COUNT + DV_CHECK_MAX] = { 0 };
	const struct dv_colcheck *rows;
	size_t i, n;

	if (dv_cc_keys(cc, src->map, &k->ks, slots))
		return cc->err->status;
	rows = dv_colchecks(&n);
	for (i = 0; i < DV_CK_COUNT; i++)
		src->k[i] = slots[i];
	for (i = 0; i < n; i++)
		src->ck[rows[i].rule] = slots[DV_CK_COUNT + i];
	return DCVAL_OK;
}


/* The column's name: required, a non-empty scalar. `number` is 1-based. */
static dcval_status cc_col_name(struct dv_cc *cc, struct dv_colsrc *src,
				size_t number)
{
	const dv_ynode *n = src->k[DV_CK_NAME];
	char what[64];

	if (!n)
		return dv_cc_fail(cc, src->map,
				  "missing required key 'name' in column %zu",
				  number);
	snprintf(what, sizeof(what), "'name' of column %zu", number);
	if (dv_cc_string(cc, n, what))
		return DCVAL_ECONTRACT;
	if (n->len == 0 || strlen(n->text) != n->len)
		return dv_cc_fail(cc, n, "column %zu has an empty name", number);
	src->col->name = dv_cc_strdup(cc, n);
	return src->col->name ? DCVAL_OK : DCVAL_ENOMEM;
}

static dcval_status cc_col_type(struct dv_cc *cc, struct dv_colsrc *src)
{
	const dv_ynode *n = src->k[DV_CK_TYPE];
	const char *names[DV_T_COUNT], *hint = NULL;
	char show[DV_CC_SHOWBUF];
	const char *cname = src->col->name;
	char what[DV_CC_SHOWBUF + 32];
	size_t i;

	if (!n)
		return dv_cc_fail(cc, src->map,
				  "missing required key 'type' in column '%s'",
				  cname);
	snprintf(what, sizeof(what), "'type' of column '%s'", cname);
	if (dv_cc_string(cc, n, what))
		return DCVAL_ECONTRACT;
	if (n->kind == DV_Y_SCALAR && strlen(n->text) == n->len &&
	    dv_type_parse(n->text, &src->col->type))
		return DCVAL_OK;
	dv_cc_shown(show, n);
	for (i = 0; i < DV_T_COUNT; i++)
		names[i] = dv_type_name((dv_type)i);
	if (n->kind == DV_Y_SCALAR && strlen(n->text) == n->len)
		hint = dv_suggest(n->text, names, DV_T_COUNT);
	if (hint)
		return dv_cc_fail(cc, n,
				  "unknown type '%s' for column '%s' (did you mean '%s'?)",
				  show, cname, hint);
	return dv_cc_fail(cc, n, "unknown type '%s' for column '%s'", show,
			  cname);
}

/* required, unique, sensitive, severity, description. */
static dcval_status cc_col_flags(struct dv_cc *cc, struct dv_colsrc *src)
{
	dv_column *col = src->col;
	const dv_ynode *const *k = src->k;
	char what[DV_CC_SHOWBUF + 32];

	if ((k[DV_CK_REQUIRED] &&
	     dv_cc_bool(cc, k[DV_CK_REQUIRED], "'required'", &col->required)) ||
	    (k[DV_CK_UNIQUE] &&
	     dv_cc_bool(cc, k[DV_CK_UNIQUE], "'unique'", &col->unique)) ||
	    (k[DV_CK_SENSITIVE] &&
	     dv_cc_bool(cc, k[DV_CK_SENSITIVE], "'sensitive'", &col->sensitive)))
		return DCVAL_ECONTRACT;
	/* a vector is never compared with another (contract.md Types) */
	if (k[DV_CK_UNIQUE] && col->type == DV_T_VECTOR)
		return dv_cc_not_for(cc, src, k[DV_CK_UNIQUE], "unique");
	if (k[DV_CK_DESCRIPTION] && !dv_ynode_is_null(k[DV_CK_DESCRIPTION]) &&
	    dv_cc_string(cc, k[DV_CK_DESCRIPTION], "'description'"))
		return DCVAL_ECONTRACT;
	col->severity = DCVAL_SEVERITY_ERROR;
	if (k[DV_CK_SEVERITY]) {
		snprintf(what, sizeof(what), "'severity' of column '%s'",
			 col->name);
		if (dv_cc_severity(cc, k[DV_CK_SEVERITY], what, &col->severity))
			return DCVAL_ECONTRACT;
	}
	return DCVAL_OK;
}

/* An explicit `path`: a non-empty sequence of non-empty keys. */
static dcval_status cc_col_path_list(struct dv_cc *cc, struct dv_colsrc *src)
{
	const dv_ynode *n = src->k[DV_CK_PATH];
	dv_column *col = src->col;
	const char **path;
	char what[DV_CC_SHOWBUF + 32];
	size_t i;

	snprintf(what, sizeof(what), "'path' of column '%s'", col->name);
	if (dv_cc_want(cc, n, DV_Y_SEQ, what))
		return DCVAL_ECONTRACT;
	if (n->n == 0 || n->n > DV_CC_MAX_PATH)
		return dv_cc_fail(cc, n, "%s must have 1 to %d keys", what,
				  DV_CC_MAX_PATH);
	path = dv_arena_array(&cc->c->arena, n->n, sizeof(*path));
	if (!path)
		return dv_cc_nomem(cc);
	for (i = 0; i < n->n; i++) {
		const dv_ynode *it = n->items[i];

		if (it->kind != DV_Y_SCALAR || it->type != DV_YS_STR ||
		    it->len == 0 || strlen(it->text) != it->len)
			return dv_cc_fail(cc, it,
					  "each key in %s must be a non-empty string",
					  what);
		path[i] = dv_cc_strdup(cc, it);
		if (!path[i])
			return DCVAL_ENOMEM;
	}
	col->path = path;
	col->path_len = n->n;
	src->path_at = n;
	return DCVAL_OK;
}

/* The name as one literal key. */
static dcval_status cc_col_path_whole(struct dv_cc *cc, struct dv_colsrc *src)
{
	dv_column *col = src->col;
	const char **path = dv_arena_array(&cc->c->arena, 1, sizeof(*path));

	if (!path)
		return dv_cc_nomem(cc);
	path[0] = col->name;
	col->path = path;
	col->path_len = 1;
	return DCVAL_OK;
}

/*
 * The default path: the name split at '.'. In a csv or tsv contract a name
 * is header text, never split; a name whose split would give an empty key
 * (`a..b`, `x.`, `...`) is one literal key too.
 */
static dcval_status cc_col_path_split(struct dv_cc *cc, struct dv_colsrc *src)
{
	dv_column *col = src->col;
	const char *s = col->name, *dot;
	const char **path;
	size_t n = 1, i, len = strlen(s);

	src->path_at = src->k[DV_CK_NAME];
	if (cc->c->format == DCVAL_FORMAT_CSV || cc->c->format == DCVAL_FORMAT_TSV ||
	    s[0] == '.' || (len && s[len - 1] == '.') || strstr(s, ".."))
		return cc_col_path_whole(cc, src);
	for (dot = strchr(s, '.'); dot; dot = strchr(dot + 1, '.'))
		n++;
	if (n > DV_CC_MAX_PATH)
		return dv_cc_fail(cc, src->path_at,
				  "the path of column '%s' has more than %d keys",
				  col->name, DV_CC_MAX_PATH);
	path = dv_arena_array(&cc->c->arena, n, sizeof(*path));
	if (!path)
		return dv_cc_nomem(cc);
	for (i = 0; i < n; i++) {
		dot = strchr(s, '.');
		if (!dot)
			dot = s + strlen(s);
		path[i] = dv_arena_strndup(&cc->c->arena, s, (size_t)(dot - s));
		if (!path[i])
			return dv_cc_nomem(cc);
		s = dot + 1;
	}
	col->path = path;
	col->path_len = n;
	return DCVAL_OK;
}

static dcval_status cc_column(struct dv_cc *cc, const dv_ynode *map,
			      size_t index, struct dv_colsrc *src,
			      const struct colkeys *keys)
{
	dv_column *col = &cc->c->columns[index];
	char what[32];

	snprintf(what, sizeof(what), "column %zu", index + 1);
	src->map = map;
	src->col = col;
	col->index = index;
	col->line = map->line;
	if (dv_cc_want(cc, map, DV_Y_MAP, what) ||
	    cc_col_keys(cc, src, keys) ||
	    cc_col_name(cc, src, index + 1) || cc_col_type(cc, src) ||
	    cc_col_flags(cc, src))
		return cc->err->status;
	if (src->k[DV_CK_PATH] ? cc_col_path_list(cc, src) :
				 cc_col_path_split(cc, src))
		return cc->err->status;
	col->type_detail = dv_cc_printf(cc, "is not %s",
					dv_type_article(col->type));
	if (!col->type_detail)
		return DCVAL_ENOMEM;
	return dv_cc_checks(cc, src);
}

static const char *cc_column_name(const void *ctx, uint32_t v, size_t *len)
{
	const dcval_contract *c = ctx;

	*len = strlen(c->columns[v].name);
	return c->columns[v].name;
}

/* c->names: every column by its name (dv_cc_paths has refused repeats). */
static dcval_status cc_name_index(struct dv_cc *cc)
{
	dcval_contract *c = cc->c;
	size_t i;

	if (dv_strmap_init(&c->names, c->n_columns, cc_column_name, c))
		return dv_cc_nomem(cc);
	for (i = 0; i < c->n_columns; i++)
		dv_strmap_add(&c->names, (uint32_t)i, NULL);
	return DCVAL_OK;
}

dcval_status dv_cc_columns(struct dv_cc *cc, const dv_ynode *seq)
{
	dcval_contract *c = cc->c;
	struct dv_colsrc *srcs;
	struct colkeys keys;
	dcval_status st = DCVAL_OK;
	size_t i;

	if (dv_cc_want(cc, seq, DV_Y_SEQ, "'columns'"))
		return DCVAL_ECONTRACT;
	if (seq->n == 0)
		return dv_cc_fail(cc, seq, "'columns' must not be empty");
	c->columns = dv_arena_array(&c->arena, seq->n, sizeof(*c->columns));
	srcs = dv_calloc(seq->n, sizeof(*srcs));
	if (!c->columns || !srcs) {
		st = dv_cc_nomem(cc);
		goto out_free_srcs;
	}
	c->n_columns = seq->n;
	colkeys_init(&keys);
	for (i = 0; i < seq->n && st == DCVAL_OK; i++)
		st = cc_column(cc, seq->items[i], i, &srcs[i], &keys);
	if (st == DCVAL_OK)
		st = dv_cc_paths(cc, srcs);
	if (st == DCVAL_OK)
		st = cc_name_index(cc);

out_free_srcs:
	dv_free(srcs);
	return st;
}

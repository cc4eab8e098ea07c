/*
 * The contract compiler's top level: lineage keys, input, schema, dataset,
 * and the entry point dv_contract_compile(). Columns are compiled in
 * compile_column.c. See load.c for the grammar.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "contract/compile.h"
#include "contract/suggest.h"

enum top_key {
	TK_CONTRACT = 0, TK_VERSION, TK_DESCRIPTION, TK_OWNER, TK_SOURCE,
	TK_INPUT, TK_SCHEMA, TK_COLUMNS, TK_DATASET, TK_DRIFT, TK_RULES,
	TK_COUNT
};

static const char *const top_keys[TK_COUNT] = {
	"contract", "version", "description", "owner", "source", "input",
	"schema", "columns", "dataset", "drift", "rules",
};

enum input_key {
	IK_FORMAT = 0, IK_DELIMITER, IK_QUOTE, IK_HEADER, IK_NULL_VALUES,
	IK_COERCE, IK_ENCODING, IK_COUNT
};

static const char *const input_keys[IK_COUNT] = {
	"format", "delimiter", "quote", "header", "null_values", "coerce",
	"encoding",
};

enum schema_key { SK_EXTRA = 0, SK_MISSING, SK_ORDER, SK_COUNT };

static const char *const schema_keys[SK_COUNT] = {
	"extra_columns", "missing_columns", "column_order",
};

enum dataset_key {
	DK_ROW_COUNT = 0, DK_PRIMARY_KEY, DK_COLUMNS, DK_FRESHNESS,
	DK_COUNT
};

static const char *const dataset_keys[DK_COUNT] = {
	"row_count", "primary_key", "columns", "freshness",
};

static const char *const bound_keys[] = { "minimum", "maximum" };

static const char *const format_words[] = { "csv", "tsv", "jsonl", "json",
					    "ndjson" };

static const char *const policy_words[] = { "error", "warn", "ignore" };

static const char *const order_words[] = { "any", "strict" };

/* Free text: a string, or absent when null. */
static dcval_status cc_text(struct dv_cc *cc, const dv_ynode *n,
			    const char *what, const char **out)
{
	if (!n || dv_ynode_is_null(n))
		return DCVAL_OK;
	if (dv_cc_string(cc, n, what) != DCVAL_OK)
		return DCVAL_ECONTRACT;
	*out = dv_cc_strdup(cc, n);
	return *out ? DCVAL_OK : DCVAL_ENOMEM;
}

static bool cc_name_ok(const dv_ynode *n)
{
	size_t i;

	if (n->len == 0)
		return false;
	for (i = 0; i < n->len; i++) {
		char ch = n->text[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
		      ch == '-'))
			return false;
	}
	return true;
}

/* version: semantic versioning 2.0.0 (semver.org), a string. A plain
 * 1.4 or 1 is a YAML number: refused with a hint. */
static dcval_status cc_version(struct dv_cc *cc, const dv_ynode *n)
{
	char show[DV_CC_SHOWBUF], got[DV_CC_GOTBUF];

	if (dv_cc_want(cc, n, DV_Y_SCALAR, "'version'"))
		return DCVAL_ECONTRACT;
	if (n->type == DV_YS_INT || n->type == DV_YS_FLOAT)
		return dv_cc_fail(cc, n,
				  "'version' must be a semantic version such as 1.4.0, got the number %s",
				  dv_cc_shown(show, n));
	if (n->type != DV_YS_STR || strlen(n->text) != n->len ||
	    !dv_semver_is_valid(n->text))
		return dv_cc_fail(cc, n,
				  "'version' must be a semantic version such as 1.4.0, got %s",
				  dv_cc_got(got, n));
	cc->c->version = dv_cc_strdup(cc, n);
	return cc->c->version ? DCVAL_OK : DCVAL_ENOMEM;
}

static dcval_status cc_lineage(struct dv_cc *cc, const dv_ynode *root,
			       const dv_ynode **k)
{
	dcval_contract *c = cc->c;
	char show[DV_CC_SHOWBUF];

	if (!k[TK_CONTRACT])
		return dv_cc_fail(cc, root, "missing required key 'contract'");
	if (dv_cc_string(cc, k[TK_CONTRACT], "'contract'"))
		return DCVAL_ECONTRACT;
	if (!cc_name_ok(k[TK_CONTRACT]))
		return dv_cc_fail(cc, k[TK_CONTRACT],
				  "invalid contract name '%s': use letters, digits, '_', '.' and '-'",
				  dv_cc_shown(show, k[TK_CONTRACT]));
	c->name = dv_cc_strdup(cc, k[TK_CONTRACT]);
	if (!c->name)
		return DCVAL_ENOMEM;
	if ((k[TK_VERSION] && cc_version(cc, k[TK_VERSION])) ||
	    cc_text(cc, k[TK_DESCRIPTION], "'description'", &c->description) ||
	    cc_text(cc, k[TK_OWNER], "'owner'", &c->owner) ||
	    cc_text(cc, k[TK_SOURCE], "'source'", &c->source))
		return cc->err->status;
	return DCVAL_OK;
}

/* delimiter or quote: one byte, not a line break. */
static dcval_status cc_one_byte(struct dv_cc *cc, const dv_ynode *n,
				const char *key, char *out)
{
	char show[DV_CC_SHOWBUF], what[32];

	/* null is left to the message below: a null quote may come to mean
	 * "no quoting" (contract.md) */
	snprintf(what, sizeof(what), "'%s'", key);
	if (!dv_ynode_is_null(n) && dv_cc_string(cc, n, what))
		return DCVAL_ECONTRACT;
	if (dv_ynode_is_null(n))
		return dv_cc_fail(cc, n, "'%s' must be one byte, got null", key);
	if (n->kind != DV_Y_SCALAR || n->len != 1)
		return dv_cc_fail(cc, n, "'%s' must be one byte, got '%s'", key,
				  dv_cc_shown(show, n));
	if (n->text[0] == '\n' || n->text[0] == '\r')
		return dv_cc_fail(cc, n, "'%s' must not be a line break", key);
	*out = n->text[0];
	return DCVAL_OK;
}

static dcval_status cc_format(struct dv_cc *cc, const dv_ynode *n)
{
	char show[DV_CC_SHOWBUF];
	const char *hint;

	if (dv_cc_string(cc, n, "'format' in 'input'"))
		return DCVAL_ECONTRACT;
	if (strlen(n->text) == n->len &&
	    dcval_format_parse(n->text, &cc->c->format))
		return DCVAL_OK;
	dv_cc_shown(show, n);
	hint = dv_suggest(n->text, format_words, 5);
	if (hint)
		return dv_cc_fail(cc, n,
				  "unknown input format '%s' (did you mean '%s'?)",
				  show, hint);
	return dv_cc_fail(cc, n,
			  "unknown input format '%s': expected csv, tsv, jsonl or json",
			  show);
}

static dcval_status cc_null_values(struct dv_cc *cc, const dv_ynode *n)
{
	dcval_contract *c = cc->c;
	const char **v;
	size_t i;

	if (dv_cc_want(cc, n, DV_Y_SEQ, "'null_values'"))
		return DCVAL_ECONTRACT;
	v = dv_arena_array(&c->arena, n->n ? n->n : 1, sizeof(*v));
	if (!v)
		return dv_cc_nomem(cc);
	for (i = 0; i < n->n; i++) {
		if (dv_cc_string(cc, n->items[i], "each item of 'null_values'"))
			return DCVAL_ECONTRACT;
		v[i] = dv_cc_strdup(cc, n->items[i]);
		if (!v[i])
			return DCVAL_ENOMEM;
		if (n->items[i]->len > c->max_null_len)
			c->max_null_len = n->items[i]->len;
	}
	c->null_values = v;
	c->n_null_values = n->n;
	return DCVAL_OK;
}

static dcval_status cc_encoding(struct dv_cc *cc, const dv_ynode *n)
{
	char show[DV_CC_SHOWBUF];

	if (dv_ynode_is(n, DV_YS_STR) && (strcasecmp(n->text, "utf-8") == 0 ||
					  strcasecmp(n->text, "utf8") == 0))
		return DCVAL_OK;
	return dv_cc_fail(cc, n, "unsupported encoding '%s': only utf-8",
			  dv_cc_shown(show, n));
}

/* The scalar keys of input; null_values and the quote/delimiter clash
 * are left to cc_input(). */
static dcval_status cc_input_keys(struct dv_cc *cc, const dv_ynode **k)
{
	dcval_contract *c = cc->c;

	if (k[IK_FORMAT] && cc_format(cc, k[IK_FORMAT]))
		return cc->err->status;
	if (k[IK_DELIMITER]) {
		if (cc_one_byte(cc, k[IK_DELIMITER], "delimiter", &c->delimiter))
			return DCVAL_ECONTRACT;
		c->delimiter_set = true;
	} else if (c->format == DCVAL_FORMAT_TSV) {
		c->delimiter = '\t';
	}
	if (k[IK_QUOTE] && dv_ynode_is_null(k[IK_QUOTE]))
		c->quote_none = true; /* `quote: null` or `~`: quoting off */
	else if (k[IK_QUOTE] && cc_one_byte(cc, k[IK_QUOTE], "quote", &c->quote))
		return DCVAL_ECONTRACT;
	if (k[IK_HEADER] &&
	    dv_cc_bool(cc, k[IK_HEADER], "'header'", &c->header))
		return DCVAL_ECONTRACT;
	if (k[IK_COERCE] &&
	    dv_cc_bool(cc, k[IK_COERCE], "'coerce'", &c->coerce))
		return DCVAL_ECONTRACT;
	return DCVAL_OK;
}

static dcval_status cc_input(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { input_keys, IK_COUNT, 0 };
	const dv_ynode *k[IK_COUNT] = { NULL };
	dcval_contract *c = cc->c;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'input'") ||
	    dv_cc_keys(cc, n, &ks, k) || cc_input_keys(cc, k))
		return cc->err->status;
	if (!c->quote_none && c->delimiter == c->quote)
		return dv_cc_fail(cc, dv_cc_later(k[IK_DELIMITER], k[IK_QUOTE]),
				  "'delimiter' and 'quote' must differ");
	if (k[IK_NULL_VALUES] && cc_null_values(cc, k[IK_NULL_VALUES]))
		return cc->err->status;
	if (k[IK_ENCODING] && cc_encoding(cc, k[IK_ENCODING]))
		return DCVAL_ECONTRACT;
	return DCVAL_OK;
}

static dcval_status cc_policy(struct dv_cc *cc, const dv_ynode *n,
			      const char *what, dv_policy *out)
{
	size_t i;

	if (!n)
		return DCVAL_OK;
	if (dv_cc_choice(cc, n, what, policy_words, 3, &i))
		return DCVAL_ECONTRACT;
	*out = (dv_policy)i;
	return DCVAL_OK;
}

static dcval_status cc_schema(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { schema_keys, SK_COUNT, 0 };
	const dv_ynode *k[SK_COUNT] = { NULL };
	dcval_contract *c = cc->c;
	size_t i;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'schema'") ||
	    dv_cc_keys(cc, n, &ks, k) ||
	    cc_policy(cc, k[SK_EXTRA], "'extra_columns'", &c->extra_columns) ||
	    cc_policy(cc, k[SK_MISSING], "'missing_columns'",
		      &c->missing_columns))
		return DCVAL_ECONTRACT;
	if (k[SK_ORDER]) {
		if (dv_cc_choice(cc, k[SK_ORDER], "'column_order'", order_words,
				 2, &i))
			return DCVAL_ECONTRACT;
		c->column_order_strict = i == 1;
	}
	return DCVAL_OK;
}

static dcval_status cc_row_count(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { bound_keys, 2, 0 };
	const dv_ynode *k[2] = { NULL };
	dcval_contract *c = cc->c;

	if (dv_cc_want(cc, n, DV_Y_MAP, "'row_count'") ||
	    dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	if (k[0] && dv_cc_count(cc, k[0], "minimum", " for 'row_count'",
				&c->row_count_min))
		return DCVAL_ECONTRACT;
	if (k[1] && dv_cc_count(cc, k[1], "maximum", " for 'row_count'",
				&c->row_count_max))
		return DCVAL_ECONTRACT;
	c->has_row_count_min = k[0] != NULL;
	c->has_row_count_max = k[1] != NULL;
	if (k[0] && k[1] && c->row_count_min > c->row_count_max)
		return dv_cc_fail(cc, dv_cc_later(k[0], k[1]),
				  "row_count minimum %s is greater than maximum %s",
				  k[0]->text, k[1]->text);
	return DCVAL_OK;
}

/* Index of the column named by scalar n, or fail with a hint. */
static dcval_status cc_pk_column(struct dv_cc *cc, const dv_ynode *n,
				 size_t *out)
{
	const dcval_contract *c = cc->c;
	const char **names;
	char show[DV_CC_SHOWBUF];
	const char *hint = NULL;
	uint32_t found;
	size_t i;

	if (dv_cc_string(cc, n, "each item of 'primary_key'"))
		return DCVAL_ECONTRACT;
	if (strlen(n->text) == n->len &&
	    dv_strmap_find(&c->names, n->text, n->len, &found)) {
		*out = found;
		if (c->columns[found].type == DV_T_VECTOR)
			return dv_cc_fail(cc, n,
					  "'primary_key' names column '%s' of type vector, which is never compared",
					  c->columns[found].name);
		return DCVAL_OK;
	}
	names = dv_arena_array(&cc->c->arena, c->n_columns, sizeof(*names));
	if (!names)
		return dv_cc_nomem(cc);
	for (i = 0; i < c->n_columns; i++)
		names[i] = c->columns[i].name;
	if (strlen(n->text) == n->len)
		hint = dv_suggest(n->text, names, c->n_columns);
	dv_cc_shown(show, n);
	if (hint)
		return dv_cc_fail(cc, n,
				  "'primary_key' names unknown column '%s' (did you mean '%s'?)",
				  show, hint);
	return dv_cc_fail(cc, n, "'primary_key' names unknown column '%s'",
			  show);
}

static dcval_status cc_primary_key(struct dv_cc *cc, const dv_ynode *n)
{
	dcval_contract *c = cc->c;
	size_t *pk, i, j, len = 0;
	char *name;

	if (dv_cc_want(cc, n, DV_Y_SEQ, "'primary_key'"))
		return DCVAL_ECONTRACT;
	if (n->n == 0)
		return dv_cc_fail(cc, n, "'primary_key' must not be empty");
	pk = dv_arena_array(&c->arena, n->n, sizeof(*pk));
	if (!pk)
		return dv_cc_nomem(cc);
	for (i = 0; i < n->n; i++) {
		if (cc_pk_column(cc, n->items[i], &pk[i]))
			return cc->err->status;
		for (j = 0; j < i; j++) {
			if (pk[j] == pk[i])
				return dv_cc_fail(cc, n->items[i],
						  "column '%s' is repeated in 'primary_key'",
						  c->columns[pk[i]].name);
		}
		len += strlen(c->columns[pk[i]].name) + 1;
	}
	name = dv_arena_alloc(&c->arena, len);
	if (!name)
		return dv_cc_nomem(cc);
	for (i = 0; i < n->n; i++) {
		if (i)
			strcat(name, ",");
		strcat(name, c->columns[pk[i]].name);
	}
	c->primary_key = pk;
	c->n_primary_key = n->n;
	c->primary_key_name = name;
	return DCVAL_OK;
}

static dcval_status cc_dataset(struct dv_cc *cc, const dv_ynode *n)
{
	static const struct dv_keytable ks = { dataset_keys, DK_COUNT, 0 };
	const dv_ynode *k[DK_COUNT] = { NULL };

	if (dv_cc_want(cc, n, DV_Y_MAP, "'dataset'") ||
	    dv_cc_keys(cc, n, &ks, k))
		return DCVAL_ECONTRACT;
	if (k[DK_ROW_COUNT] && cc_row_count(cc, k[DK_ROW_COUNT]))
		return cc->err->status;
	if (k[DK_PRIMARY_KEY] && cc_primary_key(cc, k[DK_PRIMARY_KEY]))
		return cc->err->status;
	return dv_cc_dataset_checks(cc, k[DK_COLUMNS], k[DK_FRESHNESS]);
}

static dcval_status cc_top(struct dv_cc *cc, const dv_ynode *root)
{
	static const struct dv_keytable ks = { top_keys, TK_COUNT, 0 };
	const dv_ynode *k[TK_COUNT] = { NULL };

	if (root->kind != DV_Y_MAP)
		return dv_cc_fail(cc, root,
				  "expected a mapping at the top of the contract");
	if (dv_cc_keys(cc, root, &ks, k) || cc_lineage(cc, root, k))
		return cc->err->status;
	if (k[TK_INPUT] && cc_input(cc, k[TK_INPUT]))
		return cc->err->status;
	if (k[TK_SCHEMA] && cc_schema(cc, k[TK_SCHEMA]))
		return cc->err->status;
	if (!k[TK_COLUMNS])
		return dv_cc_fail(cc, root, "missing required key 'columns'");
	if (dv_cc_columns(cc, k[TK_COLUMNS]))
		return cc->err->status;
	if (k[TK_DATASET] && cc_dataset(cc, k[TK_DATASET]))
		return cc->err->status;
	if (k[TK_RULES] && dv_cc_rules(cc, k[TK_RULES]))
		return cc->err->status;
	if (k[TK_DRIFT] && dv_cc_drift(cc, k[TK_DRIFT]))
		return cc->err->status;
	return DCVAL_OK;
}

/* Defaults of everything the contract may leave out. */
static dcval_status cc_defaults(struct dv_cc *cc)
{
	static const char *const empty = "";
	dcval_contract *c = cc->c;
	const char **nv = dv_arena_alloc(&c->arena, sizeof(*nv));

	if (!nv)
		return dv_cc_nomem(cc);
	nv[0] = empty;
	c->null_values = nv;
	c->n_null_values = 1;
	c->file = dv_arena_strdup(&c->arena, cc->file);
	if (!c->file)
		return dv_cc_nomem(cc);
	c->format = DCVAL_FORMAT_AUTO;
	c->delimiter = ',';
	c->quote = '"';
	c->header = true;
	c->extra_columns = DV_POLICY_ERROR;
	c->missing_columns = DV_POLICY_ERROR;
	c->paths.column = -1;
	return DCVAL_OK;
}

dcval_contract *dv_contract_compile(const dv_ynode *root, const char *file,
				    unsigned flags, dcval_error *err)
{
	struct dv_cc cc = { .file = file, .err = err, .flags = flags };
	dv_arena arena;
	dcval_contract *c;

	dv_arena_init(&arena);
	c = dv_arena_alloc(&arena, sizeof(*c));
	if (!c) {
		dv_cc_nomem(&cc);
		return NULL;
	}
	c->arena = arena;
	cc.c = c;
	if (cc_defaults(&cc) || cc_top(&cc, root))
		goto out_free_contract;
	return c;

out_free_contract:
	dcval_contract_free(c);
	return NULL;
}

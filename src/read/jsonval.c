/*
 * JSON records -> engine values; see jsonval.h.
 *
 * Values point into the parsed record (strings) or into jv->text: the
 * compact JSON text of objects and arrays (and of numbers in `any`
 * columns), which reports show and `unique` compares. Other numbers keep
 * no text: the engine writes it only when a violation needs it. jv->text
 * may move while it grows, so offsets are kept per column in
 * jv->text_off and turned into pointers once the record is complete.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "engine/keyset.h"
#include "engine/types.h"
#include "read/jsonval.h"
#include "util/alloc.h"

/* JSON text of a non-string value: compact, keys in document order. */
#define DV_JSONVAL_DUMP_FLAGS \
	(JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER)

/* ---- life cycle ---- */

dcval_status dv_jsonval_init(dv_jsonval *jv, dv_engine *e)
{
	size_t max = dv_engine_max_line(e), i;

	jv->e = e;
	jv->c = dv_engine_contract(e);
	jv->want_raw = dv_engine_wants_raw(e);
	/* a record's values cannot need much more text than the record */
	dv_buf_init(&jv->text, max > SIZE_MAX / 4 ? SIZE_MAX / 4 : max * 2);
	dv_buf_init(&jv->path, max);
	jv->seen = dv_keyset_new(false);
	jv->text_off = dv_mallocarray(jv->c->n_columns, sizeof(*jv->text_off));
	if (!jv->text_off || !jv->seen)
		return DCVAL_ENOMEM;
	for (i = 0; i < jv->c->n_columns; i++)
		jv->text_off[i] = SIZE_MAX;
	return DCVAL_OK;
}

void dv_jsonval_release(dv_jsonval *jv)
{
	dv_buf_release(&jv->text);
	dv_buf_release(&jv->path);
	dv_keyset_free(jv->seen);
	jv->seen = NULL;
	dv_free(jv->text_off);
	jv->text_off = NULL;
}

/* ---- parsing ---- */

json_t *dv_jsonval_parse(const char *s, size_t len, json_error_t *err)
{
	json_t *root = json_loadb(s, len, DV_JSONVAL_PARSE_FLAGS, err);

	/* "too big integer": read every integer of the text as a real */
	if (!root && json_error_code(err) == json_error_numeric_overflow)
		root = json_loadb(s, len,
				  DV_JSONVAL_PARSE_FLAGS | JSON_DECODE_INT_AS_REAL,
				  err);
	return root;
}

dv_rule dv_jsonval_describe(const json_error_t *err, bool with_column,
			    char *buf, size_t cap)
{
	int col = err->position > 0 ? err->position : 1;

	if (json_error_code(err) == json_error_invalid_utf8) {
		snprintf(buf, cap, "invalid UTF-8");
		return DV_R_ENCODING;
	}
	if (with_column)
		snprintf(buf, cap, "invalid JSON at column %d: %s", col,
			 err->text);
	else
		snprintf(buf, cap, "invalid JSON: %s", err->text);
	return DV_R_MALFORMED;
}

/* ---- values ---- */

/* Cut buffer b back to len bytes. */
static void buf_cut(dv_buf *b, size_t len)
{
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
}

/* json_dump_callback() target: appends to a dv_buf, keeps the status. */
struct text_sink {
	dv_buf *b;
	dcval_status st;
};

static int text_append(const char *p, size_t n, void *ud)
{
	struct text_sink *t = ud;

	t->st = dv_buf_append(t->b, p, n);
	return t->st == DCVAL_OK ? 0 : -1;
}

/*
 * A real with the fewest digits (15, else 17) that read back as the same
 * double, so 0.1 shows as 0.1 and not 0.10000000000000001.
 */
static size_t real_flags(const json_t *v)
{
	size_t flags = DV_JSONVAL_DUMP_FLAGS | JSON_REAL_PRECISION(15);
	char num[40];
	size_t n = json_dumpb(v, num, sizeof(num), flags);
	double back;

	if (!n || n >= sizeof(num) || !dv_parse_number(num, n, &back) ||
	    back != json_real_value(v))
		flags = DV_JSONVAL_DUMP_FLAGS | JSON_REAL_PRECISION(17);
	return flags;
}

/*
 * Append the JSON text of v to jv->text as the text of out (column
 * `column`); the pointer is set by text_fixup(). Past the buffer cap the
 * value keeps no text (s NULL, which the engine allows); only an
 * allocation failure is an error.
 */
static dcval_status text_add(dv_jsonval *jv, dv_value *out, long column,
			     const json_t *v)
{
	size_t start = jv->text.len;
	struct text_sink sink = { &jv->text, DCVAL_OK };
	dcval_status st;
	char num[24];
	int n;

	if (json_is_integer(v)) {
		n = snprintf(num, sizeof(num), "%" PRId64,
			     (int64_t)json_integer_value(v));
		st = dv_buf_append(&jv->text, num, (size_t)n);
	} else {
		size_t flags = json_is_real(v) ? real_flags(v)
					       : DV_JSONVAL_DUMP_FLAGS;

		if (json_dump_callback(v, text_append, &sink, flags))
			st = sink.st != DCVAL_OK ? sink.st : DCVAL_ENOMEM;
		else
			st = DCVAL_OK;
	}
	if (st == DCVAL_OK) {
		jv->text_off[column] = start;
		out->len = jv->text.len - start;
		return DCVAL_OK;
	}
	buf_cut(&jv->text, start);
	return st == DCVAL_ELIMIT ? DCVAL_OK : st;
}

/* A value that is not what a declared path needs: its JSON text. */
static dcval_status set_other(dv_jsonval *jv, dv_value *values, long column,
			      const json_t *v)
{
	dv_value *out = &values[column];

	out->kind = DV_V_JOTHER;
	out->field = 0;
	out->s = NULL;
	out->len = 0;
	return text_add(jv, out, column, v);
}

/* One declared leaf: v is the JSON value found there, NULL if missing. */
static dcval_status set_leaf(dv_jsonval *jv, dv_value *values, long column,
			     const json_t *v)
{
	dv_value *out = &values[column];

	out->field = 0;
	out->s = NULL;
	out->len = 0;
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_NULL:
		out->kind = DV_V_NULL;
		return DCVAL_OK;
	case JSON_STRING:
		out->kind = jv->c->coerce ? DV_V_TEXT : DV_V_JSTRING;
		out->s = json_string_value(v);
		out->len = json_string_length(v);
		return DCVAL_OK;
	case JSON_TRUE:
	case JSON_FALSE:
		out->kind = DV_V_JBOOL;
		out->i = json_is_true(v);
		out->s = out->i ? "true" : "false";
		out->len = strlen(out->s);
		return DCVAL_OK;
	case JSON_INTEGER:
		out->kind = DV_V_JINT;
		out->i = json_integer_value(v);
		break;
	case JSON_REAL:
		out->kind = DV_V_JREAL;
		out->d = json_real_value(v);
		break;
	default:
		out->kind = DV_V_JOTHER;
		return text_add(jv, out, column, v);
	}
	/*
	 * Numbers keep no text (the engine writes it when a violation needs
	 * it), but in an `any` column their text is the value that unique
	 * and enum compare.
	 */
	if (jv->c->columns[column].type != DV_T_ANY)
		return DCVAL_OK;
	return text_add(jv, out, column, v);
}

/*
 * Every leaf below node gets the value `v`: NULL for a missing or null
 * object on the way, or the non-object found where an object was needed
 * (a JOTHER holding its text, so the leaf fails its type check).
 */
static dcval_status set_below(dv_jsonval *jv, dv_value *values,
			      const dv_pathnode *node, const json_t *v,
			      unsigned depth)
{
	size_t i;
	dcval_status st;

	if (depth > DV_JSONVAL_MAX_DEPTH)
		return DCVAL_OK;
	for (i = 0; i < node->n_children; i++) {
		const dv_pathnode *ch = &node->children[i];

		if (ch->column >= 0) {
			st = v ? set_other(jv, values, ch->column, v)
			       : set_leaf(jv, values, ch->column, NULL);
			if (st != DCVAL_OK)
				return st;
		}
		st = set_below(jv, values, ch, v, depth + 1);
		if (st != DCVAL_OK)
			return st;
	}
	return DCVAL_OK;
}

/* Fill the leaves under trie node `node` from JSON object obj. */
static dcval_status fill_node(dv_jsonval *jv, dv_value *values,
			      const dv_pathnode *node, const json_t *obj,
			      unsigned depth)
{
	size_t i;
	dcval_status st = DCVAL_OK;

	if (depth > DV_JSONVAL_MAX_DEPTH)
		return DCVAL_OK;
	for (i = 0; i < node->n_children && st == DCVAL_OK; i++) {
		const dv_pathnode *ch = &node->children[i];
		const json_t *v = json_object_getn(obj, ch->key, ch->key_len);

		if (ch->column >= 0) {
			st = set_leaf(jv, values, ch->column, v);
			if (st != DCVAL_OK)
				break;
		}
		if (!ch->n_children)
			continue;
		if (json_is_object(v))
			st = fill_node(jv, values, ch, v, depth + 1);
		else
			st = set_below(jv, values, ch, json_is_null(v) ? NULL : v,
				       depth + 1);
	}
	return st;
}

/* ---- extra keys ---- */

/* Compare as the trie is sorted: bytes, then length. */
static int key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static const dv_pathnode *find_child(const dv_pathnode *node, const char *key,
				     size_t len)
{
	size_t lo = 0, hi = node->n_children;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const dv_pathnode *ch = &node->children[mid];
		int c = key_cmp(key, len, ch->key, ch->key_len);

		if (!c)
			return ch;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Append ".key" (or "key" at the top) to jv->path. */
static dcval_status path_push(dv_jsonval *jv, const char *key, size_t len)
{
	dcval_status st = DCVAL_OK;

	if (jv->path.len)
		st = dv_buf_putc(&jv->path, '.');
	if (st == DCVAL_OK)
		st = dv_buf_append(&jv->path, key, len);
	return st;
}

static void path_pop(dv_jsonval *jv, size_t len)
{
	buf_cut(&jv->path, len);
}

/*
 * Report key path jv->path + key once per input. Once the set holds
 * DV_JSONVAL_SEEN_MAX paths, new ones are no longer reported.
 */
static dcval_status report_extra(dv_jsonval *jv, dv_record *rec,
				 const char *key, size_t len)
{
	size_t mark = jv->path.len;
	dcval_status st;
	bool added = false;

	if (dv_keyset_count(jv->seen) >= DV_JSONVAL_SEEN_MAX)
		return DCVAL_OK;
	st = path_push(jv, key, len);
	if (st == DCVAL_ELIMIT)
		st = DCVAL_OK; /* a key path past the cap goes unreported */
	else if (st == DCVAL_OK)
		st = dv_keyset_add(jv->seen, jv->path.data, jv->path.len,
				   &added);
	if (st == DCVAL_OK && added)
		st = dv_engine_issue(jv->e, rec, DV_R_EXTRA_COLUMN, 0,
				     jv->path.data, NULL, 0,
				     "key is not declared in the contract");
	path_pop(jv, mark);
	return st;
}

/* Keys of obj that trie node `node` does not declare, in document order. */
static dcval_status extras_node(dv_jsonval *jv, dv_record *rec,
				const dv_pathnode *node, json_t *obj,
				unsigned depth)
{
	void *it;
	dcval_status st = DCVAL_OK;

	if (depth > DV_JSONVAL_MAX_DEPTH)
		return DCVAL_OK;
	for (it = json_object_iter(obj); it && st == DCVAL_OK;
	     it = json_object_iter_next(obj, it)) {
		const char *key = json_object_iter_key(it);
		size_t len = json_object_iter_key_len(it);
		json_t *v = json_object_iter_value(it);
		const dv_pathnode *ch = find_child(node, key, len);
		size_t mark = jv->path.len;

		if (!ch) {
			st = report_extra(jv, rec, key, len);
			continue;
		}
		if (!ch->n_children || !json_is_object(v))
			continue;
		st = path_push(jv, key, len);
		if (st == DCVAL_OK)
			st = extras_node(jv, rec, ch, v, depth + 1);
		else if (st == DCVAL_ELIMIT)
			st = DCVAL_OK;
		path_pop(jv, mark);
	}
	return st;
}

/* ---- records ---- */

/* Turn the text offsets of this record into pointers. */
static void text_fixup(dv_jsonval *jv, dv_value *values)
{
	size_t i;

	for (i = 0; i < jv->c->n_columns; i++) {
		if (jv->text_off[i] == SIZE_MAX)
			continue;
		values[i].s = jv->text.data + jv->text_off[i];
		jv->text_off[i] = SIZE_MAX;
	}
}

dcval_status dv_jsonval_emit(dv_jsonval *jv, uint64_t line, json_t *root,
			     const char *raw, size_t raw_len)
{
	dv_record rec = { .line = line };
	dcval_status st;

	if (!json_is_object(root)) {
		json_decref(root);
		return dv_jsonval_bad(jv, line, DV_R_MALFORMED,
				      "record is not a JSON object", raw,
				      raw_len);
	}
	rec.raw = jv->want_raw ? raw : NULL;
	rec.raw_len = jv->want_raw ? raw_len : 0;
	rec.values = dv_engine_begin_record(jv->e);
	dv_buf_reset(&jv->text);
	st = fill_node(jv, rec.values, &jv->c->paths, root, 0);
	if (st == DCVAL_OK)
		text_fixup(jv, rec.values);
	if (st == DCVAL_OK && jv->c->extra_columns != DV_POLICY_IGNORE) {
		path_pop(jv, 0);
		st = extras_node(jv, &rec, &jv->c->paths, root, 0);
	}
	if (st == DCVAL_OK || st == DCVAL_STOP) {
		/* a record stopped by --fail-fast is still counted once */
		dcval_status st2 = dv_engine_end_record(jv->e, &rec);

		if (st == DCVAL_OK)
			st = st2;
	}
	json_decref(root);
	return st;
}

dcval_status dv_jsonval_bad(dv_jsonval *jv, uint64_t line, dv_rule rule,
			    const char *detail, const char *raw,
			    size_t raw_len)
{
	dv_record rec = { .line = line };
	dcval_status st;
	size_t i;

	rec.raw = jv->want_raw ? raw : NULL;
	rec.raw_len = jv->want_raw ? raw_len : 0;
	rec.values = dv_engine_begin_record(jv->e);
	for (i = 0; i < jv->c->n_columns; i++)
		rec.values[i].kind = DV_V_SKIP;
	st = dv_engine_issue(jv->e, &rec, rule, 0, NULL, NULL, 0, detail);
	if (st == DCVAL_OK || st == DCVAL_STOP) {
		dcval_status st2 = dv_engine_end_record(jv->e, &rec);

		if (st == DCVAL_OK)
			st = st2;
	}
	return st;
}

/*
 * JSON records -> engine values; see jsonval.h.
 *
 * Strings and numbers point into the record's text (or, for strings with
 * escapes, into the parsed document's buffer). Objects and arrays found
 * where a declared path ends get their compact JSON text in jv->text
 * (which reports show and `unique` compares), as do the messages of
 * non-object parents. jv->text may move while it grows, so offsets are
 * kept per column in jv->text_off and turned into pointers once the
 * record is complete. The fast path (jfast.c) shares the parent message,
 * the extra-key report, the trie lookup and the string dump below.
 */
#include <stdio.h>
#include <string.h>

#include "value/keyset.h"
#include "read/jsonval.h"
#include "util/alloc.h"

/* ---- life cycle ---- */

dcval_status dv_jsonval_init(dv_jsonval *jv, dv_engine *e)
{
	size_t max = dv_engine_max_line(e), i;

	jv->e = e;
	jv->c = dv_engine_contract(e);
	jv->want_raw = dv_engine_wants_raw(e);
	/* a worker of parallel validation sees one chunk: the replay keeps
	 * "once per input" (dv_engine_replay) */
	if (dv_engine_is_worker(e))
		jv->extra_each = true;
	/* decoded strings are never longer than the text they come from */
	dv_jdoc_init(&jv->doc, max);
	/* a record's values cannot need much more text than the record */
	dv_buf_init(&jv->text, max > SIZE_MAX / 4 ? SIZE_MAX / 4 : max * 2);
	dv_buf_init(&jv->path, max);
	jv->seen = dv_keyset_new(false);
	jv->text_off = dv_mallocarray(jv->c->n_columns, sizeof(*jv->text_off));
	jv->seg = dv_mallocarray(DV_JSONVAL_MAX_DEPTH + 1, sizeof(*jv->seg));
	if (!jv->text_off || !jv->seen || !jv->seg)
		return DCVAL_ENOMEM;
	for (i = 0; i < jv->c->n_columns; i++)
		jv->text_off[i] = SIZE_MAX;
	return DCVAL_OK;
}

dcval_status dv_jsonval_init_sink(dv_jsonval *jv, const dv_jsonval_sink *sink,
				  size_t max)
{
	memset(jv, 0, sizeof(*jv));
	jv->sink = sink;
	dv_jdoc_init(&jv->doc, max);
	return DCVAL_OK;
}

void dv_jsonval_release(dv_jsonval *jv)
{
	dv_jdoc_release(&jv->doc);
	dv_buf_release(&jv->text);
	dv_buf_release(&jv->path);
	dv_keyset_free(jv->seen);
	jv->seen = NULL;
	dv_free(jv->text_off);
	jv->text_off = NULL;
	dv_free(jv->seg);
	jv->seg = NULL;
}

/* ---- parsing ---- */

dcval_status dv_jsonval_parse(dv_jsonval *jv, const char *s, size_t len,
			      bool *valid)
{
	dcval_status st = dv_jdoc_parse(&jv->doc, s, len, valid);

	/* decoded strings past the cap: the text is longer than any record */
	return st == DCVAL_ELIMIT ? DCVAL_ENOMEM : st;
}

dv_rule dv_jsonval_describe(const dv_jsonval *jv, bool with_line,
			    uint64_t line, uint64_t col, char *buf,
			    size_t cap)
{
	const dv_jerr *err = &jv->doc.err;

	if (err->code == DV_JERR_UTF8) {
		snprintf(buf, cap, "invalid UTF-8");
		return DV_R_ENCODING;
	}
	if (with_line)
		snprintf(buf, cap, "invalid JSON at line %llu, column %llu: %s",
			 (unsigned long long)line, (unsigned long long)col,
			 err->reason);
	else
		snprintf(buf, cap, "invalid JSON at column %llu: %s",
			 (unsigned long long)col, err->reason);
	return DV_R_MALFORMED;
}

/* ---- compact text of objects and arrays ---- */

/* Cut buffer b back to len bytes. */
static void buf_cut(dv_buf *b, size_t len)
{
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
}

dcval_status dv_jsonval_dump_string(dv_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	dcval_status st = dv_buf_putc(b, '"');
	size_t i, run = 0;

	for (i = 0; i < len && st == DCVAL_OK; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
		const char *m = c == '"' ? "\\\"" : c == '\\' ? "\\\\" :
				c == '\n' ? "\\n" : c == '\t' ? "\\t" :
				c == '\r' ? "\\r" : c == '\b' ? "\\b" :
				c == '\f' ? "\\f" : NULL;

		if (!m && c >= 0x20)
			continue;
		st = dv_buf_append(b, s + run, i - run);
		if (st == DCVAL_OK)
			st = m ? dv_buf_append(b, m, 2) : dv_buf_append(b, esc, 6);
		run = i + 1;
	}
	if (st == DCVAL_OK)
		st = dv_buf_append(b, s + run, len - run);
	return st == DCVAL_OK ? dv_buf_putc(b, '"') : st;
}

/*
 * Append the compact text of node i (no whitespace between tokens, keys
 * in document order, numbers as written) to b. Recursion is bounded by
 * the parser's depth limit.
 */
static dcval_status dump(const dv_jdoc *d, size_t i, dv_buf *b)
{
	const dv_jnode *n = &d->nodes[i];
	dcval_status st = DCVAL_OK;
	const char *s;
	size_t len, k;

	switch (n->type) {
	case DV_J_STRING:
		s = dv_jdoc_bytes(d, i, &len);
		if (!n->decoded) /* no escapes in the text: none needed */
			return dv_buf_append(b, d->text + n->off - 1, len + 2);
		return dv_jsonval_dump_string(b, s, len);
	case DV_J_ARRAY:
	case DV_J_OBJECT:
		st = dv_buf_putc(b, n->type == DV_J_ARRAY ? '[' : '{');
		for (k = i + 1; k < n->len && st == DCVAL_OK;
		     k = dv_jdoc_next(d, k)) {
			if (k != i + 1)
				st = dv_buf_putc(b, ',');
			if (st == DCVAL_OK && n->type == DV_J_OBJECT) {
				st = dump(d, k++, b);
				if (st == DCVAL_OK)
					st = dv_buf_putc(b, ':');
			}
			if (st == DCVAL_OK)
				st = dump(d, k, b);
		}
		if (st == DCVAL_OK)
			st = dv_buf_putc(b, n->type == DV_J_ARRAY ? ']' : '}');
		return st;
	default: /* numbers and words as written */
		return dv_buf_append(b, d->text + n->off, n->len);
	}
}

/*
 * The compact text of node i becomes the text of column `column`; the
 * pointer is set by dv_jsonval_fixup(). Past the buffer cap the value keeps no
 * text (s NULL, which the engine allows); only an allocation failure is
 * an error.
 */
static dcval_status text_add(dv_jsonval *jv, dv_value *out, long column,
			     size_t i)
{
	size_t start = jv->text.len;
	dcval_status st = dump(&jv->doc, i, &jv->text);

	if (st == DCVAL_OK) {
		jv->text_off[column] = start;
		out->len = jv->text.len - start;
		return DCVAL_OK;
	}
	buf_cut(&jv->text, start);
	return st == DCVAL_ELIMIT ? DCVAL_OK : st;
}

/* ---- declared values ---- */

/* State of one record's walk. */
struct walk {
	dv_jsonval *jv;
	dv_record *rec;
	dv_value *values;
};

/* One declared leaf: the JSON value at node i. */
static dcval_status set_leaf(struct walk *w, long column, size_t i)
{
	const dv_jnode *n = &w->jv->doc.nodes[i];
	dv_value *out = &w->values[column];

	out->field = 0;
	out->s = NULL;
	out->len = 0;
	switch (n->type) {
	case DV_J_NULL:
		out->kind = DV_V_NULL;
		return DCVAL_OK;
	case DV_J_STRING:
		out->kind = w->jv->c->coerce ? DV_V_TEXT : DV_V_JSTRING;
		out->s = dv_jdoc_bytes(&w->jv->doc, i, &out->len);
		return DCVAL_OK;
	case DV_J_TRUE:
	case DV_J_FALSE:
		out->kind = DV_V_JBOOL;
		out->i = n->type == DV_J_TRUE;
		out->s = out->i ? "true" : "false";
		out->len = strlen(out->s);
		return DCVAL_OK;
	case DV_J_NUMBER:
		out->kind = DV_V_JNUM;
		out->s = dv_jdoc_bytes(&w->jv->doc, i, &out->len);
		return DCVAL_OK;
	default:
		out->kind = DV_V_JOTHER;
		return text_add(w->jv, out, column, i);
	}
}

/* Join the keys seg[0..depth) (and `key`, when not NULL) with '.' into
 * jv->path. */
static dcval_status path_build(dv_jsonval *jv, unsigned depth,
			       const char *key, size_t len)
{
	dcval_status st = DCVAL_OK;
	unsigned k;

	dv_buf_reset(&jv->path);
	for (k = 0; k < depth && st == DCVAL_OK; k++) {
		if (k)
			st = dv_buf_putc(&jv->path, '.');
		if (st == DCVAL_OK)
			st = dv_buf_append(&jv->path, jv->seg[k].key,
					   jv->seg[k].len);
	}
	if (key && st == DCVAL_OK) {
		if (depth)
			st = dv_buf_putc(&jv->path, '.');
		if (st == DCVAL_OK)
			st = dv_buf_append(&jv->path, key, len);
	}
	return st;
}

/* Every leaf below trie node `node` gets kind JPARENT with the message
 * at jv->text offset `off`. */
static void set_below(dv_jsonval *jv, dv_value *values,
		      const dv_pathnode *node, size_t off, size_t len,
		      unsigned depth)
{
	size_t i;

	if (depth > DV_JSONVAL_MAX_DEPTH)
		return;
	for (i = 0; i < node->n_children; i++) {
		const dv_pathnode *ch = &node->children[i];

		if (ch->column >= 0) {
			dv_value *out = &values[ch->column];

			out->kind = DV_V_JPARENT;
			out->field = 0;
			out->len = len;
			out->s = "a parent of the key is not an object";
			if (off != SIZE_MAX)
				jv->text_off[ch->column] = off;
		}
		set_below(jv, values, ch, off, len, depth + 1);
	}
}

/*
 * The key path seg[0..depth) leads to a value of JSON type `type`, which
 * is neither an object nor null, where declared paths go on below: each
 * column below gets a `type` violation naming the parent and its kind,
 * never its text (it may hold a sensitive sibling of the declared key).
 */
dcval_status dv_jsonval_parent(dv_jsonval *jv, dv_value *values,
			       const dv_pathnode *node, int type,
			       unsigned depth)
{
	static const char *const kinds[] = {
		[DV_J_FALSE] = "a boolean", [DV_J_TRUE] = "a boolean",
		[DV_J_NUMBER] = "a number", [DV_J_STRING] = "a string",
		[DV_J_ARRAY] = "an array",
	};
	size_t off = jv->text.len, len = 0;
	dcval_status st = path_build(jv, depth, NULL, 0);

	if (st == DCVAL_OK)
		st = dv_buf_printf(&jv->text, "parent '%s' is %s, not an object",
				   jv->path.data ? jv->path.data : "",
				   kinds[type]);
	if (st == DCVAL_OK) {
		len = jv->text.len - off;
		st = dv_buf_putc(&jv->text, '\0');
	}
	if (st != DCVAL_OK) {
		buf_cut(&jv->text, off);
		off = SIZE_MAX; /* the fixed message stays */
	}
	set_below(jv, values, node, off, len, depth);
	return st == DCVAL_ENOMEM ? st : DCVAL_OK;
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

const dv_pathnode *dv_jsonval_child(const dv_pathnode *node, const char *key,
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

dcval_status dv_jsonval_extra(dv_jsonval *jv, dv_record *rec,
			      const char *path, size_t len)
{
	dcval_status st = DCVAL_OK;
	bool added = jv->extra_each;

	if (jv->c->extra_columns == DV_POLICY_IGNORE ||
	    (!jv->extra_each && dv_keyset_count(jv->seen) >= DV_JSONVAL_SEEN_MAX))
		return DCVAL_OK;
	if (!added)
		st = dv_keyset_add(jv->seen, path, len, &added);
	if (st == DCVAL_OK && added)
		st = dv_engine_issue(jv->e, rec, DV_R_EXTRA_COLUMN, 0, path,
				     NULL, 0,
				     "key is not declared in the contract");
	return st;
}

/*
 * Report key path seg[0..depth) + key once per input. Once the set holds
 * DV_JSONVAL_SEEN_MAX paths, new ones are no longer reported.
 */
static dcval_status report_extra(struct walk *w, unsigned depth,
				 const char *key, size_t len)
{
	dv_jsonval *jv = w->jv;
	dcval_status st;

	if (jv->c->extra_columns == DV_POLICY_IGNORE ||
	    (!jv->extra_each && dv_keyset_count(jv->seen) >= DV_JSONVAL_SEEN_MAX))
		return DCVAL_OK;
	st = path_build(jv, depth, key, len);
	if (st == DCVAL_ELIMIT)
		return DCVAL_OK; /* a key path past the cap goes unreported */
	if (st != DCVAL_OK)
		return st;
	return dv_jsonval_extra(jv, w->rec, jv->path.data, jv->path.len);
}

/* ---- the walk ---- */

static dcval_status walk_object(struct walk *w, const dv_pathnode *node,
				size_t obj, unsigned depth);

/* Member key -> node v of an object, where trie node ch declares key. */
static dcval_status walk_member(struct walk *w, const dv_pathnode *ch,
				size_t v, unsigned depth)
{
	const dv_jnode *n = &w->jv->doc.nodes[v];
	dcval_status st = DCVAL_OK;

	if (ch->column >= 0)
		st = set_leaf(w, ch->column, v);
	if (st != DCVAL_OK || !ch->n_children || n->type == DV_J_NULL)
		return st; /* a null parent: the leaves below stay null */
	if (n->type == DV_J_OBJECT)
		return walk_object(w, ch, v, depth + 1);
	return dv_jsonval_parent(w->jv, w->values, ch, n->type, depth + 1);
}

/*
 * Each key of object node obj (at key path seg[0..depth)) in document
 * order: a declared one fills its values, an undeclared one is an extra
 * key.
 */
static dcval_status walk_object(struct walk *w, const dv_pathnode *node,
				size_t obj, unsigned depth)
{
	const dv_jdoc *d = &w->jv->doc;
	size_t k, end = d->nodes[obj].len;
	dcval_status st = DCVAL_OK;

	if (depth > DV_JSONVAL_MAX_DEPTH)
		return DCVAL_OK;
	for (k = obj + 1; k < end && st == DCVAL_OK;
	     k = dv_jdoc_next(d, k + 1)) {
		size_t len;
		const char *key = dv_jdoc_bytes(d, k, &len);
		const dv_pathnode *ch = dv_jsonval_child(node, key, len);

		w->jv->seg[depth].key = key;
		w->jv->seg[depth].len = len;
		if (ch)
			st = walk_member(w, ch, k + 1, depth);
		else
			st = report_extra(w, depth, key, len);
	}
	return st;
}

/* ---- records ---- */

void dv_jsonval_fixup(dv_jsonval *jv, dv_value *values)
{
	size_t i;

	for (i = 0; i < jv->c->n_columns; i++) {
		if (jv->text_off[i] == SIZE_MAX)
			continue;
		values[i].s = jv->text.data + jv->text_off[i];
		jv->text_off[i] = SIZE_MAX;
	}
}

dcval_status dv_jsonval_emit(dv_jsonval *jv, uint64_t line, const char *raw,
			     size_t raw_len)
{
	dv_record rec = { .line = line };
	struct walk w = { jv, &rec, NULL };
	dcval_status st, st2;
	size_t i;

	if (jv->doc.nodes[0].type != DV_J_OBJECT)
		return dv_jsonval_bad(jv, line, DV_R_MALFORMED,
				      "record is not a JSON object", raw,
				      raw_len);
	if (jv->sink)
		return jv->sink->record(jv->sink->ctx, &jv->doc, line);
	rec.raw = jv->want_raw ? raw : NULL;
	rec.raw_len = jv->want_raw ? raw_len : 0;
	w.values = rec.values = dv_engine_begin_record(jv->e);
	/* a key that is not there is null, as is a missing parent */
	for (i = 0; i < jv->c->n_columns; i++)
		rec.values[i].kind = DV_V_NULL;
	dv_buf_reset(&jv->text);
	st = walk_object(&w, &jv->c->paths, 0, 0);
	dv_jsonval_fixup(jv, rec.values);
	if (st != DCVAL_OK && st != DCVAL_STOP)
		return st;
	/* a record stopped by --fail-fast is still counted once */
	st2 = dv_engine_end_record(jv->e, &rec);
	return st == DCVAL_OK ? st2 : st;
}

dcval_status dv_jsonval_bad(dv_jsonval *jv, uint64_t line, dv_rule rule,
			    const char *detail, const char *raw,
			    size_t raw_len)
{
	dv_record rec = { .line = line };
	dcval_status st;
	size_t i;

	if (jv->sink)
		return jv->sink->bad(jv->sink->ctx, line, 0, detail, false);
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

/*
 * The JSON Lines fast path; see jfast.h.
 *
 * One recursive descent over the record: walk_object() follows the path
 * trie through declared objects, skip() validates (and, for a JOTHER
 * value, writes the compact text of) everything else. Any fault returns
 * NULL up the chain and the record goes to the strict path, so the fast
 * path needs no error messages of its own. The walk does what jsonval.c
 * does, in the same order (document order; a declared leaf's text before
 * the walk below it), so jv->text fills up, and passes its cap, the same
 * way; the parent messages, extra-key reports, trie lookup and string
 * dump are jsonval.c's own functions.
 *
 * Duplicate keys make a record invalid (jdoc.h). A key the trie knows is
 * checked against a bitmap of the object's trie children; any other key
 * goes to a hash table of (object number, key bytes) for the record,
 * cleared by bumping a generation (as jdoc.c does). Undeclared key paths
 * are collected and reported only once the whole record is known valid.
 *
 * References: RFC 8259 (JSON); G. Langdale, D. Lemire, "Parsing
 * Gigabytes of JSON per Second", VLDB Journal 28 (2019), for the idea of
 * validating while locating only what is needed (their on-demand
 * follow-up walks the document once instead of building a tape; this is
 * a scalar form of that, see jtok.c for the block string scan).
 */
#include <string.h>

#include "read/jfast.h"
#include "read/jtok.h"
#include "util/alloc.h"
#include "util/jdoc.h"

/* Slots of the key table when first needed (load <= 1/2). */
#define DV_JFAST_KEYS_MIN 64

/* A buffer cap for scratch of one record of at most max bytes. */
static size_t scratch_cap(size_t max)
{
	return max < SIZE_MAX / 4 ? max * 2 + 1 : SIZE_MAX / 2;
}

dcval_status dv_jfast_init(dv_jfast *f, dv_jsonval *jv, size_t max)
{
	size_t n = jv->c->paths.n_children, i;

	memset(f, 0, sizeof(*f));
	f->jv = jv;
	dv_buf_init(&f->str, scratch_cap(max));
	dv_buf_init(&f->extra, scratch_cap(max));
	dv_buf_init(&f->dec, scratch_cap(max));
	f->succ = dv_mallocarray(n + 1, sizeof(*f->succ));
	if (!f->succ)
		return DCVAL_ENOMEM;
	for (i = 0; i <= n; i++)
		f->succ[i] = n;
	return DCVAL_OK;
}

void dv_jfast_release(dv_jfast *f)
{
	dv_buf_release(&f->str);
	dv_buf_release(&f->extra);
	dv_buf_release(&f->dec);
	dv_free(f->keys);
	f->keys = NULL;
	dv_free(f->succ);
	f->succ = NULL;
}

/* ---- duplicate keys ---- */

static uint32_t key_hash(const char *p, size_t n, uint32_t obj)
{
	uint32_t h = 2166136261u ^ obj; /* FNV-1a, seeded by the object */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

static bool keys_grow(dv_jfast *f)
{
	size_t na = f->keys ? (f->keys_mask + 1) * 2 : DV_JFAST_KEYS_MIN;
	struct dv_jfast_key *nk = dv_calloc(na, sizeof(*nk));
	size_t i, j;

	if (!nk)
		return false;
	for (i = 0; f->keys && i <= f->keys_mask; i++) {
		if (f->keys[i].gen != f->gen)
			continue;
		for (j = f->keys[i].hash & (na - 1); nk[j].gen == f->gen;
		     j = (j + 1) & (na - 1))
			;
		nk[j] = f->keys[i];
	}
	dv_free(f->keys);
	f->keys = nk;
	f->keys_mask = na - 1;
	return true;
}

/* Key key[0..len) of object number obj: false when the object had it
 * (or memory ran out: f->st). */
static bool key_unique(dv_jfast *f, uint32_t obj, const char *key, size_t len)
{
	uint32_t h = key_hash(key, len, obj);
	struct dv_jfast_key *k;
	size_t i;

	if ((f->keys_used + 1) * 2 > (f->keys ? f->keys_mask + 1 : 0) &&
	    !keys_grow(f)) {
		f->st = DCVAL_ENOMEM;
		return false;
	}
	for (i = h & f->keys_mask; f->keys[i].gen == f->gen;
	     i = (i + 1) & f->keys_mask) {
		k = &f->keys[i];
		if (k->hash == h && k->obj == obj && k->len == len &&
		    !memcmp(k->key, key, len))
			return false;
	}
	f->keys[i] = (struct dv_jfast_key){ f->gen, obj, h, key, len };
	f->keys_used++;
	return true;
}

/* ---- skipping, with the compact text of a JOTHER value ---- */

/* Append to the JOTHER text; false only when memory ran out (f->st).
 * Past the cap the dump is dropped (dump_full), as jsonval.c drops it. */
static bool put(dv_jfast *f, const char *s, size_t n)
{
	dcval_status st;

	if (f->dump_full)
		return true;
	st = dv_buf_append(&f->jv->text, s, n);
	if (st == DCVAL_ELIMIT)
		f->dump_full = true;
	else if (st != DCVAL_OK)
		f->st = st;
	return st != DCVAL_ENOMEM;
}

/* The string token p..q (quotes included) into the JOTHER text: as
 * written when it has no escape, else decoded and written again the way
 * jsonval.c writes a decoded string. */
static bool put_string(dv_jfast *f, const char *p, const char *q, bool esc)
{
	size_t n = (size_t)(q - p) - 2;
	dcval_status st;

	if (!esc)
		return put(f, p, (size_t)(q - p));
	if (f->dump_full)
		return true;
	dv_buf_reset(&f->dec);
	st = dv_buf_reserve(&f->dec, n);
	if (st == DCVAL_OK) {
		f->dec.len = dv_jtok_unescape(p + 1, n, f->dec.data);
		st = dv_jsonval_dump_string(&f->jv->text, f->dec.data,
					    f->dec.len);
	}
	if (st == DCVAL_ELIMIT)
		f->dump_full = true;
	else if (st != DCVAL_OK)
		f->st = st;
	return st != DCVAL_ENOMEM;
}

static const char *skip(dv_jfast *f, const char *p, unsigned level,
			bool dump);

/* A key of a skipped object at p, its ':' and the whitespace after. */
static const char *skip_key(dv_jfast *f, const char *p, uint32_t obj,
			    bool dump)
{
	const char *end = f->end, *q;
	bool esc;

	if (*p != '"' || !(q = dv_jtok_string(p + 1, end, &esc)) || esc)
		return NULL;
	if (!key_unique(f, obj, p + 1, (size_t)(q - p) - 2))
		return NULL;
	if (dump && !put(f, p, (size_t)(q - p)))
		return NULL;
	q = dv_jtok_ws(q, end);
	if (q == end || *q != ':' || (dump && !put(f, ":", 1)))
		return NULL;
	return dv_jtok_ws(q + 1, end);
}

/* The object or array at p, nesting level `level`. */
static const char *skip_container(dv_jfast *f, const char *p,
				  unsigned level, bool dump)
{
	const char *end = f->end;
	bool obj = *p == '{';
	char close = obj ? '}' : ']';
	uint32_t serial = obj ? ++f->n_obj : 0;

	if (level > DV_JFAST_MAX_DEPTH || (dump && !put(f, p, 1)))
		return NULL;
	p = dv_jtok_ws(p + 1, end);
	if (p < end && *p == close)
		return dump && !put(f, p, 1) ? NULL : p + 1;
	for (;;) {
		if (p == end || (obj && !(p = skip_key(f, p, serial, dump))))
			return NULL;
		if (p == end || !(p = skip(f, p, level + 1, dump)))
			return NULL;
		p = dv_jtok_ws(p, end);
		if (p == end || (*p != ',' && *p != close))
			return NULL;
		if (dump && !put(f, p, 1))
			return NULL;
		if (*p == close)
			return p + 1;
		p = dv_jtok_ws(p + 1, end);
	}
}

/* Any value at p (p < end), nesting level `level` if it is a container;
 * with `dump`, its compact text goes to jv->text. */
static const char *skip(dv_jfast *f, const char *p, unsigned level, bool dump)
{
	const char *q;
	bool esc;
	int type;

	switch (*p) {
	case '"':
		q = dv_jtok_string(p + 1, f->end, &esc);
		if (!q || (dump && !put_string(f, p, q, esc)))
			return NULL;
		return q;
	case '{':
	case '[':
		return skip_container(f, p, level, dump);
	case 't':
	case 'f':
	case 'n':
		q = dv_jtok_word(p, f->end, &type);
		break;
	default:
		q = dv_jtok_number(p, f->end);
		break;
	}
	if (!q || (dump && !put(f, p, (size_t)(q - p))))
		return NULL;
	return q;
}

/* ---- declared values ---- */

/* The dv_jtype of the value starting with byte c (already validated). */
static int type_of(char c)
{
	switch (c) {
	case '"': return DV_J_STRING;
	case '[': return DV_J_ARRAY;
	case '{': return DV_J_OBJECT;
	case 't': return DV_J_TRUE;
	case 'f': return DV_J_FALSE;
	case 'n': return DV_J_NULL;
	default: return DV_J_NUMBER;
	}
}

/* An object or array at a declared leaf: DV_V_JOTHER with its compact
 * text (none past the cap), as jsonval.c's text_add() makes it. */
static const char *leaf_other(dv_jfast *f, dv_value *out, long column,
			      const char *p, unsigned level)
{
	dv_jsonval *jv = f->jv;
	size_t start = jv->text.len;
	const char *q;

	f->dump_full = false;
	q = skip(f, p, level, true);
	if (!q)
		return NULL;
	out->kind = DV_V_JOTHER;
	if (f->dump_full) {
		jv->text.len = start;
		if (jv->text.data)
			jv->text.data[start] = '\0';
	} else {
		jv->text_off[column] = start;
		out->len = jv->text.len - start;
	}
	f->dump_full = false;
	return q;
}

/* The value at p of declared column `column`; `level`: its nesting level
 * if it is an object or array. */
static const char *leaf(dv_jfast *f, long column, const char *p,
			unsigned level)
{
	dv_value *out = &f->values[column];
	const char *q;
	bool esc;
	int type;

	out->field = 0;
	out->s = NULL;
	out->len = 0;
	switch (*p) {
	case '"':
		if (!(q = dv_jtok_string(p + 1, f->end, &esc)))
			return NULL;
		out->kind = f->jv->c->coerce ? DV_V_TEXT : DV_V_JSTRING;
		out->s = p + 1;
		out->len = (size_t)(q - p) - 2;
		if (esc) {
			/* room for the record's length was reserved */
			char *d = f->str.data + f->str.len;

			out->len = dv_jtok_unescape(p + 1, out->len, d);
			out->s = d;
			f->str.len += out->len;
		}
		return q;
	case '{':
	case '[':
		return leaf_other(f, out, column, p, level);
	case 't':
	case 'f':
	case 'n':
		if (!(q = dv_jtok_word(p, f->end, &type)))
			return NULL;
		if (type == DV_J_NULL) {
			out->kind = DV_V_NULL;
			return q;
		}
		out->kind = DV_V_JBOOL;
		out->i = type == DV_J_TRUE;
		out->s = out->i ? "true" : "false";
		out->len = out->i ? 4 : 5;
		return q;
	default:
		if (!(q = dv_jtok_number(p, f->end)))
			return NULL;
		out->kind = DV_V_JNUM;
		out->s = p;
		out->len = (size_t)(q - p);
		return q;
	}
}

/* Undeclared key path seg[0..depth) + key, kept for the report (when
 * the policy reports them). False: the strict path takes the record. */
static bool extra_add(dv_jfast *f, unsigned depth, const char *key,
		      size_t len)
{
	dv_jsonval *jv = f->jv;
	size_t start = f->extra.len, n = len;
	dcval_status st = DCVAL_OK;
	unsigned k;

	if (jv->c->extra_columns == DV_POLICY_IGNORE)
		return true;
	for (k = 0; k < depth; k++)
		n += jv->seg[k].len + 1;
	if (n >= jv->path.cap) /* the strict path would not report it */
		return false;
	for (k = 0; k < depth && st == DCVAL_OK; k++) {
		st = dv_buf_append(&f->extra, jv->seg[k].key, jv->seg[k].len);
		if (st == DCVAL_OK)
			st = dv_buf_putc(&f->extra, '.');
	}
	if (st == DCVAL_OK)
		st = dv_buf_append(&f->extra, key, len);
	if (st == DCVAL_OK)
		st = dv_buf_putc(&f->extra, '\0');
	if (st == DCVAL_ENOMEM)
		f->st = st;
	if (st != DCVAL_OK)
		f->extra.len = start;
	return st == DCVAL_OK;
}

static const char *walk_object(dv_jfast *f, const dv_pathnode *node,
			       const char *p, unsigned depth);

/* The value at p of the member whose key trie node ch declares, in an
 * object at key path seg[0..depth] (jsonval.c's walk_member()). */
static const char *member(dv_jfast *f, const dv_pathnode *ch, const char *p,
			  unsigned depth)
{
	int type = type_of(*p);
	const char *q;

	if (ch->column >= 0) {
		q = leaf(f, ch->column, p, depth + 2);
		if (!q || !ch->n_children || type == DV_J_NULL)
			return q;
		if (type == DV_J_OBJECT) /* its text first, then its keys */
			return walk_object(f, ch, p + 1, depth + 1);
	} else if (type == DV_J_OBJECT) {
		return walk_object(f, ch, p + 1, depth + 1);
	} else if (!(q = skip(f, p, depth + 2, false)) || type == DV_J_NULL) {
		return q;
	}
	if (dv_jsonval_parent(f->jv, f->values, ch, type, depth + 1) !=
	    DCVAL_OK) {
		f->st = DCVAL_ENOMEM;
		return NULL;
	}
	return q;
}

/* The trie child for key[0..len) of node; at the top, the child that
 * followed the previous key last time is tried first (records of one
 * input mostly list their keys in the same order). */
static const dv_pathnode *lookup(dv_jfast *f, const dv_pathnode *node,
				 const char *key, size_t len, size_t *prev,
				 unsigned depth)
{
	const dv_pathnode *ch;
	size_t g;

	if (depth)
		return dv_jsonval_child(node, key, len);
	g = f->succ[*prev];
	if (g < node->n_children) {
		ch = &node->children[g];
		if (ch->key_len == len && !memcmp(ch->key, key, len)) {
			*prev = g;
			return ch;
		}
	}
	ch = dv_jsonval_child(node, key, len);
	if (ch) {
		g = (size_t)(ch - node->children);
		f->succ[*prev] = g;
		*prev = g;
	}
	return ch;
}

/* A key of a walked object at p; *ch its trie child (NULL: undeclared).
 * Returns the first byte of its value. */
static const char *walk_key(dv_jfast *f, const dv_pathnode *node,
			    const char *p, unsigned depth, uint32_t obj,
			    uint64_t *seen, size_t *prev,
			    const dv_pathnode **ch)
{
	const char *end = f->end, *key = p + 1, *q;
	size_t len, bit;
	bool esc;

	if (*p != '"' || !(q = dv_jtok_string(key, end, &esc)) || esc)
		return NULL;
	len = (size_t)(q - key) - 1;
	*ch = lookup(f, node, key, len, prev, depth);
	if (*ch && node->n_children <= 64) {
		bit = (size_t)(*ch - node->children);
		if (*seen & (1ULL << bit))
			return NULL;
		*seen |= 1ULL << bit;
	} else if (!key_unique(f, obj, key, len)) {
		return NULL;
	}
	f->jv->seg[depth].key = key;
	f->jv->seg[depth].len = len;
	q = dv_jtok_ws(q, end);
	if (q == end || *q != ':')
		return NULL;
	q = dv_jtok_ws(q + 1, end);
	return q == end ? NULL : q;
}

/*
 * The object whose members start at p (after '{'), at key path
 * seg[0..depth), trie node `node` (jsonval.c's walk_object()). Returns
 * the byte after its '}'.
 */
static const char *walk_object(dv_jfast *f, const dv_pathnode *node,
			       const char *p, unsigned depth)
{
	const char *end = f->end;
	const dv_pathnode *ch;
	size_t prev = node->n_children;
	uint64_t seen = 0;
	uint32_t obj = ++f->n_obj;

	if (depth + 1 > DV_JFAST_MAX_DEPTH)
		return NULL;
	p = dv_jtok_ws(p, end);
	if (p < end && *p == '}')
		return p + 1;
	while (p < end) {
		p = walk_key(f, node, p, depth, obj, &seen, &prev, &ch);
		if (!p)
			return NULL;
		if (ch)
			p = member(f, ch, p, depth);
		else if (extra_add(f, depth, f->jv->seg[depth].key,
				   f->jv->seg[depth].len))
			p = skip(f, p, depth + 2, false);
		else
			p = NULL;
		if (!p)
			return NULL;
		p = dv_jtok_ws(p, end);
		if (p < end && *p == '}')
			return p + 1;
		if (p == end || *p != ',')
			return NULL;
		p = dv_jtok_ws(p + 1, end);
	}
	return NULL;
}

/* ---- records ---- */

/* Start a record of len bytes: scratch emptied, values null. */
static bool record_begin(dv_jfast *f, dv_value *values, const char *s,
			 size_t len)
{
	dv_jsonval *jv = f->jv;
	size_t i;

	f->st = DCVAL_OK;
	dv_buf_reset(&f->str);
	dv_buf_reset(&f->extra);
	/* no room: the strict path reads it (and meets the shortage itself) */
	if (dv_buf_reserve(&f->str, len) != DCVAL_OK)
		return false;
	f->end = s + len;
	f->n_obj = 0;
	f->keys_used = 0;
	f->dump_full = false;
	if (++f->gen == 0) {
		/* generations wrapped: every slot must read as empty */
		if (f->keys)
			memset(f->keys, 0, (f->keys_mask + 1) * sizeof(*f->keys));
		f->gen = 1;
	}
	f->values = values;
	for (i = 0; i < jv->c->n_columns; i++)
		values[i].kind = DV_V_NULL;
	dv_buf_reset(&jv->text);
	return true;
}

bool dv_jfast_scan(dv_jfast *f, dv_value *values, const char *s, size_t len)
{
	dv_jsonval *jv = f->jv;
	const char *p, *end = s + len;
	size_t i;

	if (!record_begin(f, values, s, len))
		return false;
	p = dv_jtok_ws(s, end);
	if (p < end && *p == '{')
		p = walk_object(f, &jv->c->paths, p + 1, 0);
	else
		p = NULL;
	if (p)
		p = dv_jtok_ws(p, end);
	if (p == end) {
		dv_jsonval_fixup(jv, values);
		return true;
	}
	/* the strict path starts from clean text offsets */
	for (i = 0; i < jv->c->n_columns; i++)
		jv->text_off[i] = SIZE_MAX;
	return false;
}

/* The record is valid: its extra keys, then the engine's checks. */
static dcval_status record_end(dv_jfast *f, uint64_t line, const char *raw,
			       size_t raw_len)
{
	dv_jsonval *jv = f->jv;
	dv_record rec = { .line = line, .values = f->values };
	dcval_status st = DCVAL_OK, st2;
	size_t off, n;

	rec.raw = jv->want_raw ? raw : NULL;
	rec.raw_len = jv->want_raw ? raw_len : 0;
	for (off = 0; off < f->extra.len && st == DCVAL_OK; off += n + 1) {
		n = strlen(f->extra.data + off);
		st = dv_jsonval_extra(jv, &rec, f->extra.data + off, n);
	}
	if (st != DCVAL_OK && st != DCVAL_STOP)
		return st;
	/* a record stopped by --fail-fast is still counted once */
	st2 = dv_engine_end_record(jv->e, &rec);
	return st == DCVAL_OK ? st2 : st;
}

dcval_status dv_jfast_record(dv_jfast *f, uint64_t line, const char *s,
			     size_t len, const char *raw, size_t raw_len,
			     bool *done)
{
	*done = dv_jfast_scan(f, dv_engine_begin_record(f->jv->e), s, len);
	return *done ? record_end(f, line, raw, raw_len) : f->st;
}

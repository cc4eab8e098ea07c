/*
 * libyaml parser events -> dv_ynode tree; see ytree.h.
 *
 * This is the libyaml boundary: libyaml's 1-for-success returns become
 * dcval_status, its 0-based marks become 1-based lines and columns, and
 * every scalar is copied into the arena before yaml_event_delete().
 * Open sequences and mappings sit on a fixed stack of DV_YTREE_MAX_DEPTH
 * frames; their children are chained in the arena while they are open and
 * packed into an array when they close.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "contract/ytree.h"
#include "util/error.h"

/* Mappings with more keys than this are checked for duplicates by sorting
 * when they close; smaller ones by a scan as each key arrives, so that the
 * first repeat in file order is the one reported. */
#define DV_YTREE_SCAN_KEYS 64

/* Longest excerpt of a key shown in a message. */
#define DV_YTREE_SHOW 40

struct ycell {
	dv_ynode *node;
	struct ycell *next;
};

/* An open sequence or mapping. */
struct yframe {
	dv_ynode *node;
	struct ycell *head;  /* children in file order; a mapping alternates key, value */
	struct ycell **tail;
	size_t n;            /* children so far */
};

struct yctx {
	dv_arena *arena;
	const char *name;
	const char *buf;
	size_t len;
	dcval_error *err;
	struct yframe stack[DV_YTREE_MAX_DEPTH];
	size_t depth;
	dv_ynode *root;
	unsigned docs;       /* documents started */
	size_t cur_char;     /* ybyte_at(): a character index ... */
	size_t cur_byte;     /* ... and its byte offset in buf */
};

static dcval_status ynomem(struct yctx *y)
{
	return dv_error_set(y->err, DCVAL_ENOMEM, y->name, 0, 0, "out of memory");
}

/* Copy s[0..len) for a message: at most DV_YTREE_SHOW bytes, control
 * bytes and quotes shown as '?'. */
static const char *yshow(char *out, size_t size, const char *s, size_t len)
{
	size_t i, n = len < size - 4 ? len : size - 4;

	if (n > DV_YTREE_SHOW)
		n = DV_YTREE_SHOW;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		out[i] = (ch < 0x20 || ch == 0x7f) ? '?' : (char)ch;
	}
	if (n < len) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}

/* 1-based line and column (in characters) of byte offset `off`. */
static void yposition(const struct yctx *y, size_t off, unsigned long *line,
		      unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	if (off > y->len)
		off = y->len;
	for (i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)y->buf[i];

		if (ch == '\n') {
			(*line)++;
			*col = 1;
		} else if ((ch & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Turn a libyaml failure into an error record. */
static dcval_status yparse_error(struct yctx *y, const yaml_parser_t *p)
{
	unsigned long line, col;
	const char *problem = p->problem ? p->problem : "invalid yaml";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return ynomem(y);
	case YAML_READER_ERROR:
		yposition(y, p->problem_offset, &line, &col);
		return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, line, col,
				    "%s", problem);
	default:
		break;
	}
	line = p->problem_mark.line + 1;
	col = p->problem_mark.column + 1;
	if (p->context)
		return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, line, col,
				    "%s %s", problem, p->context);
	return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, line, col, "%s",
			    problem);
}

static dcval_status yfail_at(struct yctx *y, const yaml_mark_t *m,
			     const char *what, const char *sigil,
			     const yaml_char_t *anchor)
{
	char show[DV_YTREE_SHOW + 8];
	const char *a = (const char *)anchor;

	return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, m->line + 1,
			    m->column + 1,
			    "%s '%s%s' is not supported in contracts", what,
			    sigil, yshow(show, sizeof(show), a, strlen(a)));
}

static dv_ynode *ynode_new(struct yctx *y, dv_ynode_kind kind,
			   const yaml_mark_t *m)
{
	dv_ynode *n = dv_arena_alloc(y->arena, sizeof(*n));

	if (!n)
		return NULL;
	n->kind = kind;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

static bool ykey_eq(const dv_ynode *a, const dv_ynode *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static dcval_status ydup_error(struct yctx *y, const dv_ynode *first,
			       const dv_ynode *repeat)
{
	char show[DV_YTREE_SHOW + 8];

	return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, repeat->line,
			    repeat->col, "duplicate key '%s' (first at line %lu)",
			    yshow(show, sizeof(show), repeat->text, repeat->len),
			    first->line);
}

/* A new key of a small mapping: compare with the keys before it. */
static dcval_status ycheck_key_scan(struct yctx *y, const struct yframe *f,
				    const dv_ynode *key)
{
	const struct ycell *c;
	size_t i = 0;

	for (c = f->head; c; c = c->next, i++) {
		if (i % 2 == 0 && ykey_eq(c->node, key))
			return ydup_error(y, c->node, key);
	}
	return DCVAL_OK;
}

/* Order pairs by key bytes, then by position in the file. */
static int ypair_cmp(const void *pa, const void *pb)
{
	const dv_ynode *a = ((const dv_ypair *)pa)->key;
	const dv_ynode *b = ((const dv_ypair *)pb)->key;
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(a->text, b->text, n);

	if (r)
		return r;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

static bool ypos_before(const dv_ynode *a, const dv_ynode *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

/* Duplicate keys of a large mapping: sort a copy, report the repeat that
 * comes first in the file. */
static dcval_status ycheck_keys_sorted(struct yctx *y, const dv_ynode *m)
{
	dv_ypair *s = dv_arena_array(y->arena, m->n, sizeof(*s));
	const dv_ynode *first = NULL, *repeat = NULL;
	size_t i, group = 0;

	if (!s)
		return ynomem(y);
	memcpy(s, m->pairs, m->n * sizeof(*s));
	qsort(s, m->n, sizeof(*s), ypair_cmp);
	for (i = 1; i < m->n; i++) {
		if (!ykey_eq(s[i - 1].key, s[i].key)) {
			group = i;
			continue;
		}
		if (!repeat || ypos_before(s[i].key, repeat)) {
			first = s[group].key;
			repeat = s[i].key;
		}
	}
	if (repeat)
		return ydup_error(y, first, repeat);
	return DCVAL_OK;
}

/* Pack the children of a closing frame into its node. */
static dcval_status yframe_close(struct yctx *y, struct yframe *f)
{
	dv_ynode *n = f->node;
	struct ycell *c = f->head;
	size_t i;

	if (n->kind == DV_Y_SEQ) {
		n->n = f->n;
		n->items = dv_arena_array(y->arena, f->n, sizeof(*n->items));
		if (!n->items)
			return ynomem(y);
		for (i = 0; c; c = c->next, i++)
			n->items[i] = c->node;
		return DCVAL_OK;
	}
	n->n = f->n / 2;
	n->pairs = dv_arena_array(y->arena, n->n, sizeof(*n->pairs));
	if (!n->pairs)
		return ynomem(y);
	for (i = 0; c; c = c->next->next, i++) {
		n->pairs[i].key = c->node;
		n->pairs[i].value = c->next->node;
	}
	if (n->n > DV_YTREE_SCAN_KEYS)
		return ycheck_keys_sorted(y, n);
	return DCVAL_OK;
}

/* Whether the next child of the innermost frame is a mapping key. */
static bool yat_key(const struct yctx *y)
{
	const struct yframe *f;

	if (y->depth == 0)
		return false;
	f = &y->stack[y->depth - 1];
	return f->node->kind == DV_Y_MAP && f->n % 2 == 0;
}

/* Attach a finished node to the innermost open container, or make it the
 * root. */
static dcval_status yattach(struct yctx *y, dv_ynode *n)
{
	struct yframe *f;
	struct ycell *c;

	if (y->depth == 0) {
		y->root = n;
		return DCVAL_OK;
	}
	f = &y->stack[y->depth - 1];
	if (yat_key(y) && f->n / 2 < DV_YTREE_SCAN_KEYS &&
	    ycheck_key_scan(y, f, n) != DCVAL_OK)
		return DCVAL_ECONTRACT;
	c = dv_arena_alloc(y->arena, sizeof(*c));
	if (!c)
		return ynomem(y);
	c->node = n;
	*f->tail = c;
	f->tail = &c->next;
	f->n++;
	return DCVAL_OK;
}

/* The core tags, by the type they give a scalar; libyaml hands tags
 * over with the `!!` handle expanded. */
#define DV_YTAG_PREFIX "tag:yaml.org,2002:"
#define DV_YTAG_UNSUPPORTED \
	"is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)"

static const struct {
	const char *name;
	dv_yscalar type;
} ycore_tags[] = {
	{ "str", DV_YS_STR },
	{ "null", DV_YS_NULL },
	{ "bool", DV_YS_BOOL },
	{ "int", DV_YS_INT },
	{ "float", DV_YS_FLOAT },
};

/* A tag as the user would write it: "!!binary" for a yaml.org tag. */
static const char *ytag_show(char *out, size_t size, const char *tag)
{
	size_t plen = strlen(DV_YTAG_PREFIX);
	char show[DV_YTREE_SHOW + 8];

	if (strncmp(tag, DV_YTAG_PREFIX, plen) == 0)
		snprintf(out, size, "!!%s",
			 yshow(show, sizeof(show), tag + plen,
			       strlen(tag + plen)));
	else
		snprintf(out, size, "%s",
			 yshow(show, sizeof(show), tag, strlen(tag)));
	return out;
}

static dcval_status ytag_error(struct yctx *y, const yaml_mark_t *m,
			       const char *tag, const char *why)
{
	char show[DV_YTREE_SHOW + 16];

	return dv_error_set(y->err, DCVAL_ECONTRACT, y->name, m->line + 1,
			    m->column + 1, "tag '%s' %s",
			    ytag_show(show, sizeof(show), tag), why);
}

/* Whether tag is one of the seven core tags. */
static bool ytag_is_core(const char *tag)
{
	size_t i, plen = strlen(DV_YTAG_PREFIX);

	if (strncmp(tag, DV_YTAG_PREFIX, plen) != 0)
		return false;
	for (i = 0; i < sizeof(ycore_tags) / sizeof(ycore_tags[0]); i++) {
		if (strcmp(tag + plen, ycore_tags[i].name) == 0)
			return true;
	}
	return strcmp(tag + plen, "seq") == 0 || strcmp(tag + plen, "map") == 0;
}

/* The core-schema type of a scalar event, or an error for a tag that is
 * not a core one or does not fit the text. */
static dcval_status yscalar_type(struct yctx *y, const yaml_event_t *ev,
				 dv_ynode *n)
{
	const char *tag = (const char *)ev->data.scalar.tag;
	size_t i, plen = strlen(DV_YTAG_PREFIX);

	n->tagged = tag != NULL && strcmp(tag, "!") != 0;
	if (!n->tagged) {
		/* untagged, or `!` (non-specific: a string) */
		n->type = n->quoted || tag ? DV_YS_STR :
					     dv_ycore_plain(n->text, n->len);
		return DCVAL_OK;
	}
	if (!ytag_is_core(tag))
		return ytag_error(y, &ev->start_mark, tag, DV_YTAG_UNSUPPORTED);
	for (i = 0; i < sizeof(ycore_tags) / sizeof(ycore_tags[0]); i++) {
		if (strcmp(tag + plen, ycore_tags[i].name) != 0)
			continue;
		n->type = ycore_tags[i].type;
		if (!dv_ycore_fits(n->type, n->text, n->len))
			return ytag_error(y, &ev->start_mark, tag,
					  "does not fit the value");
		return DCVAL_OK;
	}
	return ytag_error(y, &ev->start_mark, tag, "does not fit a scalar");
}

/*
 * The byte at character index `index` of the buffer (libyaml's marks
 * count characters, not bytes). Scalars come in file order, so the
 * cursor only moves forward: linear in the file over a whole parse.
 */
static const char *ybyte_at(struct yctx *y, size_t index)
{
	if (index < y->cur_char)
		y->cur_char = y->cur_byte = 0;
	while (y->cur_char < index && y->cur_byte < y->len) {
		y->cur_byte++;
		while (y->cur_byte < y->len &&
		       ((unsigned char)y->buf[y->cur_byte] & 0xc0) == 0x80)
			y->cur_byte++;
		y->cur_char++;
	}
	return y->buf + y->cur_byte;
}

static dcval_status yon_scalar(struct yctx *y, const yaml_event_t *ev)
{
	dv_ynode *n;
	char *text;

	if (ev->data.scalar.anchor)
		return yfail_at(y, &ev->start_mark, "anchor", "&",
				ev->data.scalar.anchor);
	n = ynode_new(y, DV_Y_SCALAR, &ev->start_mark);
	if (!n)
		return ynomem(y);
	text = dv_arena_strndup(y->arena, (const char *)ev->data.scalar.value,
				ev->data.scalar.length);
	if (!text)
		return ynomem(y);
	n->text = text;
	n->len = ev->data.scalar.length;
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	n->src = ybyte_at(y, ev->start_mark.index);
	n->src_len = (size_t)(ybyte_at(y, ev->end_mark.index) - n->src);
	if (yscalar_type(y, ev, n) != DCVAL_OK)
		return DCVAL_ECONTRACT;
	return yattach(y, n);
}

/* A sequence or mapping may carry no tag, `!`, or its own core tag. */
static dcval_status ycollection_tag(struct yctx *y, const yaml_mark_t *m,
				    const yaml_char_t *utag,
				    dv_ynode_kind kind)
{
	const char *tag = (const char *)utag;
	const char *own = kind == DV_Y_SEQ ? DV_YTAG_PREFIX "seq" :
					     DV_YTAG_PREFIX "map";

	if (!tag || strcmp(tag, "!") == 0 || strcmp(tag, own) == 0)
		return DCVAL_OK;
	if (ytag_is_core(tag))
		return ytag_error(y, m, tag, kind == DV_Y_SEQ ?
				  "does not fit a sequence" :
				  "does not fit a mapping");
	return ytag_error(y, m, tag, DV_YTAG_UNSUPPORTED);
}

static dcval_status yon_start(struct yctx *y, const yaml_event_t *ev,
			      dv_ynode_kind kind)
{
	const yaml_char_t *anchor = kind == DV_Y_SEQ ?
		ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
	const yaml_mark_t *m = &ev->start_mark;
	struct yframe *f;

	if (anchor)
		return yfail_at(y, m, "anchor", "&", anchor);
	if (ycollection_tag(y, m, kind == DV_Y_SEQ ?
				ev->data.sequence_start.tag :
				ev->data.mapping_start.tag, kind) != DCVAL_OK)
		return DCVAL_ECONTRACT;
	if (yat_key(y))
		return dv_error_set(y->err, DCVAL_ECONTRACT, y->name,
				    m->line + 1, m->column + 1,
				    "mapping keys must be scalars");
	if (y->depth == DV_YTREE_MAX_DEPTH)
		return dv_error_set(y->err, DCVAL_ECONTRACT, y->name,
				    m->line + 1, m->column + 1,
				    "nesting is deeper than %d levels",
				    DV_YTREE_MAX_DEPTH);
	f = &y->stack[y->depth];
	f->node = ynode_new(y, kind, m);
	if (!f->node)
		return ynomem(y);
	f->head = NULL;
	f->tail = &f->head;
	f->n = 0;
	y->depth++;
	return DCVAL_OK;
}

static dcval_status yon_end(struct yctx *y)
{
	struct yframe *f = &y->stack[y->depth - 1];
	dcval_status st = yframe_close(y, f);

	if (st != DCVAL_OK)
		return st;
	y->depth--;
	return yattach(y, f->node);
}

/* Handle one event; *done is set at the end of the stream. */
static dcval_status yon_event(struct yctx *y, const yaml_event_t *ev,
			      bool *done)
{
	const yaml_mark_t *m = &ev->start_mark;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (y->docs++ > 0)
			return dv_error_set(y->err, DCVAL_ECONTRACT, y->name,
					    m->line + 1, m->column + 1,
					    "a contract holds one yaml document only");
		return DCVAL_OK;
	case YAML_ALIAS_EVENT:
		return yfail_at(y, m, "alias", "*", ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		return yon_scalar(y, ev);
	case YAML_SEQUENCE_START_EVENT:
		return yon_start(y, ev, DV_Y_SEQ);
	case YAML_MAPPING_START_EVENT:
		return yon_start(y, ev, DV_Y_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return yon_end(y);
	case YAML_STREAM_END_EVENT:
		*done = true;
		return DCVAL_OK;
	default:
		return DCVAL_OK;
	}
}

static bool yis_empty(const dv_ynode *root)
{
	return !root || (root->kind == DV_Y_SCALAR && !root->quoted &&
			 !root->tagged && root->len == 0);
}

dv_ynode *dv_ytree_parse(dv_arena *arena, const char *name, const char *buf,
			 size_t len, dcval_error *err)
{
	struct yctx y = { .arena = arena, .name = name, .buf = buf,
			  .len = len, .err = err };
	yaml_parser_t parser;
	yaml_event_t ev;
	dcval_status st = DCVAL_OK;
	bool done = false;

	if (!yaml_parser_initialize(&parser)) {
		ynomem(&y);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done && st == DCVAL_OK) {
		if (!yaml_parser_parse(&parser, &ev)) {
			st = yparse_error(&y, &parser);
			break;
		}
		st = yon_event(&y, &ev, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (st != DCVAL_OK)
		return NULL;
	if (yis_empty(y.root)) {
		dv_error_set(err, DCVAL_ECONTRACT, name, 1, 1,
			     "contract is empty");
		return NULL;
	}
	return y.root;
}

dv_ynode *dv_ytree_get(const dv_ynode *m, const char *key)
{
	size_t i, klen = strlen(key);

	if (!m || m->kind != DV_Y_MAP)
		return NULL;
	for (i = 0; i < m->n; i++) {
		const dv_ynode *k = m->pairs[i].key;

		if (k->len == klen && memcmp(k->text, key, klen) == 0)
			return m->pairs[i].value;
	}
	return NULL;
}

bool dv_ynode_is_null(const dv_ynode *n)
{
	return dv_ynode_is(n, DV_YS_NULL);
}

bool dv_ynode_is(const dv_ynode *n, dv_yscalar t)
{
	return n && n->kind == DV_Y_SCALAR && n->type == t;
}

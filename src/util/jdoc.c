/*
 * Strict JSON parser; see jdoc.h.
 *
 * One loop over the text with an explicit stack of open containers (no
 * recursion), in three states: a value is expected, a key is expected, a
 * value just ended. Where a fault is found at a byte >= 0x80 that does not
 * start valid UTF-8, the fault is invalid UTF-8: jansson validates every
 * character it reads, so this gives the same verdict and the same kind
 * of fault (rule `encoding` rather than `malformed`) for the same text.
 * For the same reason a word (`true`, `nul`, `x`) is read up to the
 * first byte that is not an ASCII letter, and a scalar is read whole
 * before its depth is checked. References: RFC 8259, and jansson's
 * src/load.c for the order in which it reads and fails.
 */
#include <string.h>

#include "util/jdoc.h"
#include "util/utf8.h"
#include "util/alloc.h"

/* The UTF-8 character at p (before end): its length, 0 when invalid. */
static size_t utf8_at(const unsigned char *p, const unsigned char *end)
{
	return dv_utf8_char_len((const char *)p, (size_t)(end - p));
}

/* Most keys before the key table grows: load <= 1/2. */
#define DV_JDOC_KEYS_MIN 64

void dv_jdoc_init(dv_jdoc *d, size_t cap)
{
	memset(d, 0, sizeof(*d));
	dv_buf_init(&d->str, cap);
}

void dv_jdoc_release(dv_jdoc *d)
{
	dv_free(d->nodes);
	dv_free(d->stack);
	dv_free(d->keys);
	dv_buf_release(&d->str);
	memset(d, 0, sizeof(*d));
}

const char *dv_jdoc_bytes(const dv_jdoc *d, size_t i, size_t *len)
{
	const dv_jnode *n = &d->nodes[i];

	*len = n->len;
	if (n->decoded)
		return d->str.data + n->off;
	return d->text + n->off;
}

/* ---- the parse state ---- */

enum jp_want { JP_VALUE, JP_KEY, JP_AFTER };

struct jp {
	dv_jdoc *d;
	const unsigned char *s;   /* the text */
	const unsigned char *end;
	dcval_status st;          /* ENOMEM / ELIMIT while parsing */
	const unsigned char *lone; /* the string's first lone surrogate escape */
};

/* Record a fault at p (the first one wins); returns NULL. */
static const unsigned char *jp_fail(struct jp *jp, const unsigned char *p,
				    dv_jerr_code code, const char *reason)
{
	if (jp->d->err.code == DV_JERR_NONE) {
		jp->d->err.code = code;
		jp->d->err.pos = (size_t)(p - jp->s);
		jp->d->err.reason = reason;
	}
	return NULL;
}

/* A fault at an unexpected byte (or the end): invalid UTF-8 when that is
 * what the byte starts, else the syntax error `reason`. */
static const unsigned char *jp_bad(struct jp *jp, const unsigned char *p,
				   const char *reason)
{
	if (p == jp->end)
		return jp_fail(jp, p, DV_JERR_SYNTAX, "unexpected end of input");
	if (*p >= 0x80 && !utf8_at(p, jp->end))
		return jp_fail(jp, p, DV_JERR_UTF8, "invalid UTF-8");
	return jp_fail(jp, p, DV_JERR_SYNTAX, reason);
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether the bytes at p start invalid UTF-8 (p may be the end). */
static bool bad_utf8_at(const struct jp *jp, const unsigned char *p)
{
	return p < jp->end && *p >= 0x80 && !utf8_at(p, jp->end);
}

static int hex_val(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Where jansson's number lexer stops reading at p (its last byte read). */
static const unsigned char *number_stop(const struct jp *jp,
					const unsigned char *p)
{
	const unsigned char *end = jp->end;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (p < end && is_digit(*p))
		while (p < end && is_digit(*p))
			p++;
	else
		return p;
	if (p < end && *p == '.') {
		if (++p == end || !is_digit(*p))
			return p;
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			p++;
		while (p < end && is_digit(*p))
			p++;
	}
	return p;
}

/* Whether jansson, reading the string token at p, meets invalid UTF-8
 * before the token ends (or fails otherwise). */
static bool string_has_bad_utf8(const struct jp *jp, const unsigned char *p)
{
	const unsigned char *end = jp->end;
	int i;

	for (p++; p < end && *p != '"' && *p >= 0x20;) {
		if (*p >= 0x80) {
			size_t n = utf8_at(p, end);

			if (!n)
				return true;
			p += n;
		} else if (*p != '\\') {
			p++;
		} else if (++p < end && *p == 'u') {
			for (i = 1; i <= 4 && p + i < end && hex_val(p[i]) >= 0; i++)
				;
			if (i <= 4)
				return bad_utf8_at(jp, p + i);
			p += 5;
		} else if (p < end && strchr("\"\\/bfnrt", *p) && *p) {
			p++;
		} else {
			return bad_utf8_at(jp, p);
		}
	}
	return false;
}

/*
 * Whether the token starting at p, read as jansson reads it (a whole
 * string, a number or word and the byte after it), meets invalid UTF-8:
 * jansson reads the whole token before it finds the token unexpected.
 */
static bool token_has_bad_utf8(const struct jp *jp, const unsigned char *p)
{
	if (p == jp->end)
		return false;
	if (*p == '"')
		return string_has_bad_utf8(jp, p);
	if (*p == '-' || is_digit(*p))
		return bad_utf8_at(jp, number_stop(jp, p));
	if (is_alpha(*p)) {
		while (p < jp->end && is_alpha(*p))
			p++;
	}
	return bad_utf8_at(jp, p);
}

/* An unexpected token at p: a fault of its own UTF-8 first (see
 * token_has_bad_utf8), else the syntax error `reason`. */
static const unsigned char *jp_bad_token(struct jp *jp,
					 const unsigned char *p,
					 const char *reason)
{
	const unsigned char *q = p;

	if (!token_has_bad_utf8(jp, p))
		return jp_bad(jp, p, reason);
	/* report the byte where the bad UTF-8 is */
	while (!bad_utf8_at(jp, q))
		q++;
	return jp_fail(jp, q, DV_JERR_UTF8, "invalid UTF-8");
}

static const unsigned char *skip_ws(const unsigned char *p,
				    const unsigned char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

/* Append a node; its index, or SIZE_MAX when out of memory. */
static size_t jp_node(struct jp *jp, dv_jtype type, size_t off, size_t len)
{
	dv_jdoc *d = jp->d;
	dv_jnode *n;

	if (d->n == d->alloc) {
		size_t na = d->alloc ? d->alloc * 2 : 256;
		dv_jnode *nn = dv_reallocarray(d->nodes, na, sizeof(*nn));

		if (!nn) {
			jp->st = DCVAL_ENOMEM;
			return SIZE_MAX;
		}
		d->nodes = nn;
		d->alloc = na;
	}
	n = &d->nodes[d->n];
	n->off = off;
	n->len = len;
	n->type = (uint8_t)type;
	n->decoded = 0;
	return d->n++;
}

/* ---- strings ---- */

/*
 * Four hex digits at p; -1 when not, with *bad at the first byte that is
 * not one (the end of the text when it comes first).
 */
static long hex4(const unsigned char *p, const unsigned char *end,
		 const unsigned char **bad)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		h = p + i < end ? hex_val(p[i]) : -1;
		if (h < 0) {
			*bad = p + i;
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

/*
 * The escape at p ('\\'); appends what it stands for. Returns the byte
 * after it, NULL on a fault. A lone surrogate is a fault of the string
 * only once the string is read to its end without another fault
 * (jp->lone): jansson checks escapes' syntax and the UTF-8 of the whole
 * string first, and decodes surrogates after that.
 */
static const unsigned char *jp_escape(struct jp *jp, const unsigned char *p)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = p + 1 < jp->end && p[1] ? strchr(from, p[1]) : NULL;
	const unsigned char *bad = NULL;
	long cp, lo;
	char u[4];

	if (k) {
		jp->st = dv_buf_putc(&jp->d->str, to[k - from]);
		return p + 2;
	}
	if (p + 1 == jp->end || p[1] != 'u')
		return jp_bad(jp, p + 1, "invalid escape in a string");
	if ((cp = hex4(p + 2, jp->end, &bad)) < 0)
		return jp_bad(jp, bad, "invalid escape in a string");
	p += 6;
	if (cp >= 0xD800 && cp <= 0xDBFF && jp->end - p >= 6 && p[0] == '\\' &&
	    p[1] == 'u' && (lo = hex4(p + 2, jp->end, &bad)) >= 0xDC00 &&
	    lo <= 0xDFFF) {
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		p += 6;
	} else if (cp >= 0xD800 && cp <= 0xDFFF) {
		if (!jp->lone)
			jp->lone = p - 6;
		return p;
	}
	jp->st = dv_buf_append(&jp->d->str, u,
			       dv_utf8_encode(u, (unsigned long)cp));
	return p;
}

/*
 * The rest of a string with escapes, from p; [start, p) is already known
 * plain. Decodes into the doc's buffer; returns the byte after the
 * closing quote, NULL on a fault.
 */
static const unsigned char *jp_string_slow(struct jp *jp, size_t node,
					   const unsigned char *start,
					   const unsigned char *p)
{
	dv_jdoc *d = jp->d;
	size_t off = d->str.len, n;

	jp->lone = NULL;
	jp->st = dv_buf_append(&d->str, start, (size_t)(p - start));
	while (jp->st == DCVAL_OK) {
		const unsigned char *run = p;

		while (p < jp->end && *p != '"' && *p != '\\' && *p >= 0x20) {
			if (*p < 0x80) {
				p++;
				continue;
			}
			if (!(n = utf8_at(p, jp->end)))
				return jp_fail(jp, p, DV_JERR_UTF8, "invalid UTF-8");
			p += n;
		}
		jp->st = dv_buf_append(&d->str, run, (size_t)(p - run));
		if (jp->st != DCVAL_OK)
			return NULL;
		if (p == jp->end)
			return jp_fail(jp, p, DV_JERR_SYNTAX, "unterminated string");
		if (*p == '"')
			break;
		if (*p < 0x20)
			return jp_fail(jp, p, DV_JERR_SYNTAX,
				       "control character in a string");
		if (!(p = jp_escape(jp, p)))
			return NULL;
	}
	if (jp->st != DCVAL_OK)
		return NULL;
	if (jp->lone)
		return jp_fail(jp, jp->lone, DV_JERR_SYNTAX,
			       "lone surrogate in a \\u escape");
	d->nodes[node].off = off;
	d->nodes[node].len = d->str.len - off;
	d->nodes[node].decoded = 1;
	return p + 1;
}

/* A string at p (the opening quote) as a new node; returns the byte
 * after it, NULL on a fault (*node: its index). */
static const unsigned char *jp_string(struct jp *jp, const unsigned char *p,
				      size_t *node)
{
	const unsigned char *start = ++p;
	size_t n;

	*node = jp_node(jp, DV_J_STRING, (size_t)(start - jp->s), 0);
	if (*node == SIZE_MAX)
		return NULL;
	for (;;) {
		while (p < jp->end && *p != '"' && *p != '\\' && *p >= 0x20 &&
		       *p < 0x80)
			p++;
		if (p == jp->end)
			return jp_fail(jp, p, DV_JERR_SYNTAX, "unterminated string");
		if (*p == '"')
			break;
		if (*p == '\\')
			return jp_string_slow(jp, *node, start, p);
		if (*p < 0x20)
			return jp_fail(jp, p, DV_JERR_SYNTAX,
				       "control character in a string");
		if (!(n = utf8_at(p, jp->end)))
			return jp_fail(jp, p, DV_JERR_UTF8, "invalid UTF-8");
		p += n;
	}
	jp->d->nodes[*node].len = (size_t)(p - start);
	return p + 1;
}

/* ---- numbers and words ---- */

/* Digits from p; a fault when there is none. */
static const unsigned char *jp_digits(struct jp *jp, const unsigned char *p)
{
	if (p == jp->end || !is_digit(*p))
		return jp_bad(jp, p, "invalid number");
	while (p < jp->end && is_digit(*p))
		p++;
	return p;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at p, kept as text. */
static const unsigned char *jp_number(struct jp *jp, const unsigned char *p)
{
	const unsigned char *start = p;

	if (*p == '-')
		p++;
	if (p < jp->end && *p == '0') {
		/* a leading zero ends the token where jansson stops reading */
		if (++p < jp->end && is_digit(*p))
			return jp_fail(jp, p, DV_JERR_SYNTAX,
				       "leading zero in a number");
	} else if (!(p = jp_digits(jp, p))) {
		return NULL;
	}
	if (p < jp->end && *p == '.' && !(p = jp_digits(jp, p + 1)))
		return NULL;
	if (p < jp->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < jp->end && (*p == '+' || *p == '-'))
			p++;
		if (!(p = jp_digits(jp, p)))
			return NULL;
	}
	if (jp_node(jp, DV_J_NUMBER, (size_t)(start - jp->s),
		    (size_t)(p - start)) == SIZE_MAX)
		return NULL;
	return p;
}

/* A word at p (an ASCII letter): true, false or null. */
static const unsigned char *jp_word(struct jp *jp, const unsigned char *p)
{
	static const struct {
		const char *w;
		dv_jtype type;
	} words[] = { { "true", DV_J_TRUE },
		      { "false", DV_J_FALSE },
		      { "null", DV_J_NULL } };
	const unsigned char *q = p;
	size_t i, n;

	while (q < jp->end && is_alpha(*q))
		q++;
	if (q < jp->end && *q >= 0x80 && !utf8_at(q, jp->end))
		return jp_fail(jp, q, DV_JERR_UTF8, "invalid UTF-8");
	n = (size_t)(q - p);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i].w) != n || memcmp(p, words[i].w, n))
			continue;
		if (jp_node(jp, words[i].type, (size_t)(p - jp->s), n) == SIZE_MAX)
			return NULL;
		return q;
	}
	return jp_fail(jp, p, DV_JERR_SYNTAX, "invalid literal");
}

/* ---- duplicate keys ---- */

static uint32_t key_hash(const unsigned char *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static bool key_grow(dv_jdoc *d)
{
	size_t na = d->keys ? (d->keys_mask + 1) * 2 : DV_JDOC_KEYS_MIN * 2;
	struct dv_jkeyslot *nk = dv_calloc(na, sizeof(*nk)), *o;
	size_t i, j;

	if (!nk)
		return false;
	for (i = 0; d->keys && i <= d->keys_mask; i++) {
		o = &d->keys[i];
		if (o->gen != d->gen)
			continue;
		for (j = (o->hash ^ o->obj) & (na - 1); nk[j].gen == d->gen;
		     j = (j + 1) & (na - 1))
			;
		nk[j] = *o;
	}
	dv_free(d->keys);
	d->keys = nk;
	d->keys_mask = na - 1;
	return true;
}

/*
 * Key node `key` of object node `obj`: a fault when the object had it
 * already (jansson checks as each key is read, before its value).
 */
static bool jp_key_unique(struct jp *jp, size_t obj, size_t key,
			  const unsigned char *at)
{
	dv_jdoc *d = jp->d;
	size_t len, olen, i;
	const char *k = dv_jdoc_bytes(d, key, &len), *o;
	uint32_t h = key_hash((const unsigned char *)k, len);

	if ((d->keys_used + 1) * 2 > (d->keys ? d->keys_mask + 1 : 0) &&
	    !key_grow(d)) {
		jp->st = DCVAL_ENOMEM;
		return false;
	}
	for (i = (h ^ obj) & d->keys_mask; d->keys[i].gen == d->gen;
	     i = (i + 1) & d->keys_mask) {
		if (d->keys[i].hash != h || d->keys[i].obj != obj)
			continue;
		o = dv_jdoc_bytes(d, d->keys[i].key, &olen);
		if (olen == len && !memcmp(o, k, len)) {
			jp_fail(jp, at, DV_JERR_DUPKEY, "duplicate object key");
			return false;
		}
	}
	d->keys[i].gen = d->gen;
	d->keys[i].hash = h;
	d->keys[i].obj = obj;
	d->keys[i].key = key;
	d->keys_used++;
	return true;
}

/* ---- the value loop ---- */

/* A value at p: a scalar, or an opened container. *want: what next. */
static const unsigned char *jp_value(struct jp *jp, const unsigned char *p,
				     enum jp_want *want)
{
	dv_jdoc *d = jp->d;
	size_t node;

	*want = JP_AFTER;
	if (p < jp->end && (*p == '{' || *p == '[')) {
		if (d->depth + 1 > DV_JDOC_MAX_DEPTH)
			return jp_fail(jp, p, DV_JERR_DEPTH, "nesting too deep");
		node = jp_node(jp, *p == '{' ? DV_J_OBJECT : DV_J_ARRAY,
			       (size_t)(p - jp->s), 0);
		if (node == SIZE_MAX)
			return NULL;
		d->stack[d->depth++] = node;
		p = skip_ws(p + 1, jp->end);
		if (p < jp->end && *p == (d->nodes[node].type == DV_J_OBJECT ? '}' : ']'))
			return p; /* empty: JP_AFTER closes it */
		*want = d->nodes[node].type == DV_J_OBJECT ? JP_KEY : JP_VALUE;
		return p;
	}
	if (p < jp->end && *p == '"')
		p = jp_string(jp, p, &node);
	else if (p < jp->end && (*p == '-' || is_digit(*p)))
		p = jp_number(jp, p);
	else if (p < jp->end && is_alpha(*p))
		p = jp_word(jp, p);
	else
		return jp_bad_token(jp, p, "expected a value");
	if (p && d->depth + 1 > DV_JDOC_MAX_DEPTH)
		return jp_fail(jp, p, DV_JERR_DEPTH, "nesting too deep");
	return p;
}

/* A key at p, its ':' and the whitespace after it. */
static const unsigned char *jp_key(struct jp *jp, const unsigned char *p)
{
	const unsigned char *at = p;
	size_t node;

	if (p == jp->end || *p != '"')
		return jp_bad_token(jp, p, "expected a string key");
	p = jp_string(jp, p, &node);
	if (!p || !jp_key_unique(jp, jp->d->stack[jp->d->depth - 1], node, at))
		return NULL;
	p = skip_ws(p, jp->end);
	if (p == jp->end || *p != ':')
		return jp_bad_token(jp, p, "expected ':' after a key");
	return skip_ws(p + 1, jp->end);
}

/* After a value at p: ',' or the closing bracket of the innermost
 * container (closing as many as follow), or the end of the text. */
static const unsigned char *jp_after(struct jp *jp, const unsigned char *p,
				     enum jp_want *want, bool *done)
{
	dv_jdoc *d = jp->d;

	for (;;) {
		dv_jnode *top;
		char close;

		p = skip_ws(p, jp->end);
		if (!d->depth) {
			*done = true;
			return p == jp->end ? p
					    : jp_bad_token(jp, p, "unexpected data after the value");
		}
		top = &d->nodes[d->stack[d->depth - 1]];
		close = top->type == DV_J_OBJECT ? '}' : ']';
		if (p < jp->end && *p == ',') {
			*want = top->type == DV_J_OBJECT ? JP_KEY : JP_VALUE;
			return skip_ws(p + 1, jp->end);
		}
		if (p == jp->end || *p != close)
			return jp_bad_token(jp, p, close == '}' ? "expected ',' or '}'"
							   : "expected ',' or ']'");
		top->len = d->n;
		d->depth--;
		p++;
	}
}

/* The document's working memory for one parse. */
static dcval_status jp_begin(dv_jdoc *d, const char *s)
{
	d->text = s;
	d->n = 0;
	d->depth = 0;
	d->keys_used = 0;
	dv_buf_reset(&d->str);
	memset(&d->err, 0, sizeof(d->err));
	if (++d->gen == 0) {
		/* generations wrapped: every slot must read as empty */
		if (d->keys)
			memset(d->keys, 0, (d->keys_mask + 1) * sizeof(*d->keys));
		d->gen = 1;
	}
	if (!d->stack) {
		d->stack = dv_mallocarray(DV_JDOC_MAX_DEPTH, sizeof(*d->stack));
		if (!d->stack)
			return DCVAL_ENOMEM;
	}
	return DCVAL_OK;
}

dcval_status dv_jdoc_parse(dv_jdoc *d, const char *s, size_t len,
			   bool *valid)
{
	struct jp jp = { d, (const unsigned char *)s,
			 (const unsigned char *)s + len, DCVAL_OK, NULL };
	const unsigned char *p = jp.s;
	enum jp_want want = JP_VALUE;
	bool done = false;

	*valid = false;
	jp.st = jp_begin(d, s);
	if (jp.st != DCVAL_OK)
		return jp.st;
	p = skip_ws(p, jp.end);
	while (p && !done) {
		if (want == JP_KEY && !(p = jp_key(&jp, p)))
			break;
		if (want == JP_AFTER)
			p = jp_after(&jp, p, &want, &done);
		else
			p = jp_value(&jp, p, &want);
	}
	if (jp.st != DCVAL_OK) {
		memset(&d->err, 0, sizeof(d->err));
		return jp.st;
	}
	*valid = p != NULL;
	return DCVAL_OK;
}

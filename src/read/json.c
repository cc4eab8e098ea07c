/*
 * JSON array reader: a top-level `[ {...}, {...} ]` of any size, read
 * element by element in flat memory.
 *
 * The document is never loaded whole. A small scanner runs over the
 * chunks, tracking strings, escapes and a stack of the open brackets'
 * kinds, to find the byte span of each top-level element; only that
 * element is kept (in place when it lies in one chunk, else copied into
 * `elem`, at most max_line bytes) and parsed (jdoc.h). Each element's
 * `line` is the physical line where it starts. The scanner is separate
 * from the parser because it must run across chunk boundaries with no
 * more state than a few flags and the bracket stack, while the parser
 * works on a whole element at once.
 *
 * Two kinds of trouble (spec: "an element that is not valid JSON but
 * whose extent is clear ... is one `malformed` record"):
 *  - an element whose extent is clear (its brackets balance, kind by
 *    kind, outside its strings, and its strings are closed; a bare value
 *    runs to the next delimiter) but that is not a valid JSON object
 *    (a syntax error, a raw control character, a lone surrogate, NaN,
 *    invalid UTF-8, a duplicate key, nesting past the parser's limit, a
 *    size past the cap, a value that is not an object) is one record with
 *    one violation, and reading goes on with the next element;
 *  - a break in the array's own structure (junk between elements, a
 *    missing ',', a closing bracket of the wrong kind, no '[' at the top,
 *    no ']' at the end, an element still open at the end) is one
 *    `malformed` violation of the input with its line and byte column,
 *    and ends the input: what follows it cannot be split into records
 *    reliably. Records before it stay checked.
 *
 * Quarantine writes JSON Lines: an element's original text, with the
 * line breaks between its tokens turned into spaces (a valid JSON text
 * has no raw line break inside a string), and "\n". The original text is
 * kept rather than a re-serialisation so numbers keep their digits.
 */
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "read/jsonval.h"
#include "read/reader.h"
#include "read/source.h"
#include "util/error.h"

enum dv_jstate {
	DV_JS_START = 0,  /* before '[' */
	DV_JS_FIRST,      /* after '[': an element or ']' */
	DV_JS_NEXT,       /* after ',': an element */
	DV_JS_AFTER,      /* after an element: ',' or ']' */
	DV_JS_END,        /* after ']': whitespace only */
	DV_JS_ELEM,       /* inside an element */
	DV_JS_DONE        /* a syntax error ended the input */
};

enum dv_jkind {
	DV_JK_NEST = 0,   /* object or array: ends at depth 0 */
	DV_JK_STRING,     /* string: ends at its closing quote */
	DV_JK_BARE        /* number, true, ...: ends before a delimiter */
};

typedef struct dv_jarray {
	dv_jsonval jv;          /* values and extra keys */
	dv_buf elem;            /* an element split across chunks */
	dv_buf nest;            /* bit stack of open brackets: 1 '{', 0 '[' */
	dv_buf raw;             /* quarantine copy of an element */
	size_t max;             /* most bytes of an element */
	enum dv_jstate state;
	const char *chunk;      /* the chunk being scanned */
	uint64_t base;          /* input offset of chunk[0] */
	uint64_t line;          /* current physical line */
	uint64_t line_start;    /* input offset of the current line's start */
	enum dv_jkind kind;     /* of the element being scanned */
	const char *start;      /* its first byte in this chunk */
	uint64_t el_line;       /* line where it starts */
	uint64_t el_col;        /* 1-based byte column where it starts */
	size_t depth;           /* brackets open in it */
	bool in_str;            /* inside a string */
	bool esc;               /* after a backslash in a string */
	bool overlong;          /* past max: being skipped */
} dv_jarray;

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Bytes that end a bare value (a number, true, false, null). */
static bool is_delim(char c)
{
	return is_space(c) || c == ',' || c == ']' || c == '}' || c == '[' ||
	       c == '{' || c == '"';
}

static uint64_t offset_of(const dv_jarray *r, const char *p)
{
	return r->base + (uint64_t)(p - r->chunk);
}

static void newline_at(dv_jarray *r, const char *p)
{
	r->line++;
	r->line_start = offset_of(r, p) + 1;
}

/* 1-based byte column of input offset `off` on the current line. */
static uint64_t column_of(const dv_jarray *r, uint64_t off)
{
	return off - r->line_start + 1;
}

/* A syntax error at line/col: one input violation, and the input ends. */
static dcval_status jarr_syntax(dv_jarray *r, uint64_t line, uint64_t col,
				const char *detail)
{
	r->state = DV_JS_DONE;
	if (r->jv.sink)
		return r->jv.sink->bad(r->jv.sink->ctx, line, col, detail, true);
	return dv_engine_input_issue(r->jv.e, DV_R_MALFORMED, line,
				     col > UINT32_MAX ? UINT32_MAX
						      : (uint32_t)col,
				     detail);
}

static dcval_status jarr_syntax_at(dv_jarray *r, const char *p,
				   const char *detail)
{
	return jarr_syntax(r, r->line, column_of(r, offset_of(r, p)), detail);
}

/*
 * The quarantine copy of element s[0..n) in r->raw: line breaks to
 * spaces, "\n" appended. Nothing when quarantine is off.
 */
static dcval_status jarr_raw(dv_jarray *r, const char *s, size_t n)
{
	dcval_status st;
	size_t i;

	dv_buf_reset(&r->raw);
	if (!r->jv.want_raw)
		return DCVAL_OK;
	st = dv_buf_append(&r->raw, s, n);
	if (st == DCVAL_OK)
		st = dv_buf_putc(&r->raw, '\n');
	if (st != DCVAL_OK)
		return st;
	for (i = 0; i < n; i++)
		if (r->raw.data[i] == '\n' || r->raw.data[i] == '\r')
			r->raw.data[i] = ' ';
	return DCVAL_OK;
}

/*
 * Line and byte column of offset k in element s[0..n) (the element starts
 * at r->el_line, r->el_col).
 */
static void jarr_locate(const dv_jarray *r, const char *s, size_t n, size_t k,
			uint64_t *line, uint64_t *col)
{
	size_t nl = SIZE_MAX, i;

	*line = r->el_line;
	if (k > n)
		k = n;
	for (i = 0; i < k; i++) {
		if (s[i] == '\n') {
			++*line;
			nl = i;
		}
	}
	*col = nl == SIZE_MAX ? r->el_col + k : k - nl;
}

/* Parse element s[0..n) and hand it to the engine: a record, valid or
 * not. */
static dcval_status jarr_emit(dv_jarray *r, const char *s, size_t n)
{
	dcval_status st;
	uint64_t line, col;
	char detail[240];
	dv_rule rule;
	bool valid;

	st = dv_jsonval_parse(&r->jv, s, n, &valid);
	if (st == DCVAL_OK)
		st = jarr_raw(r, s, n);
	if (st != DCVAL_OK)
		return st;
	if (valid)
		return dv_jsonval_emit(&r->jv, r->el_line, r->raw.data,
				       r->raw.len);
	jarr_locate(r, s, n, r->jv.doc.err.pos, &line, &col);
	rule = dv_jsonval_describe(&r->jv, line != r->el_line, line, col,
				   detail, sizeof(detail));
	return dv_jsonval_bad(&r->jv, r->el_line, rule, detail, r->raw.data,
			      r->raw.len);
}

/*
 * Bytes of an element past the cap go straight to the invalid quarantine
 * as they are scanned (line breaks as spaces, as jarr_raw() does), never
 * gathered: the record is malformed whatever follows.
 */
static dcval_status jarr_spill(dv_jarray *r, const char *s, size_t n)
{
	char buf[4096];
	dcval_status st = DCVAL_OK;
	size_t i, k;

	while (r->jv.want_raw && n && st == DCVAL_OK) {
		k = n < sizeof(buf) ? n : sizeof(buf);
		for (i = 0; i < k; i++)
			buf[i] = s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
		st = dv_engine_quarantine_invalid(r->jv.e, buf, k);
		s += k;
		n -= k;
	}
	return st;
}

/* The element just went past the cap: spill what elem holds. */
static dcval_status jarr_overlong(dv_jarray *r)
{
	dcval_status st = jarr_spill(r, r->elem.data, r->elem.len);

	r->overlong = true;
	dv_buf_reset(&r->elem);
	return st;
}

/*
 * The element is complete: its last n bytes are tail[0..n), the ones
 * before (if any) are in elem.
 */
static dcval_status jarr_complete(dv_jarray *r, const char *tail, size_t n)
{
	dcval_status st;
	char detail[80];

	r->state = DV_JS_AFTER;
	if (!r->overlong && n > r->max - r->elem.len) {
		st = jarr_overlong(r);
		if (st != DCVAL_OK)
			return st;
	}
	if (r->overlong) {
		st = jarr_spill(r, tail, n);
		if (st == DCVAL_OK && r->jv.want_raw)
			st = dv_engine_quarantine_invalid(r->jv.e, "\n", 1);
		snprintf(detail, sizeof(detail),
			 "array element longer than %zu bytes", r->max);
		if (st == DCVAL_OK)
			st = dv_jsonval_bad(&r->jv, r->el_line, DV_R_MALFORMED,
					    detail, NULL, 0);
	} else if (!r->elem.len) {
		st = jarr_emit(r, tail, n);
	} else {
		st = dv_buf_append(&r->elem, tail, n);
		if (st == DCVAL_OK)
			st = jarr_emit(r, r->elem.data, r->elem.len);
	}
	dv_buf_reset(&r->elem);
	return st;
}

/* The chunk ends inside the element: keep its bytes for the next one. */
static dcval_status jarr_keep(dv_jarray *r, const char *end)
{
	size_t n = (size_t)(end - r->start);

	dcval_status st = DCVAL_OK;

	if (!r->overlong && n > r->max - r->elem.len)
		st = jarr_overlong(r);
	if (r->overlong)
		return st == DCVAL_OK ? jarr_spill(r, r->start, n) : st;
	return dv_buf_append(&r->elem, r->start, n);
}

/* An element starts at p (not consumed: jarr_element() scans it). */
static void jarr_begin(dv_jarray *r, const char *p)
{
	r->kind = *p == '{' || *p == '[' ? DV_JK_NEST :
		  *p == '"'              ? DV_JK_STRING : DV_JK_BARE;
	r->start = p;
	r->el_line = r->line;
	r->el_col = column_of(r, offset_of(r, p));
	r->depth = 0;
	dv_buf_reset(&r->nest);
	r->in_str = false;
	r->esc = false;
	r->overlong = false;
	dv_buf_reset(&r->elem);
	r->state = DV_JS_ELEM;
}

/* An opening bracket c in the element: push its kind. */
static dcval_status nest_push(dv_jarray *r, char c)
{
	size_t byte = r->depth / 8;
	unsigned char bit = (unsigned char)(1u << (r->depth % 8));
	dcval_status st;

	if (byte == r->nest.len && (st = dv_buf_putc(&r->nest, 0)) != DCVAL_OK)
		return st;
	if (c == '{')
		r->nest.data[byte] = (char)(r->nest.data[byte] | bit);
	else
		r->nest.data[byte] = (char)(r->nest.data[byte] & ~bit);
	r->depth++;
	return DCVAL_OK;
}

/* A closing bracket c: whether it closes the innermost open one. */
static bool nest_pop(dv_jarray *r, char c)
{
	size_t d = r->depth - 1;
	bool obj = (r->nest.data[d / 8] >> (d % 8)) & 1;

	if (obj != (c == '}'))
		return false;
	r->depth--;
	if (r->nest.len > r->depth / 8 + 1)
		r->nest.len = r->depth / 8 + 1;
	return true;
}

/*
 * One byte c at q of an object, array or string element outside a
 * string. Returns DCVAL_OK, with *closed when the element is complete;
 * a structural break ends the input.
 */
static dcval_status jarr_nest_byte(dv_jarray *r, const char *q, bool *closed)
{
	dcval_status st;
	char c = *q;

	if (c == '"') {
		r->in_str = true;
	} else if (c == '{' || c == '[') {
		st = nest_push(r, c);
		if (st == DCVAL_ELIMIT)
			return jarr_syntax_at(r, q, "array element nested too deep");
		return st;
	} else if (c == '}' || c == ']') {
		if (!nest_pop(r, c))
			return jarr_syntax_at(r, q, c == '}'
				? "'}' does not close the innermost '['"
				: "']' does not close the innermost '{'");
		*closed = !r->depth;
	}
	return DCVAL_OK;
}

/*
 * Scan an object, array or string element from *p; on its last byte
 * complete it. *p: where scanning stopped.
 */
static dcval_status jarr_nested(dv_jarray *r, const char **p, const char *end)
{
	dcval_status st = DCVAL_OK;
	bool closed = false;
	const char *q;

	for (q = *p; q < end && !closed && st == DCVAL_OK; q++) {
		char c = *q;

		if (c == '\n')
			newline_at(r, q);
		if (!r->in_str) {
			st = jarr_nest_byte(r, q, &closed);
		} else if (r->esc) {
			r->esc = false;
		} else if (c == '\\') {
			r->esc = true;
		} else if (c == '"') {
			r->in_str = false;
			closed = !r->depth;
		}
	}
	*p = q;
	if (st != DCVAL_OK || r->state == DV_JS_DONE || !closed)
		return st;
	return jarr_complete(r, r->start, (size_t)(q - r->start));
}

/* Scan the element from *p. */
static dcval_status jarr_element(dv_jarray *r, const char **p, const char *end)
{
	const char *q;

	if (r->kind != DV_JK_BARE)
		return jarr_nested(r, p, end);
	for (q = *p; q < end && !is_delim(*q); q++)
		;
	*p = q;
	if (q == end)
		return DCVAL_OK;
	return jarr_complete(r, r->start, (size_t)(q - r->start));
}

/* Whitespace and punctuation between elements, from *p. */
static dcval_status jarr_between(dv_jarray *r, const char **p, const char *end)
{
	const char *q;

	for (q = *p; q < end; q++) {
		char c = *q;

		if (c == '\n')
			newline_at(r, q);
		if (is_space(c))
			continue;
		*p = q + 1;
		switch (r->state) {
		case DV_JS_START:
			if (c == '[') {
				r->state = DV_JS_FIRST;
				continue;
			}
			return jarr_syntax_at(r, q,
				"expected '[': the input must be a JSON array of records");
		case DV_JS_FIRST:
		case DV_JS_NEXT:
			if (c == ']' && r->state == DV_JS_FIRST) {
				r->state = DV_JS_END;
				continue;
			}
			/* a bare element starts with a printable ASCII byte:
			 * `NaN` or `+1` is a bad record, a control byte or
			 * stray UTF-8 (a byte order mark) is no element */
			if (c == ',' || c == ']' || c == '}' ||
			    (unsigned char)c < 0x21 || (unsigned char)c > 0x7E)
				return jarr_syntax_at(r, q, "expected a value");
			*p = q;
			jarr_begin(r, q);
			return DCVAL_OK;
		case DV_JS_AFTER:
			if (c == ',' || c == ']') {
				r->state = c == ',' ? DV_JS_NEXT : DV_JS_END;
				continue;
			}
			return jarr_syntax_at(r, q,
				"expected ',' or ']' after an array element");
		default:
			return jarr_syntax_at(r, q,
				"unexpected data after the closing ']'");
		}
	}
	*p = end;
	return DCVAL_OK;
}

/* One chunk of the input. */
static dcval_status jarr_chunk(dv_jarray *r, const char *chunk, size_t len)
{
	const char *p = chunk, *end = chunk + len;
	dcval_status st = DCVAL_OK;

	r->chunk = chunk;
	if (r->state == DV_JS_ELEM)
		r->start = chunk;
	while (st == DCVAL_OK && p < end && r->state != DV_JS_DONE) {
		if (r->state == DV_JS_ELEM)
			st = jarr_element(r, &p, end);
		else
			st = jarr_between(r, &p, end);
	}
	if (st == DCVAL_OK && r->state == DV_JS_ELEM)
		st = jarr_keep(r, end);
	r->base += len;
	return st;
}

/* End of input: what is still open is a syntax error. */
static dcval_status jarr_finish(dv_jarray *r)
{
	uint64_t col = column_of(r, r->base);
	dcval_status st;

	switch (r->state) {
	case DV_JS_START:
		return jarr_syntax(r, r->line, col,
				   "expected '[' but found the end of the input");
	case DV_JS_ELEM:
		if (r->kind != DV_JK_BARE) {
			uint64_t line = r->el_line, ecol = r->el_col;

			/* an overlong element's bytes are in the invalid output
			 * already: they stay one (malformed) record */
			st = r->overlong ? jarr_complete(r, "", 0) : DCVAL_OK;
			if (st != DCVAL_OK)
				return st;
			return jarr_syntax(r, line, ecol,
				"array element not terminated at the end of the input");
		}
		/* a bare value ends with the input; its bytes are in elem */
		st = jarr_complete(r, "", 0);
		if (st != DCVAL_OK || r->state == DV_JS_DONE)
			return st;
		/* fall through */
	case DV_JS_FIRST:
	case DV_JS_NEXT:
	case DV_JS_AFTER:
		return jarr_syntax(r, r->line, col,
				   "missing ']' at the end of the input");
	default:
		return DCVAL_OK;
	}
}

static dcval_status jarr_chunk_cb(void *ctx, const char *p, size_t n,
				  bool *stop)
{
	dv_jarray *r = ctx;
	dcval_status st = jarr_chunk(r, p, n);

	*stop = r->state == DV_JS_DONE;
	return st;
}

/* Read src from its current chunk (the engine has read the first one to
 * choose the format) to the end or a syntax error. A byte order mark is
 * skipped but counts in byte columns' base. */
static dcval_status jarr_run(dv_jarray *r, dv_source *src)
{
	size_t bom = dv_source_bom(src);

	r->base = r->line_start = bom;
	return dv_source_feed(src, bom, jarr_chunk_cb, r);
}

dcval_status dv_json_read(dv_engine *e, dv_source *src, dcval_error *err)
{
	dv_jarray r = { .line = 1, .max = dv_engine_max_line(e) };
	dcval_status st;

	if (r.max >= SIZE_MAX / 2)
		r.max = SIZE_MAX / 2 - 1;
	dv_buf_init(&r.elem, r.max);
	dv_buf_init(&r.nest, r.max / 8 + 1);
	dv_buf_init(&r.raw, r.max + 1);
	st = dv_jsonval_init(&r.jv, e);
	if (st == DCVAL_OK)
		st = jarr_run(&r, src);
	if (st == DCVAL_OK)
		st = jarr_finish(&r);
	/* a read error is reported by the engine, which owns the source */
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, r.line, 0, "out of memory");
	dv_jsonval_release(&r.jv);
	dv_buf_release(&r.raw);
	dv_buf_release(&r.elem);
	dv_buf_release(&r.nest);
	return st;
}

dcval_status dv_json_scan(dv_source *src, const dv_jsonval_sink *sink,
			  size_t max)
{
	dv_jarray r = { .line = 1, .max = max };
	dcval_status st;

	if (r.max >= SIZE_MAX / 2)
		r.max = SIZE_MAX / 2 - 1;
	dv_buf_init(&r.elem, r.max);
	dv_buf_init(&r.nest, r.max / 8 + 1);
	dv_buf_init(&r.raw, r.max + 1);
	st = dv_jsonval_init_sink(&r.jv, sink, r.max);
	if (st == DCVAL_OK)
		st = jarr_run(&r, src);
	if (st == DCVAL_OK)
		st = jarr_finish(&r);
	dv_jsonval_release(&r.jv);
	dv_buf_release(&r.raw);
	dv_buf_release(&r.elem);
	dv_buf_release(&r.nest);
	return st;
}

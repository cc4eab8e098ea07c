/*
 * A byte of a scalar's value -> its line and column in the contract file.
 *
 * The value of a YAML scalar is not its source text: quotes, escapes,
 * folded line breaks and block indentation come between. This walks the
 * source again as the YAML 1.2 spec reads each style (yaml.org/spec/1.2.2
 * sections 7.3 flow scalars, 8.1 block scalars) and counts the value bytes
 * each source character makes, until the wanted byte. Columns count
 * characters, as libyaml's marks (and the caret line of diagnostics) do.
 */
#include <string.h>

#include "contract/expr.h"

struct walk {
	const char *s;
	size_t len;
	size_t p;            /* position in s */
	unsigned long line;  /* of s[p] */
	unsigned long col;
};

static size_t char_len(const struct walk *w)
{
	size_t n = 1;

	while (w->p + n < w->len && n < 4 &&
	       ((unsigned char)w->s[w->p + n] & 0xc0) == 0x80)
		n++;
	return n;
}

static bool at_break(const struct walk *w)
{
	return w->p < w->len && (w->s[w->p] == '\n' || w->s[w->p] == '\r');
}

/* Step over one character (a line break as one, \r\n included). */
static void step(struct walk *w)
{
	if (w->p >= w->len)
		return;
	if (at_break(w)) {
		if (w->s[w->p] == '\r' && w->p + 1 < w->len && w->s[w->p + 1] == '\n')
			w->p++;
		w->p++;
		w->line++;
		w->col = 1;
		return;
	}
	w->p += char_len(w);
	w->col++;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void skip_blanks(struct walk *w)
{
	while (w->p < w->len && is_blank(w->s[w->p]))
		step(w);
}

/* Whether only blanks stand between p and a line break (or the end). */
static bool blanks_to_break(const struct walk *w, bool end_counts)
{
	size_t q = w->p;

	while (q < w->len && is_blank(w->s[q]))
		q++;
	return q < w->len ? (w->s[q] == '\n' || w->s[q] == '\r') : end_counts;
}

/* Bytes of UTF-8 for code point cp. */
static size_t utf8_bytes(unsigned long cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Value bytes an escape at w->p (the backslash) makes, and its length in
 * source bytes. */
static size_t escape_bytes(const struct walk *w, size_t *src_len)
{
	char e = w->p + 1 < w->len ? w->s[w->p + 1] : '\0';
	size_t hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0, k;
	unsigned long cp = 0;

	*src_len = 2 + hex;
	if (hex) {
		for (k = 0; k < hex && w->p + 2 + k < w->len; k++) {
			char h = w->s[w->p + 2 + k];

			cp = cp * 16 + (unsigned long)(h >= 'a' ? h - 'a' + 10 :
						       h >= 'A' ? h - 'A' + 10 :
						       h - '0');
		}
		return utf8_bytes(cp);
	}
	if (e == 'N' || e == '_')
		return 2;
	if (e == 'L' || e == 'P')
		return 3;
	return 1;
}

/*
 * A line break inside a flow scalar: the blanks around it go, and the
 * break becomes one space, or one line feed per empty line that follows.
 * Returns the value bytes made; w is left at the next line's content.
 */
static size_t fold(struct walk *w)
{
	size_t made = 0;

	step(w); /* the break */
	for (;;) {
		skip_blanks(w);
		if (!at_break(w))
			break;
		made++;
		step(w);
	}
	return made ? made : 1;
}

static void flow(struct walk *w, char quote, size_t off)
{
	size_t v = 0, made, n;

	while (w->p < w->len) {
		char c = w->s[w->p];

		if (quote && c == quote) {
			if (quote == '\'' && w->p + 1 < w->len &&
			    w->s[w->p + 1] == '\'') {
				if (off < v + 1)
					return;
				v++;
				step(w);
				step(w);
				continue;
			}
			return; /* the closing quote */
		}
		if (quote == '"' && c == '\\') {
			if (w->p + 1 < w->len && (w->s[w->p + 1] == '\n' ||
						  w->s[w->p + 1] == '\r')) {
				step(w);
				step(w);
				skip_blanks(w);
				continue;
			}
			made = escape_bytes(w, &n);
			if (off < v + made)
				return;
			v += made;
			while (n-- && w->p < w->len)
				step(w);
			continue;
		}
		if (is_blank(c) && blanks_to_break(w, !quote)) {
			skip_blanks(w);
			continue;
		}
		if (at_break(w)) {
			struct walk at = *w;

			made = fold(w);
			if (off < v + made) {
				*w = at;
				return;
			}
			v += made;
			continue;
		}
		n = char_len(w);
		if (off < v + n)
			return;
		v += n;
		step(w);
	}
}

static void block(struct walk *w, size_t off)
{
	size_t v = 0, indent = 0, q, k;

	while (w->p < w->len && !at_break(w)) /* the header: | or > and more */
		step(w);
	step(w);
	for (q = w->p; q < w->len && w->s[q] == ' '; q++)
		indent++;
	while (w->p < w->len) {
		for (k = 0; k < indent && w->p < w->len && w->s[w->p] == ' '; k++)
			step(w);
		while (w->p < w->len && !at_break(w)) {
			size_t n = char_len(w);

			if (off < v + n)
				return;
			v += n;
			step(w);
		}
		if (w->p >= w->len || off < v + 1)
			return;
		v++;
		step(w);
	}
}

void dv_expr_pos(const char *src, size_t src_len, const char *val,
		 size_t val_len, unsigned long line, unsigned long col,
		 size_t off, unsigned long *out_line, unsigned long *out_col)
{
	struct walk w = { .s = src, .len = src_len, .line = line, .col = col };

	(void)val;
	*out_line = line;
	*out_col = col;
	if (!src || off > val_len)
		return;
	if (w.p < w.len && w.s[0] == '!') { /* a tag, then blanks */
		while (w.p < w.len && !is_blank(w.s[w.p]) && !at_break(&w))
			step(&w);
		while (w.p < w.len && (is_blank(w.s[w.p]) || at_break(&w)))
			step(&w);
	}
	if (w.p < w.len && (w.s[w.p] == '"' || w.s[w.p] == '\'')) {
		char q = w.s[w.p];

		step(&w);
		flow(&w, q, off);
	} else if (w.p < w.len && (w.s[w.p] == '|' || w.s[w.p] == '>')) {
		block(&w, off);
	} else {
		flow(&w, '\0', off);
	}
	*out_line = w.line;
	*out_col = w.col;
}

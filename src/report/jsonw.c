/*
 * Streaming JSON writer; see jsonw.h.
 */
#include <inttypes.h>
#include <string.h>

#include "report/jsonw.h"
#include "util/utf8.h"

static void fail(dv_jsonw *w, dcval_status st)
{
	if (w->status == DCVAL_OK)
		w->status = st;
}

static void put(dv_jsonw *w, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, w->out) != n)
		fail(w, DCVAL_EIO);
}

static void indent(dv_jsonw *w, unsigned depth)
{
	static const char spaces[] = "                ";
	size_t n = 2 * (size_t)depth;
	size_t k;

	put(w, "\n", 1);
	while (n > 0) {
		k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put(w, spaces, k);
		n -= k;
	}
}

/* Separator before a value or key in the innermost container. */
static void before_item(dv_jsonw *w)
{
	unsigned d = w->depth;

	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (d == 0)
		return;
	if (w->has_items[d - 1])
		put(w, ",", 1);
	if (w->multiline[d - 1])
		indent(w, d);
	else if (w->has_items[d - 1])
		put(w, " ", 1);
	w->has_items[d - 1] = true;
}

static void open_container(dv_jsonw *w, char open, char close, bool multiline)
{
	before_item(w);
	if (w->depth == DV_JSONW_MAX_DEPTH) {
		fail(w, DCVAL_EINTERNAL);
		return;
	}
	put(w, &open, 1);
	w->multiline[w->depth] = multiline;
	w->has_items[w->depth] = false;
	w->close[w->depth] = close;
	w->depth++;
}

void dv_jsonw_init(dv_jsonw *w, FILE *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

void dv_jsonw_object(dv_jsonw *w, bool multiline)
{
	open_container(w, '{', '}', multiline);
}

void dv_jsonw_array(dv_jsonw *w, bool multiline)
{
	open_container(w, '[', ']', multiline);
}

void dv_jsonw_end(dv_jsonw *w)
{
	unsigned d = w->depth;

	if (d == 0) {
		fail(w, DCVAL_EINTERNAL);
		return;
	}
	if (w->multiline[d - 1] && w->has_items[d - 1])
		indent(w, d - 1);
	put(w, &w->close[d - 1], 1);
	w->depth--;
}

/*
 * The body of a string: valid UTF-8 is copied except for '"', '\\' and
 * control bytes (RFC 8259 section 7); each byte that is not part of a
 * valid sequence becomes U+FFFD.
 */
static void string_body(dv_jsonw *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char esc[7] = "\\u00";
	size_t i = 0, run = 0, valid;
	unsigned char c;

	while (i < len) {
		valid = i + dv_utf8_valid_prefix(s + i, len - i);
		for (run = i; i < valid; i++) {
			c = (unsigned char)s[i];
			if (c >= 0x20 && c != '"' && c != '\\')
				continue;
			put(w, s + run, i - run);
			run = i + 1;
			switch (c) {
			case '"':
				put(w, "\\\"", 2);
				break;
			case '\\':
				put(w, "\\\\", 2);
				break;
			case '\n':
				put(w, "\\n", 2);
				break;
			case '\r':
				put(w, "\\r", 2);
				break;
			case '\t':
				put(w, "\\t", 2);
				break;
			default:
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 0xf];
				put(w, esc, 6);
			}
		}
		put(w, s + run, i - run);
		if (i < len) {
			put(w, "\xef\xbf\xbd", 3); /* U+FFFD */
			i++;
		}
	}
}

void dv_jsonw_key(dv_jsonw *w, const char *key)
{
	before_item(w);
	put(w, "\"", 1);
	string_body(w, key, strlen(key));
	put(w, "\": ", 3);
	w->after_key = true;
}

void dv_jsonw_str(dv_jsonw *w, const char *s, size_t len)
{
	before_item(w);
	put(w, "\"", 1);
	string_body(w, s, len);
	put(w, "\"", 1);
}

void dv_jsonw_cstr(dv_jsonw *w, const char *s)
{
	if (s)
		dv_jsonw_str(w, s, strlen(s));
	else
		dv_jsonw_null(w);
}

void dv_jsonw_uint(dv_jsonw *w, uint64_t n)
{
	char num[24];
	int k = snprintf(num, sizeof(num), "%" PRIu64, n);

	before_item(w);
	put(w, num, (size_t)k);
}

void dv_jsonw_bool(dv_jsonw *w, bool b)
{
	before_item(w);
	if (b)
		put(w, "true", 4);
	else
		put(w, "false", 5);
}

void dv_jsonw_null(dv_jsonw *w)
{
	before_item(w);
	put(w, "null", 4);
}

void dv_jsonw_raw_begin(dv_jsonw *w)
{
	before_item(w);
}

void dv_jsonw_raw(dv_jsonw *w, const void *p, size_t n)
{
	put(w, p, n);
}

dcval_status dv_jsonw_status(const dv_jsonw *w)
{
	if (w->status == DCVAL_OK && ferror(w->out))
		return DCVAL_EIO;
	return w->status;
}

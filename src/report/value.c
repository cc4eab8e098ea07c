/*
 * How values and messages of violations are shown: cut to 80 bytes at a
 * character boundary, "..." when cut, "<redacted>" for sensitive
 * columns, escaped for one-line text (spec contract.md "Violations").
 */
#include <stdio.h>
#include <string.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"
#include "util/utf8.h"

static const char redacted_text[] = "<redacted>";

/*
 * Length of the character at s[0..len): 1..4 for valid UTF-8, 1 with
 * *bad set for a byte that does not start a valid sequence.
 */
static size_t char_len(const char *s, size_t len, bool *bad)
{
	unsigned char c = (unsigned char)s[0];
	size_t n;

	*bad = false;
	if (c < 0x80)
		return 1;
	n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (n > len || dv_utf8_valid_prefix(s, n) != n) {
		*bad = true;
		return 1;
	}
	return n;
}

/*
 * The escaped form of the character at s (length n, *bad as char_len()
 * said) in out (at least 5 bytes). Returns its length.
 */
static size_t escape_char(const char *s, size_t n, bool bad,
			  dv_report_esc esc, char *out)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = (unsigned char)s[0];

	if (esc == DV_ESC_NONE || (n > 1 && !bad)) {
		memcpy(out, s, n);
		return n;
	}
	if (esc == DV_ESC_VALUE && (c == '\\' || c == '"')) {
		out[0] = '\\';
		out[1] = (char)c;
		return 2;
	}
	if (!bad && c >= 0x20 && c != 0x7f) {
		out[0] = (char)c;
		return 1;
	}
	out[0] = '\\';
	if (c == '\n' || c == '\r' || c == '\t') {
		out[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		return 2;
	}
	out[1] = 'x';
	out[2] = hex[c >> 4];
	out[3] = hex[c & 0xf];
	return 4;
}

/* Length of s[0..len) once escaped. */
static size_t escaped_len(const char *s, size_t len, dv_report_esc esc)
{
	char tmp[8];
	size_t i = 0, total = 0, n;
	bool bad;

	while (i < len) {
		n = char_len(s + i, len - i, &bad);
		total += escape_char(s + i, n, bad, esc, tmp);
		i += n;
	}
	return total;
}

size_t dv_report_show(const char *s, size_t len, bool cut, dv_report_esc esc,
		      char *buf, size_t cap)
{
	char tmp[8];
	size_t i = 0, o = 0, n, m, room;
	bool bad;

	if (cap == 0)
		return 0;
	/* Room for the text when it fits, else keep 3 bytes for "...". */
	room = cap - 1;
	if (cut || escaped_len(s, len, esc) > room) {
		cut = true;
		room = room >= 3 ? room - 3 : 0;
	}
	while (i < len) {
		n = char_len(s + i, len - i, &bad);
		m = escape_char(s + i, n, bad, esc, tmp);
		if (o + m > room) {
			cut = true;
			break;
		}
		memcpy(buf + o, tmp, m);
		o += m;
		i += n;
	}
	if (cut && o + 3 < cap) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return o;
}

size_t dcval_violation_value(const dcval_violation *v, bool escape, char *buf,
			     size_t cap)
{
	size_t n;

	if (cap == 0)
		return 0;
	if (v->redacted) {
		n = strlen(redacted_text) < cap ? strlen(redacted_text) : cap - 1;
		memcpy(buf, redacted_text, n);
		buf[n] = '\0';
		return n;
	}
	if (!v->value) {
		buf[0] = '\0';
		return 0;
	}
	n = dv_utf8_cut(v->value, v->value_len, DCVAL_VALUE_SHOW_MAX);
	return dv_report_show(v->value, n, n < v->value_len,
			      escape ? DV_ESC_VALUE : DV_ESC_NONE, buf, cap);
}

/* Append s[0..len) to buf (o bytes used, cap in all), cut so that it
 * fits and does not end inside a character. */
static size_t append_cut(char *buf, size_t cap, size_t o, const char *s,
			 size_t len)
{
	size_t n = dv_utf8_cut(s, len, cap - 1 - o);

	memcpy(buf + o, s, n);
	buf[o + n] = '\0';
	return o + n;
}

size_t dcval_violation_message(const dcval_violation *v, char *buf, size_t cap)
{
	char value[DV_REPORT_SHOW_ESC];
	char pre[DV_REPORT_SHOW_ESC + 4];
	const char *detail = v->detail ? v->detail : "";
	size_t n = 0;

	if (cap == 0)
		return 0;
	if (v->value && v->redacted) {
		n = (size_t)snprintf(pre, sizeof(pre), "%s ", redacted_text);
	} else if (v->value) {
		dcval_violation_value(v, true, value, sizeof(value));
		n = (size_t)snprintf(pre, sizeof(pre), "\"%s\" ", value);
	}
	n = append_cut(buf, cap, 0, pre, n);
	return append_cut(buf, cap, n, detail, strlen(detail));
}

dcval_status dv_report_message(const dcval_violation *v, dv_buf *b)
{
	size_t need = DV_REPORT_SHOW_ESC + 4;
	dcval_status st;

	if (v->detail)
		need += strlen(v->detail);
	if (need > DV_REPORT_MESSAGE_MAX)
		need = DV_REPORT_MESSAGE_MAX;
	dv_buf_reset(b);
	st = dv_buf_reserve(b, need);
	if (st != DCVAL_OK)
		return st;
	b->len = dcval_violation_message(v, b->data, need + 1);
	return DCVAL_OK;
}

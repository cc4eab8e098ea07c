/*
 * How values and messages of violations are shown: cut to 80 bytes at a
 * character boundary, the "..." that ends a cut value included, "<redacted>" for sensitive
 * columns, escaped for one-line text (spec contract.md "Violations").
 */
#include <stdio.h>
#include <string.h>

#include "dcval/dcval.h"
#include "report/report_impl.h"
#include "util/esc.h"
#include "value/ruleid.h"
#include "util/utf8.h"

static const char redacted_text[] = "<redacted>";

/*
 * The shown form of the character at s[0..len) in out (at least
 * DV_ESC_CHAR_MAX bytes), *used the bytes of s it covers. Returns its
 * length.
 */
static size_t show_char(const char *s, size_t len, dv_report_esc esc,
			char *out, size_t *used)
{
	size_t n;

	if (esc != DV_ESC_NONE)
		return dv_esc_char(s, len, esc == DV_ESC_VALUE ? DV_ESC_QUOTES : 0,
				   out, used);
	/* unescaped: whole characters, so that a cut falls between them */
	n = dv_utf8_char_len(s, len);
	if (n == 0)
		n = 1;
	memcpy(out, s, n);
	*used = n;
	return n;
}

/* Length of s[0..len) once escaped. */
static size_t escaped_len(const char *s, size_t len, dv_report_esc esc)
{
	if (esc == DV_ESC_NONE)
		return len;
	return dv_esc_len(s, len, esc == DV_ESC_VALUE ? DV_ESC_QUOTES : 0);
}

size_t dv_report_show(const char *s, size_t len, bool cut, dv_report_esc esc,
		      char *buf, size_t cap)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t i = 0, o = 0, n, m, room;

	if (cap == 0)
		return 0;
	/* Room for the text when it fits, else keep 3 bytes for "...". */
	room = cap - 1;
	if (cut || escaped_len(s, len, esc) > room) {
		cut = true;
		room = room >= 3 ? room - 3 : 0;
	}
	while (i < len) {
		m = show_char(s + i, len - i, esc, tmp, &n);
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
	/* at most 80 bytes in all: a value that does not fit keeps the
	 * longest prefix of whole characters in 77 bytes, then "..." */
	n = v->value_len;
	if (n > DCVAL_VALUE_SHOW_MAX)
		n = dv_utf8_cut(v->value, n, DCVAL_VALUE_SHOW_MAX - 3);
	return dv_report_show(v->value, n, n < v->value_len,
			      escape ? DV_ESC_VALUE : DV_ESC_NONE, buf, cap);
}

/*
 * Append s[0..len) to buf (o bytes used, cap in all) with its control
 * characters escaped (so a detail cannot end the line or drive a
 * terminal), cut between characters so that it fits. Returns the new
 * length.
 */
static size_t append_shown(char *buf, size_t cap, size_t o, const char *s,
			   size_t len)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t i = 0, used, m;

	while (i < len) {
		m = dv_esc_char(s + i, len - i, 0, tmp, &used);
		if (m > cap - 1 - o)
			break;
		memcpy(buf + o, tmp, m);
		o += m;
		i += used;
	}
	buf[o] = '\0';
	return o;
}

/* Whether v is a cross-field rule's violation: on a record, with no
 * column, and a rule id that is no built-in one. */
static bool is_contract_rule(const dcval_violation *v)
{
	return v->record && !v->column && v->rule &&
	       dv_rule_by_id(v->rule, strlen(v->rule)) == DV_R_COUNT;
}

/*
 * A cross-field rule's message: its detail ("rule NAME failed: CHECK"),
 * then the referenced columns' values in parentheses, as every report
 * format shows it.
 */
static size_t rule_message(const dcval_violation *v, char *buf, size_t cap)
{
	char value[DV_REPORT_SHOW_ESC];
	char post[DV_REPORT_SHOW_ESC + 4];
	const char *detail = v->detail ? v->detail : "";
	size_t n = append_shown(buf, cap, 0, detail, strlen(detail));

	if (!v->value)
		return n;
	if (v->redacted)
		snprintf(post, sizeof(post), " (%s)", redacted_text);
	else
		snprintf(post, sizeof(post), " (%s)",
			 (dcval_violation_value(v, true, value, sizeof(value)), value));
	return append_shown(buf, cap, n, post, strlen(post));
}

size_t dcval_violation_message(const dcval_violation *v, char *buf, size_t cap)
{
	char value[DV_REPORT_SHOW_ESC];
	char pre[DV_REPORT_SHOW_ESC + 4];
	const char *detail = v->detail ? v->detail : "";
	size_t n = 0;

	if (cap == 0)
		return 0;
	/* a dataset-level violation (a dataset check's figure, a share's
	 * value) says what it measured in its detail (contract.md: "its
	 * message the share"); the value is its own field */
	if (v->dataset)
		return append_shown(buf, cap, 0, detail, strlen(detail));
	if (is_contract_rule(v))
		return rule_message(v, buf, cap);
	if (v->value && v->redacted) {
		n = (size_t)snprintf(pre, sizeof(pre), "%s ", redacted_text);
	} else if (v->value) {
		dcval_violation_value(v, true, value, sizeof(value));
		n = (size_t)snprintf(pre, sizeof(pre), "\"%s\" ", value);
	}
	n = append_shown(buf, cap, 0, pre, n);
	return append_shown(buf, cap, n, detail, strlen(detail));
}

dcval_status dv_report_message(const dcval_violation *v, dv_buf *b)
{
	size_t need = DV_REPORT_SHOW_ESC + 4;
	dcval_status st;

	if (v->detail)
		need += strlen(v->detail) < DV_REPORT_MESSAGE_MAX ?
				DV_ESC_GROWTH * strlen(v->detail) :
				DV_REPORT_MESSAGE_MAX;
	if (need > DV_REPORT_MESSAGE_MAX)
		need = DV_REPORT_MESSAGE_MAX;
	dv_buf_reset(b);
	st = dv_buf_reserve(b, need);
	if (st != DCVAL_OK)
		return st;
	b->len = dcval_violation_message(v, b->data, need + 1);
	return DCVAL_OK;
}

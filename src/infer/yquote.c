/*
 * YAML double-quoted scalars; see yquote.h. Reference: YAML 1.2.2
 * section 5.7 (escaped characters) and 5.1 (the printable set).
 */
#include <stdint.h>

#include "infer/yquote.h"
#include "util/utf8.h"

/* The code point of a valid UTF-8 character s[0..n). */
static uint32_t decode(const unsigned char *s, size_t n)
{
	if (n == 1)
		return s[0];
	if (n == 2)
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	if (n == 3)
		return (uint32_t)(s[0] & 0x0f) << 12 |
		       (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
	       (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
}

static dcval_status escape(dv_buf *b, uint32_t cp)
{
	switch (cp) {
	case 0:
		return dv_buf_append(b, "\\0", 2);
	case '\t':
		return dv_buf_append(b, "\\t", 2);
	case '\n':
		return dv_buf_append(b, "\\n", 2);
	case '\r':
		return dv_buf_append(b, "\\r", 2);
	case '"':
		return dv_buf_append(b, "\\\"", 2);
	case '\\':
		return dv_buf_append(b, "\\\\", 2);
	default:
		return cp < 0x100 ? dv_buf_printf(b, "\\x%02X", (unsigned)cp)
				  : dv_buf_printf(b, "\\u%04X", (unsigned)cp);
	}
}

static bool needs_escape(uint32_t cp)
{
	return cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7f ||
	       (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

dcval_status dv_yq_string(dv_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	dcval_status st = dv_buf_putc(b, '"');
	size_t i = 0, n, run = 0;
	uint32_t cp;

	while (st == DCVAL_OK && i < len) {
		n = dv_utf8_char_len(s + i, len - i);
		cp = n ? decode(p + i, n) : p[i];
		if (n && !needs_escape(cp)) {
			i += n;
			run += n;
			continue;
		}
		st = dv_buf_append(b, s + i - run, run);
		run = 0;
		if (st == DCVAL_OK)
			st = escape(b, cp);
		i += n ? n : 1;
	}
	if (st == DCVAL_OK)
		st = dv_buf_append(b, s + i - run, run);
	return st == DCVAL_OK ? dv_buf_putc(b, '"') : st;
}

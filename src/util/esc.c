/*
 * Escaping for one-line output; see esc.h. The forms follow the C
 * string escapes a reader already knows (\n, \x1b) and, for the C1
 * controls, which are two bytes in UTF-8, the code point (\u009b), as
 * Python's repr() and jq show them.
 */
#include <string.h>

#include "util/esc.h"
#include "util/utf8.h"

static const char hex[] = "0123456789abcdef";

size_t dv_esc_char(const char *s, size_t len, unsigned flags, char *out,
		   size_t *used)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = dv_utf8_char_len(s, len);

	*used = n ? n : 1;
	if (n == 2 && c == 0xC2 && (unsigned char)s[1] <= 0x9F) {
		/* U+0080..U+009F: C2 80..C2 9F */
		memcpy(out, "\\u00", 4);
		out[4] = hex[((unsigned char)s[1] >> 4) & 0xf];
		out[5] = hex[(unsigned char)s[1] & 0xf];
		return 6;
	}
	if (n > 1) {
		memcpy(out, s, n);
		return n;
	}
	if (n == 1 && c >= 0x20 && c != 0x7f) {
		if ((flags & DV_ESC_QUOTES) && (c == '\\' || c == '"')) {
			out[0] = '\\';
			out[1] = (char)c;
			return 2;
		}
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

size_t dv_esc_len(const char *s, size_t len, unsigned flags)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t i = 0, total = 0, used;

	while (i < len) {
		total += dv_esc_char(s + i, len - i, flags, tmp, &used);
		i += used;
	}
	return total;
}

void dv_esc_fwrite(FILE *f, const char *s, size_t len, unsigned flags)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t i = 0, run = 0, used, m;

	while (i < len) {
		m = dv_esc_char(s + i, len - i, flags, tmp, &used);
		if (m == used && memcmp(tmp, s + i, m) == 0) {
			i += used; /* copied as it is: keep it in the run */
			continue;
		}
		fwrite(s + run, 1, i - run, f);
		fwrite(tmp, 1, m, f);
		i += used;
		run = i;
	}
	fwrite(s + run, 1, i - run, f);
}

/*
 * Length of the white space character at s[0..len) as .NET's
 * Char.IsWhiteSpace() sees it (String.TrimStart() in the Actions runner,
 * actions/runner src/Runner.Worker/ActionCommandManager.cs), or 0. The
 * controls among them never reach here unescaped: only the space and
 * the Unicode spaces are looked for.
 */
static size_t space_len(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 1 && u[0] == ' ')
		return 1;
	if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2; /* U+00A0 */
	if (len >= 3 && u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80)
		return 3; /* U+1680 */
	if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] <= 0x8A || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF))
		return 3; /* U+2000..U+200A, U+2028, U+2029, U+202F */
	if (len >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3; /* U+205F */
	if (len >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3; /* U+3000 */
	return 0;
}

void dv_esc_fput_line_start(FILE *f, const char *s, size_t len)
{
	size_t i = 0, n;

	while ((n = space_len(s + i, len - i)) > 0)
		i += n;
	if (len - i >= 2 && s[i] == ':' && s[i + 1] == ':') {
		fwrite(s, 1, i, f);
		fputs("\\x3a", f);
		i++;
		fwrite(s + i, 1, len - i, f);
		return;
	}
	fwrite(s, 1, len, f);
}

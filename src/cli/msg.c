/*
 * Tool diagnostics on standard error; see msg.h.
 *
 * Everything printed here may quote what a user or a file supplied: a
 * path, an option, a contract key, a line of the contract. Each message
 * is formatted first and then written with its control characters
 * escaped (src/util/esc.h: \x1b, \u009b, \xNN for bytes that are not
 * UTF-8), so no diagnostic can forge a line or drive the terminal.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/msg.h"
#include "util/esc.h"

static void vmsg(const char *fmt, va_list ap)
{
	char small[512];
	char *text = small;
	va_list again;
	int n;

	assert(!strchr(fmt, '\n'));
	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small)) {
		text = malloc((size_t)n + 1);
		if (text)
			vsnprintf(text, (size_t)n + 1, fmt, again);
		else
			text = small; /* out of memory: the message cut */
	}
	va_end(again);
	if (n < 0)
		n = 0;
	if (text == small && (size_t)n >= sizeof(small))
		n = (int)strlen(small);
	fputs("dcval: ", stderr);
	dv_esc_fwrite(stderr, text, (size_t)n, 0);
	fputc('\n', stderr);
	if (text != small)
		free(text);
}

void dv_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void dv_usagef(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputs("dcval: try 'dcval --help'\n", stderr);
}

/*
 * Print line `line` of file `path` (escaped, as every diagnostic, and
 * never read as a workflow command) and a caret under its character `col`: the padding is as wide as what is
 * printed before it, one space per character, one per byte of an escape.
 */
static void quote_line(const char *path, unsigned long line, unsigned long col)
{
	char buf[512], tmp[DV_ESC_CHAR_MAX];
	char shown[DV_ESC_GROWTH * sizeof(buf)];
	unsigned long n = 1, k;
	size_t len, i, used, m, o = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (n < line && fgets(buf, sizeof(buf), f))
		if (strchr(buf, '\n'))
			n++;
	if (n == line && fgets(buf, sizeof(buf), f)) {
		len = strcspn(buf, "\r\n");
		for (i = 0; i < len; i += used) {
			m = dv_esc_char(buf + i, len - i, 0, shown + o, &used);
			o += m;
		}
		fputs("  ", stderr); /* trimmed by the Actions runner: */
		dv_esc_fput_line_start(stderr, shown, o); /* no "::" command */
		fputs("\n  ", stderr);
		for (i = 0, k = 1; i < len && k < col; i += used, k++) {
			m = dv_esc_char(buf + i, len - i, 0, tmp, &used);
			if (m == used && used > 1)
				m = 1; /* a character copied as it is */
			while (m--)
				fputc(' ', stderr);
		}
		fputs("^\n", stderr);
	}
	fclose(f);
}

void dv_error_print(const dcval_error *err)
{
	if (err->file[0] && err->line)
		dv_errorf("%s:%lu:%lu: %s", err->file, err->line,
			  err->col ? err->col : 1, err->text);
	else if (err->file[0])
		dv_errorf("%s: %s", err->file, err->text);
	else
		dv_errorf("%s", err->text);
	if (err->status == DCVAL_ECONTRACT && err->file[0] && err->line)
		quote_line(err->file, err->line, err->col);
}

/*
 * Tool diagnostics on standard error; see msg.h.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/msg.h"

static void vmsg(const char *fmt, va_list ap)
{
	assert(!strchr(fmt, '\n'));
	fputs("dcval: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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

/* Print line `line` of file `path` and a caret under column `col`. */
static void quote_line(const char *path, unsigned long line, unsigned long col)
{
	char buf[512];
	unsigned long n = 1, i;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (n < line && fgets(buf, sizeof(buf), f))
		if (strchr(buf, '\n'))
			n++;
	if (n == line && fgets(buf, sizeof(buf), f)) {
		buf[strcspn(buf, "\r\n")] = '\0';
		fprintf(stderr, "  %s\n  ", buf);
		for (i = 1; i < col && i < sizeof(buf); i++)
			fputc(buf[i - 1] == '\t' ? '\t' : ' ', stderr);
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

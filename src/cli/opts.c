/*
 * Option tables; see opts.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"

void dv_opts_build(const dv_opt *t, size_t n, struct option *longs,
		   char *shorts)
{
	size_t i, k = 0;

	shorts[k++] = ':'; /* report a missing value as ':' */
	for (i = 0; i < n; i++) {
		longs[i].name = t[i].lng;
		longs[i].has_arg = t[i].has_arg;
		longs[i].flag = NULL;
		longs[i].val = t[i].shrt;
		if (t[i].shrt < 256) {
			shorts[k++] = (char)t[i].shrt;
			if (t[i].has_arg == required_argument)
				shorts[k++] = ':';
		}
	}
	shorts[k] = '\0';
	memset(&longs[n], 0, sizeof(longs[n]));
}

void dv_opts_help(FILE *out, const dv_opt *t, size_t n)
{
	char left[64];
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].shrt < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", t[i].shrt,
				 t[i].lng, t[i].metavar ? " " : "",
				 t[i].metavar ? t[i].metavar : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", t[i].lng,
				 t[i].metavar ? " " : "",
				 t[i].metavar ? t[i].metavar : "");
		fprintf(out, "  %-28s %s\n", left, t[i].help);
	}
}

int dv_opts_uint(const char *s, unsigned long long *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return 0;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno == 0 && end != s && *end == '\0';
}

/*
 * Option tables; see opts.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exitcode.h"
#include "cli/msg.h"
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

int dv_opts_parse(const dv_opt *t, size_t n, const char *cmd, int argc,
		  char **argv, dv_opt_take take, void *ud, void (*help)(void))
{
	struct option longs[DV_OPTS_MAX + 1];
	char shorts[3 * DV_OPTS_MAX + 3], name[64];
	size_t i;
	int opt;

	if (n > DV_OPTS_MAX) {
		dv_errorf("%s: too many options for the parser", cmd);
		return DCVAL_EXIT_INTERNAL;
	}
	dv_opts_build(t, n, longs, shorts);
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (opt == 'h') {
			help();
			return DCVAL_EXIT_OK;
		}
		if (opt == ':') {
			/* "-qc" or "--contract": name it by its long name */
			snprintf(name, sizeof(name), "%s", argv[optind - 1]);
			for (i = 0; i < n; i++)
				if (optopt && t[i].shrt == optopt)
					snprintf(name, sizeof(name), "--%s", t[i].lng);
			dv_usagef("%s: option '%s' needs a value", cmd, name);
			return DCVAL_EXIT_USAGE;
		}
		if (opt == '?') {
			dv_usagef("%s: unknown option '%s'", cmd, argv[optind - 1]);
			return DCVAL_EXIT_USAGE;
		}
		if (!take(opt, optarg, ud))
			return DCVAL_EXIT_USAGE;
	}
	return -1;
}

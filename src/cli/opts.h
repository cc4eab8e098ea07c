/*
 * Option tables: one per command, building both the getopt_long array and
 * the help text, so they cannot drift apart.
 */
#ifndef DV_CLI_OPTS_H
#define DV_CLI_OPTS_H

#include <getopt.h>
#include <stdio.h>

typedef struct dv_opt {
	const char *lng;     /* long name */
	int shrt;            /* short letter, or a value > 255 for long-only */
	int has_arg;         /* no_argument or required_argument */
	const char *metavar; /* argument name in help, or NULL */
	const char *help;    /* one line */
} dv_opt;

/* Build getopt_long's arrays from a table of n options (terminated by
 * the caller's storage: longs has n + 1 entries, shorts 3 * n + 2 bytes). */
void dv_opts_build(const dv_opt *t, size_t n, struct option *longs,
		   char *shorts);

/* Print the options of table t as help lines. */
void dv_opts_help(FILE *out, const dv_opt *t, size_t n);

/* Parse a non-negative integer option value; false on junk or overflow. */
int dv_opts_uint(const char *s, unsigned long long *out);

#endif

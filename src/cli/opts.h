/*
 * Option tables: one per command, building both the getopt_long array and
 * the help text, so they cannot drift apart.
 */
#ifndef DV_CLI_OPTS_H
#define DV_CLI_OPTS_H

#include <getopt.h>
#include <stdbool.h>
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

/* The most options a table may have (the arrays dv_opts_parse builds). */
#define DV_OPTS_MAX 48

/* A command's handler of one option: false when the value is wrong (it
 * has reported why). */
typedef bool (*dv_opt_take)(int opt, const char *arg, void *ud);

/*
 * Read the options of argv by table t (n <= DV_OPTS_MAX) with getopt_long,
 * for the command `cmd`: take(opt, value, ud) per option, help() for -h.
 * A missing value is "CMD: option '--NAME' needs a value" (the long name,
 * whichever spelling was given), an unknown option "CMD: unknown option
 * 'ARG'". Returns -1 when every option was read (optind is at the first
 * operand), else the exit code: 0 after the help, 2 on a usage error.
 */
int dv_opts_parse(const dv_opt *t, size_t n, const char *cmd, int argc,
		  char **argv, dv_opt_take take, void *ud, void (*help)(void));

/* Print the options of table t as help lines. */
void dv_opts_help(FILE *out, const dv_opt *t, size_t n);

/* Parse a non-negative integer option value; false on junk or overflow. */
int dv_opts_uint(const char *s, unsigned long long *out);

#endif

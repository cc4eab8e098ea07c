/*
 * Arguments of `dcval validate`, parsed from the command line.
 */
#ifndef DV_CLI_VALIDATE_ARGS_H
#define DV_CLI_VALIDATE_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "cli/opts.h"

struct dv_validate_args {
	const char *contract;         /* -c */
	dcval_format format;          /* -f, AUTO when not given */
	dcval_report_format report;   /* -r */
	const char *output;           /* -o, NULL: standard output */
	uint64_t max_violations;      /* --max-violations, DCVAL_REPORT_ALL: all */
	bool fail_fast;               /* --fail-fast */
	const char *valid_out;        /* --valid-out */
	const char *invalid_out;      /* --invalid-out */
	const char *partial_out;      /* --partial-out: a part for dcval merge */
	bool warn_only;               /* --warn-only */
	const char *now;              /* --now: RFC 3339, checked */
	unsigned long long jobs;      /* -j: 0 when not given (cores) */
	bool quiet;                   /* -q */
	unsigned long long max_field; /* --max-field-bytes, 0: default */
	unsigned long long max_line;  /* --max-line-bytes, 0: default */
	char **inputs;                /* files, "-" standard input */
	int n_inputs;
};

/* Parse argv (argv[0] is "validate"). Returns -1 to go on, or an exit
 * code to return (help printed: 0; usage error: 2). */
int dv_validate_parse(int argc, char **argv, struct dv_validate_args *a);

/* --max-violations' value: a number or "all"; false on a usage error
 * (reported, naming the flag). */
bool dv_parse_max_violations(const char *val, uint64_t *out);

/* "text, json, ...": every report format's name, into buf. */
const char *dv_report_names(char *buf, size_t n);

/* Print a command's options to standard output (dv_opts_help), -r's
 * line naming the report formats. */
void dv_report_opts_help(const dv_opt *opts, size_t n);

/* Outputs that would clobber each other, an input or the contract (spec
 * cli.md "Behaviour users count on"): reported as a usage error before
 * anything is read. Returns 0, 2 (usage error) or 4 (out of memory). */
int dv_validate_outputs_apart(const struct dv_validate_args *a);

#endif

/*
 * dcval lint CONTRACT...: load and compile each contract, report every
 * file's first error, exit 0 when all are valid, 2 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "dcval/dcval.h"

enum { OPT_DUMP = 256 };

static const dv_opt lint_opts[] = {
	{ "dump-compiled", OPT_DUMP, no_argument, NULL,
	  "print the compiled check program (for tests)" },
	{ "help", 'h', no_argument, NULL, "show this help" },
};

#define N_LINT_OPTS (sizeof(lint_opts) / sizeof(lint_opts[0]))

static void lint_help(void)
{
	puts("usage: dcval lint [--dump-compiled] CONTRACT ...\n\n"
	     "Check contracts without reading data: exit 0 when all are valid,\n"
	     "2 when any is not (each file's first error is reported).\n");
	dv_opts_help(stdout, lint_opts, N_LINT_OPTS);
}

static int lint_one(const char *path, int dump)
{
	dcval_contract *c;
	dcval_error err;

	dcval_error_clear(&err);
	c = dcval_contract_load_file(path, &err);
	if (!c) {
		dv_error_print(&err);
		return err.status == DCVAL_ENOMEM ? DCVAL_EXIT_INTERNAL
						  : DCVAL_EXIT_USAGE;
	}
	if (dump && dcval_contract_dump(c, stdout) != DCVAL_OK) {
		dcval_contract_free(c);
		return DCVAL_EXIT_IO;
	}
	dcval_contract_free(c);
	return DCVAL_EXIT_OK;
}

static bool take(int opt, const char *arg, void *ud)
{
	(void)arg;
	if (opt != OPT_DUMP)
		return false;
	*(int *)ud = 1;
	return true;
}

int dv_cmd_lint(int argc, char **argv)
{
	int dump = 0, rc, r, i;

	rc = dv_opts_parse(lint_opts, N_LINT_OPTS, "lint", argc, argv, take, &dump,
			   lint_help);
	if (rc >= 0)
		return rc;
	rc = DCVAL_EXIT_OK;
	if (optind >= argc) {
		dv_usagef("lint: no contract given");
		return DCVAL_EXIT_USAGE;
	}
	for (i = optind; i < argc; i++) {
		r = lint_one(argv[i], dump);
		if (r > rc)
			rc = r;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		dv_errorf("write error: standard output");
		return DCVAL_EXIT_IO;
	}
	return rc;
}

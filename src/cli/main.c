/*
 * dcval: dispatch to one command per file.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "dcval/dcval.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
	{ "export", dv_cmd_export },
	{ "infer", dv_cmd_infer },
	{ "diff", dv_cmd_diff },
	{ "lint", dv_cmd_lint },
	{ "merge", dv_cmd_merge },
	{ "profile", dv_cmd_profile },
	{ "validate", dv_cmd_validate },
};

/* Commands of the spec that this version does not have yet. */
static const char *const planned[] = { NULL };

int main(int argc, char **argv)
{
	size_t i;

	/* a closed pipe ends us quietly, even if the parent ignored SIGPIPE */
	signal(SIGPIPE, SIG_DFL);
	if (argc < 2) {
		dv_usagef("missing command");
		return DCVAL_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		dv_main_help();
		return DCVAL_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("dcval %s\n", dcval_version());
		return DCVAL_EXIT_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	for (i = 0; i < sizeof(planned) / sizeof(planned[0]); i++) {
		if (planned[i] && !strcmp(argv[1], planned[i])) {
			dv_errorf("'%s' is planned and not available in this version",
				  argv[1]);
			return DCVAL_EXIT_USAGE;
		}
	}
	dv_usagef("unknown command '%s'", argv[1]);
	return DCVAL_EXIT_USAGE;
}

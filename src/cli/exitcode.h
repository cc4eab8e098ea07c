/*
 * Exit codes of the dcval command: copied in README.md and `dcval --help`.
 * When several apply, the highest wins. Never renumber.
 */
#ifndef DV_CLI_EXITCODE_H
#define DV_CLI_EXITCODE_H

enum dv_exit {
	DCVAL_EXIT_OK = 0,         /* every input satisfied the contract (warnings allowed) */
	DCVAL_EXIT_VIOLATIONS = 1, /* at least one error-severity violation */
	DCVAL_EXIT_USAGE = 2,      /* usage error, or the contract is invalid */
	DCVAL_EXIT_IO = 3,         /* an input or output could not be read or written */
	DCVAL_EXIT_INTERNAL = 4    /* out of memory or an internal error (a bug: report it) */
};

#endif

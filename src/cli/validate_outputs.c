/*
 * Outputs never clobber each other or an input (spec cli.md "Behaviour
 * users count on"): checked right after the options are parsed, before
 * the contract or any input is read. A clash is a usage error.
 *
 * The outputs are -o, --valid-out, --invalid-out and --partial-out, and standard output
 * when the report goes there (no -o, no -q, no quarantine "-"). "-" names
 * standard output: given twice it is a clash, and a file that is standard
 * output (/dev/stdout, or the file the shell redirected it to) clashes
 * with "-". Inputs ("-": standard input) and the contract clash with an
 * output that is the same regular file or a file not there yet; pipes
 * and terminals read and written at once are not clobbered.
 */
#include <string.h>
#include <unistd.h>

#include "cli/exitcode.h"
#include "cli/fileid.h"
#include "cli/msg.h"
#include "cli/validate_args.h"

#define N_OUTS 5

struct out {
	const char *flag; /* "-o", "--valid-out", ... */
	const char *path; /* as given; "-": standard output */
	dv_file_id id;
};

static bool is_dash(const char *p)
{
	return p && !strcmp(p, "-");
}

/* The outputs of a; returns how many, or -1 when out of memory. */
static int collect(const struct dv_validate_args *a, struct out *o)
{
	const char *flags[] = { "-o", "--valid-out", "--invalid-out",
				"--partial-out" };
	const char *paths[] = { a->output, a->valid_out, a->invalid_out,
				a->partial_out };
	int n = 0, i;

	for (i = 0; i < 4; i++) {
		if (!paths[i])
			continue;
		o[n].flag = flags[i];
		o[n].path = paths[i];
		if (dv_file_id_init(&o[n].id, is_dash(paths[i]) ? NULL : paths[i], 1) != 0)
			return -1;
		n++;
	}
	if (!a->quiet && !a->output && !is_dash(a->valid_out) &&
	    !is_dash(a->invalid_out)) {
		o[n].flag = "the report";
		o[n].path = "-";
		if (dv_file_id_init(&o[n].id, NULL, 1) != 0)
			return -1;
		n++;
	}
	return n;
}

/* Two outputs that write the same file; false when reported. */
static bool outputs_apart(const struct out *o, int n)
{
	int i, k;

	for (i = 0; i < n; i++) {
		for (k = i + 1; k < n; k++) {
			if (is_dash(o[i].path) && is_dash(o[k].path)) {
				dv_usagef("%s and %s both write to standard output",
					  o[i].flag, o[k].flag);
				return false;
			}
			if (!dv_file_id_same(&o[i].id, &o[k].id))
				continue;
			if (is_dash(o[k].path))
				dv_usagef("%s '%s' is standard output, where %s writes",
					  o[i].flag, o[i].path, o[k].flag);
			else if (is_dash(o[i].path))
				dv_usagef("%s '%s' is standard output, where %s writes",
					  o[k].flag, o[k].path, o[i].flag);
			else
				dv_usagef("%s '%s' and %s '%s' are the same file",
					  o[i].flag, o[i].path, o[k].flag, o[k].path);
			return false;
		}
	}
	return true;
}

/* Whether writing o would overwrite the file `in` reads. */
static int clobbers(const struct out *o, const char *in, bool *same)
{
	dv_file_id id;

	*same = false;
	if (dv_file_id_init(&id, is_dash(in) ? NULL : in, 0) != 0)
		return -1;
	if ((id.is_reg || !id.exists) && dv_file_id_same(&o->id, &id))
		*same = true;
	dv_file_id_release(&id);
	return 0;
}

static void say_clash(const struct out *o, const char *what)
{
	if (is_dash(o->path))
		dv_usagef("standard output is %s", what);
	else
		dv_usagef("output '%s' is %s", o->path, what);
}

/* An output that is an input or the contract: an exit code, 0 if none. */
static int inputs_apart(const struct dv_validate_args *a, const struct out *o,
			 int n)
{
	static char dash[] = "-";
	char *stdin_only[] = { dash };
	char **inputs = a->n_inputs ? a->inputs : stdin_only;
	int n_inputs = a->n_inputs ? a->n_inputs : 1;
	bool same;
	int i, k;

	for (i = 0; i < n; i++) {
		if (clobbers(&o[i], a->contract, &same) != 0)
			goto out_nomem;
		if (same) {
			say_clash(&o[i], "the contract");
			return DCVAL_EXIT_USAGE;
		}
		for (k = 0; k < n_inputs; k++) {
			if (clobbers(&o[i], inputs[k], &same) != 0)
				goto out_nomem;
			if (same) {
				say_clash(&o[i], "also an input");
				return DCVAL_EXIT_USAGE;
			}
		}
	}
	return DCVAL_EXIT_OK;
out_nomem:
	dv_errorf("out of memory");
	return DCVAL_EXIT_INTERNAL;
}

int dv_validate_outputs_apart(const struct dv_validate_args *a)
{
	struct out o[N_OUTS];
	int n, i, rc = DCVAL_EXIT_INTERNAL;

	memset(o, 0, sizeof(o));
	n = collect(a, o);
	if (n < 0)
		dv_errorf("out of memory");
	else if (!outputs_apart(o, n))
		rc = DCVAL_EXIT_USAGE;
	else
		rc = inputs_apart(a, o, n);
	for (i = 0; i < N_OUTS; i++)
		dv_file_id_release(&o[i].id);
	return rc;
}

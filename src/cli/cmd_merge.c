/*
 * dcval merge: the parts of a sharded run (validate --partial-out) into
 * the report and exit code one `dcval validate` over all their inputs,
 * in part order, would give (spec cli.md "Sharded runs").
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/fileid.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "cli/outfile.h"
#include "cli/validate_args.h"
#include "dcval/dcval.h"
#include "engine/part.h"

enum { OPT_MAX_VIOLATIONS = 256, OPT_WARN_ONLY };

static const dv_opt merge_opts[] = {
	{ "contract", 'c', required_argument, "FILE",
	  "the contract the parts were made with (required)" },
	{ "help", 'h', no_argument, NULL, "show this help" },
	{ "max-violations", OPT_MAX_VIOLATIONS, required_argument, "N",
	  "list at most N violations (default 100; 0: summary only; all)" },
	{ "output", 'o', required_argument, "FILE", "write the report there" },
	{ "report", 'r', required_argument, "FMT", NULL /* merge_help() */ },
	{ "warn-only", OPT_WARN_ONLY, no_argument, NULL,
	  "report everything, exit 0 unless the contract or a part is unusable" },
};

#define N_MERGE_OPTS (sizeof(merge_opts) / sizeof(merge_opts[0]))

struct merge_args {
	const char *contract;
	dcval_report_format report;
	const char *output;
	uint64_t max_violations;
	bool warn_only;
	char **parts;
	int n_parts;
};

static void merge_help(void)
{
	puts("usage: dcval merge -c CONTRACT [options] PART ...\n\n"
	     "Merge the parts of a sharded run (dcval validate --partial-out) into\n"
	     "the report and exit code of one run over all their inputs, in the\n"
	     "order of the parts given.\n");
	dv_report_opts_help(merge_opts, N_MERGE_OPTS);
	puts("\nexit codes: 0 valid (warnings allowed), 1 violations, 2 usage, invalid\n"
	     "contract or a part of another contract or format version, 3 unreadable\n"
	     "input or part or unwritable output, 4 internal error");
}

static bool take(int opt, const char *arg, void *ud)
{
	struct merge_args *a = ud;
	char names[128];

	switch (opt) {
	case 'c': a->contract = arg; return true;
	case 'o': a->output = arg; return true;
	case 'r':
		if (dcval_report_format_parse(arg, &a->report))
			return true;
		dv_usagef("--report: unknown report format '%s' (%s)", arg,
			  dv_report_names(names, sizeof(names)));
		return false;
	case OPT_MAX_VIOLATIONS:
		return dv_parse_max_violations(arg, &a->max_violations);
	case OPT_WARN_ONLY: a->warn_only = true; return true;
	}
	return false;
}

/* -o must not be the contract or a part. */
static int output_apart(const struct merge_args *a)
{
	dv_file_id out, in;
	int i, rc = DCVAL_EXIT_OK;

	if (!a->output || !strcmp(a->output, "-"))
		return DCVAL_EXIT_OK;
	if (dv_file_id_init(&out, a->output, 1) != 0)
		return DCVAL_EXIT_INTERNAL;
	for (i = -1; i < a->n_parts && rc == DCVAL_EXIT_OK; i++) {
		const char *p = i < 0 ? a->contract : a->parts[i];

		if (dv_file_id_init(&in, p, 0) != 0) {
			rc = DCVAL_EXIT_INTERNAL;
			break;
		}
		if ((in.is_reg || !in.exists) && dv_file_id_same(&out, &in)) {
			dv_usagef("output '%s' is %s", a->output,
				  i < 0 ? "the contract" : "also a part");
			rc = DCVAL_EXIT_USAGE;
		}
		dv_file_id_release(&in);
	}
	dv_file_id_release(&out);
	if (rc == DCVAL_EXIT_INTERNAL)
		dv_errorf("out of memory");
	return rc;
}

static int parse(int argc, char **argv, struct merge_args *a)
{
	int rc;

	memset(a, 0, sizeof(*a));
	a->max_violations = 100;
	rc = dv_opts_parse(merge_opts, N_MERGE_OPTS, "merge", argc, argv, take, a,
			   merge_help);
	if (rc >= 0)
		return rc;
	if (!a->contract) {
		dv_usagef("merge: no contract given (-c FILE)");
		return DCVAL_EXIT_USAGE;
	}
	a->parts = argv + optind;
	a->n_parts = argc - optind;
	if (!a->n_parts) {
		dv_usagef("merge: no part given");
		return DCVAL_EXIT_USAGE;
	}
	rc = output_apart(a);
	return rc ? rc : -1;
}

struct merge_run {
	struct merge_args a;
	dcval_contract *c;
	dv_merge *m;
	dcval_report *report;
	dcval_validator *v;
	dv_outfile out;      /* -o, unless the report goes to stdout */
	FILE *fp;            /* where the report goes */
	bool write_failed;   /* reported */
	int rc;
};

static int exit_of(dcval_status st)
{
	switch (st) {
	case DCVAL_EUSAGE:
	case DCVAL_ECONTRACT:
		return DCVAL_EXIT_USAGE;
	case DCVAL_EIO:
		return DCVAL_EXIT_IO;
	default:
		return DCVAL_EXIT_INTERNAL;
	}
}

static void write_error(struct merge_run *r)
{
	if (!r->write_failed)
		dv_errorf("%s: write error: %s",
			  r->fp == stdout ? "standard output" : r->a.output,
			  strerror(errno ? errno : EIO));
	r->write_failed = true;
	if (r->rc < DCVAL_EXIT_IO)
		r->rc = DCVAL_EXIT_IO;
}

/* Contract, parts, output, report and validator. */
static int setup(struct merge_run *r)
{
	dcval_validate_opts vo;
	dcval_report_opts ro;
	dcval_error err;

	dcval_error_clear(&err);
	r->c = dcval_contract_load_file(r->a.contract, &err);
	if (r->c)
		r->m = dv_merge_open(r->c, r->a.parts, (size_t)r->a.n_parts, &err);
	if (!r->c || !r->m) {
		dv_error_print(&err);
		return exit_of(err.status);
	}
	r->fp = stdout;
	if (r->a.output) {
		if (dv_outfile_open(&r->out, r->a.output) != 0) {
			dv_errorf("%s: cannot open: %s", r->a.output, strerror(errno));
			return DCVAL_EXIT_IO;
		}
		r->fp = r->out.f;
	}
	memset(&ro, 0, sizeof(ro));
	ro.format = r->a.report;
	ro.max_violations = r->a.max_violations;
	ro.spool_dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	memset(&vo, 0, sizeof(vo));
	r->report = dcval_report_new(&ro, r->fp, &err);
	vo.on_violation = dcval_report_violation;
	vo.ud = r->report;
	vo.has_now = true;
	dv_merge_now(r->m, &vo.now_secs, &vo.now_ns);
	if (r->report)
		r->v = dcval_validator_new(r->c, &vo, &err);
	if (!r->v) {
		dv_errorf("out of memory");
		return DCVAL_EXIT_INTERNAL;
	}
	return DCVAL_EXIT_OK;
}

static void merge(struct merge_run *r)
{
	const dcval_input_info *in;
	dcval_status st;
	dcval_error err;
	size_t i, n;

	dcval_error_clear(&err);
	st = dv_merge_run(r->m, r->v, &err);
	if (st != DCVAL_OK && err.status) {
		dv_error_print(&err);
		r->rc = exit_of(err.status);
		return;
	}
	if (st == DCVAL_OK)
		st = dcval_validator_finish(r->v);
	if (st != DCVAL_OK) {
		write_error(r);
		return;
	}
	if (dcval_report_finish(r->report, r->c, r->v) != DCVAL_OK)
		write_error(r);
	if (dcval_validator_counts(r->v)->errors && !r->a.warn_only &&
	    r->rc < DCVAL_EXIT_VIOLATIONS)
		r->rc = DCVAL_EXIT_VIOLATIONS;
	/* an input unreadable in its shard: exit 3, as one run, and a line
	 * on standard error, as its shard printed (the report lists it) */
	in = dcval_validator_inputs(r->v, &n);
	for (i = 0; i < n; i++) {
		if (in[i].status == DCVAL_OK)
			continue;
		dv_errorf("%s: cannot be read: %s", in[i].path, in[i].error);
		if (r->rc < DCVAL_EXIT_IO)
			r->rc = DCVAL_EXIT_IO;
	}
}

/* The report replaces its -o target when it was written whole: as
 * validate's, it records unreadable inputs too (exit 3). */
static void close_output(struct merge_run *r)
{
	bool whole = r->v && r->rc < DCVAL_EXIT_INTERNAL &&
		     r->rc != DCVAL_EXIT_USAGE;

	if (r->out.f && dv_outfile_close(&r->out) != 0)
		write_error(r);
	if (r->out.tmp && whole && !r->write_failed &&
	    dv_outfile_commit(&r->out) != 0)
		write_error(r);
	dv_outfile_abort(&r->out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		r->fp = stdout;
		write_error(r);
	}
}

int dv_cmd_merge(int argc, char **argv)
{
	struct merge_run r;

	memset(&r, 0, sizeof(r));
	r.rc = parse(argc, argv, &r.a);
	if (r.rc >= 0)
		return r.rc;
	r.rc = setup(&r);
	if (r.rc == DCVAL_EXIT_OK)
		merge(&r);
	close_output(&r);
	dcval_report_free(r.report);
	dcval_validator_free(r.v);
	dv_merge_free(r.m);
	dcval_contract_free(r.c);
	return r.rc;
}

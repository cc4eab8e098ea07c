/*
 * dcval validate: load the contract, open the outputs, run every input
 * through one validator, write the report, pick the exit code.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/outfile.h"
#include "cli/progress.h"
#include "cli/validate_args.h"
#include "cli/zout.h"
#include "dcval/dcval.h"

/* One run's process state. */
struct dv_run {
	struct dv_validate_args a;
	dcval_contract *contract;
	dcval_validator *v;
	dcval_report *report;
	dv_outfile out;     /* the report, unless it goes to stdout or stderr */
	FILE *report_fp;    /* where the report goes */
	dv_outfile valid;   /* quarantine */
	dv_outfile invalid;
	dv_progress progress; /* on a terminal, for large inputs */
	int rc;             /* highest exit code so far */
	bool write_failed;  /* a write error was reported already */
};

static void raise_rc(struct dv_run *r, int rc)
{
	if (rc > r->rc)
		r->rc = rc;
}

/* Refuse outputs that would overwrite an input. */
static bool outputs_safe(const struct dv_validate_args *a)
{
	const char *outs[] = { a->output, a->valid_out, a->invalid_out };
	size_t i;
	int k;

	for (i = 0; i < 3; i++) {
		if (!outs[i])
			continue;
		for (k = 0; k < a->n_inputs; k++) {
			if (dv_same_file(outs[i], a->inputs[k])) {
				dv_usagef("output '%s' is also an input", outs[i]);
				return false;
			}
		}
		if (dv_same_file(outs[i], a->contract)) {
			dv_usagef("output '%s' is the contract", outs[i]);
			return false;
		}
	}
	return true;
}

static int open_outputs(struct dv_run *r)
{
	const struct dv_validate_args *a = &r->a;
	bool std_quarantine = (a->valid_out && !strcmp(a->valid_out, "-")) ||
			      (a->invalid_out && !strcmp(a->invalid_out, "-"));

	r->report_fp = std_quarantine ? stderr : stdout;
	if (a->output && dv_outfile_open(&r->out, a->output, false) == 0)
		r->report_fp = r->out.f;
	else if (a->output)
		goto out_fail;
	if (a->valid_out && (dv_outfile_open(&r->valid, a->valid_out, true) != 0 ||
			     dv_zout_wrap(&r->valid.f, a->valid_out) != 0)) {
		a = &r->a;
		dv_errorf("%s: cannot open: %s", a->valid_out, strerror(errno));
		return DCVAL_EXIT_IO;
	}
	if (a->invalid_out && (dv_outfile_open(&r->invalid, a->invalid_out, true) != 0 ||
			       dv_zout_wrap(&r->invalid.f, a->invalid_out) != 0)) {
		dv_errorf("%s: cannot open: %s", a->invalid_out, strerror(errno));
		return DCVAL_EXIT_IO;
	}
	return DCVAL_EXIT_OK;
out_fail:
	dv_errorf("%s: cannot open: %s", a->output, strerror(errno));
	return DCVAL_EXIT_IO;
}

static int setup(struct dv_run *r)
{
	dcval_validate_opts vo;
	dcval_report_opts ro;
	dcval_error err;
	int rc;

	dcval_error_clear(&err);
	r->contract = dcval_contract_load_file(r->a.contract, &err);
	if (!r->contract) {
		dv_error_print(&err);
		return err.status == DCVAL_ENOMEM ? DCVAL_EXIT_INTERNAL : DCVAL_EXIT_USAGE;
	}
	if (!outputs_safe(&r->a))
		return DCVAL_EXIT_USAGE;
	rc = open_outputs(r);
	if (rc != DCVAL_EXIT_OK)
		return rc;
	memset(&ro, 0, sizeof(ro));
	ro.format = r->a.report;
	ro.max_violations = r->a.max_violations;
	memset(&vo, 0, sizeof(vo));
	if (!r->a.quiet) {
		r->report = dcval_report_new(&ro, r->report_fp, &err);
		if (!r->report)
			goto out_nomem;
		vo.on_violation = dcval_report_violation;
		vo.ud = r->report;
	}
	vo.flags = r->a.fail_fast ? DCVAL_VALIDATE_FAIL_FAST : 0;
	vo.format = r->a.format;
	vo.valid_out = r->valid.f;
	vo.invalid_out = r->invalid.f;
	vo.max_field_bytes = (size_t)r->a.max_field;
	vo.max_line_bytes = (size_t)r->a.max_line;
	dv_progress_init(&r->progress, r->a.quiet);
	if (r->progress.enabled) {
		/* clear the progress line before a violation is printed */
		r->progress.next = vo.on_violation;
		r->progress.next_ud = vo.ud;
		vo.on_violation = dv_progress_violation;
		vo.ud = &r->progress;
		vo.on_progress = dv_progress_update;
		vo.progress_ud = &r->progress;
	}
	r->v = dcval_validator_new(r->contract, &vo, &err);
	if (!r->v)
		goto out_nomem;
	return DCVAL_EXIT_OK;
out_nomem:
	dv_errorf("out of memory");
	return DCVAL_EXIT_INTERNAL;
}

/* Which output failed: name it. */
static void write_failed(struct dv_run *r)
{
	const char *name = "report";

	if (r->valid.f && ferror(r->valid.f))
		name = r->a.valid_out;
	else if (r->invalid.f && ferror(r->invalid.f))
		name = r->a.invalid_out;
	else if (r->a.output)
		name = r->a.output;
	if (!r->write_failed)
		dv_errorf("%s: write error: %s",
			  !strcmp(name, "-") ? "standard output" : name,
			  strerror(errno ? errno : EIO));
	r->write_failed = true;
	raise_rc(r, DCVAL_EXIT_IO);
}

/* Run one input; returns false when the run must stop. */
static bool run_input(struct dv_run *r, const char *path)
{
	FILE *in = stdin;
	dcval_error err;
	dcval_status st;

	dcval_error_clear(&err);
	if (strcmp(path, "-") && !(in = fopen(path, "rb"))) {
		dv_errorf("%s: cannot open: %s", path, strerror(errno));
		raise_rc(r, DCVAL_EXIT_IO);
		return dcval_validator_input_failed(r->v, path, DCVAL_EIO,
						    strerror(errno)) == DCVAL_OK;
	}
	dv_progress_start(&r->progress, in);
	st = dcval_validator_run(r->v, path, in, &err);
	dv_progress_end(&r->progress);
	if (in != stdin)
		fclose(in);
	switch (st) {
	case DCVAL_OK:
		return true;
	case DCVAL_STOP:
		return false;
	case DCVAL_EIO:
		if (err.status == DCVAL_EIO) {
			dv_error_print(&err);
			raise_rc(r, DCVAL_EXIT_IO);
			return true;
		}
		write_failed(r);
		return false;
	default:
		dv_errorf("%s: %s", path, err.status ? err.text : dcval_status_str(st));
		raise_rc(r, DCVAL_EXIT_INTERNAL);
		return false;
	}
}

static void finish(struct dv_run *r, bool completed)
{
	dcval_status st = DCVAL_OK;

	if (completed)
		st = dcval_validator_finish(r->v);
	if (st == DCVAL_EIO)
		write_failed(r);
	if (r->report && dcval_report_finish(r->report, r->contract, r->v) != DCVAL_OK)
		write_failed(r);
	if (dcval_validator_counts(r->v)->errors && !r->a.warn_only)
		raise_rc(r, DCVAL_EXIT_VIOLATIONS);
}

static void output_failed(struct dv_run *r, const dv_outfile *o)
{
	if (!r->write_failed)
		dv_errorf("%s: write error: %s",
			  o->is_stdout ? "standard output" : o->target,
			  strerror(errno));
	r->write_failed = true;
	raise_rc(r, DCVAL_EXIT_IO);
}

/*
 * Flush every output first and rename quarantine files into place only
 * when all of them were written: a failure on one never leaves the other
 * replaced by a run that failed.
 */
static void close_outputs(struct dv_run *r)
{
	dv_outfile *q[] = { &r->valid, &r->invalid, &r->out };
	size_t i;

	for (i = 0; i < 3; i++)
		if (q[i]->f && (dv_zout_finish(q[i]->f) != 0 ||
				dv_outfile_flush(q[i]) != 0))
			output_failed(r, q[i]);
	for (i = 0; i < 3; i++) {
		if (!q[i]->f)
			continue;
		if (r->rc >= DCVAL_EXIT_IO && q[i] != &r->out)
			dv_outfile_abort(q[i]);
		else if (dv_outfile_commit(q[i]) != 0)
			output_failed(r, q[i]);
	}
	if ((fflush(stdout) != 0 || ferror(stdout)) && !r->write_failed) {
		dv_errorf("write error: standard output: %s", strerror(errno));
		raise_rc(r, DCVAL_EXIT_IO);
	}
}

int dv_cmd_validate(int argc, char **argv)
{
	static char dash[] = "-";
	static char *stdin_only[] = { dash };
	struct dv_run r;
	bool go = true;
	int rc, i;

	memset(&r, 0, sizeof(r));
	rc = dv_validate_parse(argc, argv, &r.a);
	if (rc >= 0)
		return rc;
	if (r.a.n_inputs == 0) {
		r.a.inputs = stdin_only;
		r.a.n_inputs = 1;
	}
	r.rc = setup(&r);
	if (r.rc == DCVAL_EXIT_OK) {
		for (i = 0; i < r.a.n_inputs && go; i++)
			go = run_input(&r, r.a.inputs[i]);
		finish(&r, go);
	}
	close_outputs(&r);
	dcval_report_free(r.report);
	dcval_validator_free(r.v);
	dcval_contract_free(r.contract);
	return r.rc;
}

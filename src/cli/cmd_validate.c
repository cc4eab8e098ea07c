/*
 * dcval validate: load the contract, open the outputs, run every input
 * through one validator, write the report, pick the exit code.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "cli/outfile.h"
#include "cli/progress.h"
#include "cli/validate_args.h"
#include "cli/zout.h"
#include "dcval/dcval.h"
#include "engine/part.h"
#include "value/types.h"

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
	dv_outfile partial; /* --partial-out */
	dv_part *part;      /* the part written there, or NULL */
	bool part_done;     /* it was written whole */
	dv_progress progress; /* on a terminal, for large inputs */
	int rc;             /* highest exit code so far */
	bool write_failed;  /* a write error was reported already */
};

static void raise_rc(struct dv_run *r, int rc)
{
	if (rc > r->rc)
		r->rc = rc;
}

/* Open one output; false when it failed (reported). */
static bool open_output(dv_outfile *o, const char *target)
{
	if (dv_outfile_open(o, target) == 0)
		return true;
	switch (o->fail) {
	case DV_OUTFILE_READONLY:
		dv_errorf("%s: cannot write: file is read-only", target);
		break;
	case DV_OUTFILE_TEMP:
		dv_errorf("%s: cannot create a temporary file in '%s': %s",
			  target, o->dir, strerror(errno));
		break;
	default:
		dv_errorf("%s: cannot open: %s", target, strerror(errno));
	}
	return false;
}

/* Open a quarantine output, compressed when its name says so (zout.h). */
static bool open_quarantine(dv_outfile *o, const char *target)
{
	if (!open_output(o, target))
		return false;
	if (dv_zout_wrap(&o->f, target, &o->zout) == 0)
		return true;
	dv_errorf("%s: cannot open: %s", target, strerror(errno));
	return false;
}

static int open_outputs(struct dv_run *r)
{
	const struct dv_validate_args *a = &r->a;
	bool std_quarantine = (a->valid_out && !strcmp(a->valid_out, "-")) ||
			      (a->invalid_out && !strcmp(a->invalid_out, "-"));

	r->report_fp = std_quarantine ? stderr : stdout;
	if (a->output && !a->quiet) {
		if (!open_output(&r->out, a->output))
			return DCVAL_EXIT_IO;
		r->report_fp = r->out.f;
	}
	if (a->valid_out && !open_quarantine(&r->valid, a->valid_out))
		return DCVAL_EXIT_IO;
	if (a->invalid_out && !open_quarantine(&r->invalid, a->invalid_out))
		return DCVAL_EXIT_IO;
	if (a->partial_out && !open_output(&r->partial, a->partial_out))
		return DCVAL_EXIT_IO;
	return DCVAL_EXIT_OK;
}

/* The folder of temporary spool files: $TMPDIR, else /tmp. */
static const char *spool_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d && *d ? d : "/tmp";
}

/* Test knobs (README "Parallel validation"): DCVAL_CHUNK_BYTES forces
 * parallel validation in chunks of that many bytes (small ones: many
 * chunks), DCVAL_JOBS is -j when -j is not given; 0 when unset or not a
 * positive number up to max. */
static size_t env_knob(const char *name, unsigned long long max)
{
	const char *s = getenv(name);
	unsigned long long n;

	if (!s || !dv_opts_uint(s, &n) || n == 0 || n > max)
		return 0;
	return (size_t)n;
}

/* dcval_validate_opts.on_flush: after each record of a live input that
 * produced output, the report and the quarantine outputs reach their
 * readers (compressed ones with a sync flush). */
static dcval_status flush_outputs(void *ud)
{
	struct dv_run *r = ud;

	if (r->report && dcval_report_flush(r->report) != DCVAL_OK)
		return DCVAL_EIO;
	if (dv_zout_flush(r->valid.f, r->valid.zout) != 0 ||
	    dv_zout_flush(r->invalid.f, r->invalid.zout) != 0)
		return DCVAL_EIO;
	return DCVAL_OK;
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
	rc = open_outputs(r);
	if (rc != DCVAL_EXIT_OK)
		return rc;
	memset(&ro, 0, sizeof(ro));
	ro.format = r->a.report;
	ro.max_violations = r->a.max_violations;
	ro.spool_dir = spool_dir();
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
	vo.on_flush = flush_outputs;
	vo.flush_ud = r;
	vo.max_field_bytes = (size_t)r->a.max_field;
	vo.max_line_bytes = (size_t)r->a.max_line;
	vo.jobs = r->a.jobs > 64 ? 64 : (unsigned)r->a.jobs;
	if (!vo.jobs)
		vo.jobs = (unsigned)env_knob("DCVAL_JOBS", 64);
	vo.chunk_bytes = env_knob("DCVAL_CHUNK_BYTES", (size_t)1 << 30);
	if (r->a.now) /* checked by dv_validate_parse() */
		vo.has_now = dv_parse_datetime(r->a.now, strlen(r->a.now),
					       &vo.now_secs, &vo.now_ns);
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
	if (r->partial.f) {
		/* the part keeps each violation, then passes it on; its key
		 * and record hooks run on one thread (a shard is the unit of
		 * parallelism of a sharded run) */
		vo.jobs = 1;
		r->part = dv_part_new(r->partial.f, r->contract, vo.on_violation,
				      vo.ud);
		if (!r->part)
			goto out_nomem;
		vo.on_violation = dv_part_violation;
		vo.ud = r->part;
	}
	r->v = dcval_validator_new(r->contract, &vo, &err);
	if (!r->v)
		goto out_nomem;
	if (r->part)
		dv_part_attach(r->part, r->v);
	return DCVAL_EXIT_OK;
out_nomem:
	dv_errorf("out of memory");
	return DCVAL_EXIT_INTERNAL;
}

/*
 * The report's standard output or error is a pipe whose reader is gone
 * (`dcval ... | head`): end as the closed pipe would have ended us had
 * SIGPIPE not been ignored, quietly, after removing the temporary files
 * (STYLE.md section 4; git run-command.c check_pipe()).
 */
static void end_on_closed_pipe(struct dv_run *r)
{
	sigset_t set;

	dv_outfile_abort(&r->valid);
	dv_outfile_abort(&r->invalid);
	dv_outfile_abort(&r->partial);
	dv_outfile_abort(&r->out);
	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGPIPE);
}

/* Whether error e on stream f is a closed pipe. */
static bool closed_pipe(FILE *f, int e)
{
	struct pollfd p;

	if (e == EPIPE)
		return true;
	p.fd = fileno(f);
	p.events = POLLOUT;
	p.revents = 0;
	return p.fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

/* Write error e on the report: a closed pipe on a standard stream ends
 * us quietly; anything else is named. */
static void report_failed(struct dv_run *r, int e)
{
	const char *name = r->a.output;

	if (r->report_fp == stdout || r->report_fp == stderr) {
		if (closed_pipe(r->report_fp, e))
			end_on_closed_pipe(r);
		name = r->report_fp == stdout ? "standard output" : "standard error";
	}
	if (!r->write_failed)
		dv_errorf("%s: write error: %s", name, strerror(e));
}

/* A write error on output o; the report is report_failed()'s. */
static void output_failed(struct dv_run *r, const dv_outfile *o, int e)
{
	if (o == &r->out || (o->is_stdout && r->report_fp == stdout))
		report_failed(r, e);
	else if (!r->write_failed)
		dv_errorf("%s: write error: %s",
			  o->is_stdout ? "standard output" : o->target,
			  strerror(e));
	r->write_failed = true;
	raise_rc(r, DCVAL_EXIT_IO);
}

/*
 * A write failed during the run: find which output and name it. The
 * json report's spool file names its folder ($TMPDIR), not the report.
 */
static void write_failed(struct dv_run *r)
{
	int e = errno ? errno : EIO;
	int spool = dcval_report_spool_errno(r->report);

	if (spool) {
		if (!r->write_failed)
			dv_errorf("%s: cannot write a temporary file: %s",
				  spool_dir(), strerror(spool));
		r->write_failed = true;
		raise_rc(r, DCVAL_EXIT_IO);
	} else if (r->valid.f && ferror(r->valid.f)) {
		output_failed(r, &r->valid, e);
	} else if (r->invalid.f && ferror(r->invalid.f)) {
		output_failed(r, &r->invalid, e);
	} else if (r->partial.f && ferror(r->partial.f)) {
		output_failed(r, &r->partial, e);
	} else {
		output_failed(r, &r->out, e);
	}
}

/* Run one input; returns false when the run must stop. */
static bool run_input(struct dv_run *r, const char *path)
{
	FILE *in = stdin;
	dcval_error err;
	dcval_status st;

	dcval_error_clear(&err);
	if (strcmp(path, "-") && !(in = fopen(path, "rb"))) {
		int e = errno;

		dv_errorf("%s: cannot open: %s", path, strerror(e));
		raise_rc(r, DCVAL_EXIT_IO);
		return dcval_validator_input_failed(r->v, path, DCVAL_EIO,
						    strerror(e)) == DCVAL_OK;
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

/* The part, before the dataset-level checks that merge evaluates over
 * the whole; a part not finished is not kept. */
static void finish_part(struct dv_run *r, bool completed)
{
	dcval_status st;

	if (!r->part)
		return;
	st = completed ? dv_part_finish(r->part) : DCVAL_STOP;
	if (st == DCVAL_EIO) {
		output_failed(r, &r->partial, errno ? errno : EIO);
	} else if (st == DCVAL_ENOMEM) {
		dv_errorf("out of memory");
		raise_rc(r, DCVAL_EXIT_INTERNAL);
	}
	r->part_done = st == DCVAL_OK;
}

static void finish(struct dv_run *r, bool completed)
{
	dcval_status st = DCVAL_OK;

	finish_part(r, completed);
	if (completed)
		st = dcval_validator_finish(r->v);
	if (st == DCVAL_EIO)
		write_failed(r);
	if (r->report && dcval_report_finish(r->report, r->contract, r->v) != DCVAL_OK)
		write_failed(r);
	if (dcval_validator_counts(r->v)->errors && !r->a.warn_only)
		raise_rc(r, DCVAL_EXIT_VIOLATIONS);
}

/*
 * Whether output o of a finished run replaces its target. Quarantine
 * outputs only when the run succeeded (exit code below 3): with an input
 * unreadable they would lack its records. The report whenever it was
 * written whole: it is the record of the run, unreadable inputs included
 * (the json "error" of the input, the junit <error>); not after a write
 * error or an internal error.
 */
static bool keep_output(const struct dv_run *r, const dv_outfile *o)
{
	if (o == &r->partial && !r->part_done)
		return false;
	if (o == &r->out || o == &r->partial)
		return !r->write_failed && r->rc < DCVAL_EXIT_INTERNAL;
	return r->rc < DCVAL_EXIT_IO;
}

/*
 * Close every output first (flushed, synced to disk), then rename the
 * temporary files into place: a write failure on one never leaves
 * another replaced by a run that failed.
 */
static void close_outputs(struct dv_run *r)
{
	dv_outfile *q[] = { &r->valid, &r->invalid, &r->partial, &r->out };
	size_t i;

	for (i = 0; i < 4; i++)
		if (q[i]->f && (dv_zout_finish(q[i]->zout) != 0 ||
				dv_outfile_close(q[i]) != 0))
			output_failed(r, q[i], errno ? errno : EIO);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (r->report_fp == stdout) {
			report_failed(r, errno ? errno : EIO);
		} else if (!r->write_failed) {
			dv_errorf("standard output: write error: %s",
				  strerror(errno ? errno : EIO));
		}
		r->write_failed = true;
		raise_rc(r, DCVAL_EXIT_IO);
	}
	for (i = 0; i < 4; i++) {
		if (!keep_output(r, q[i]))
			dv_outfile_abort(q[i]);
		else if (dv_outfile_commit(q[i]) != 0)
			output_failed(r, q[i], errno ? errno : EIO);
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
	/* a closed pipe is a write error (EPIPE) we name or end on quietly */
	signal(SIGPIPE, SIG_IGN);
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
	dv_part_free(r.part);
	dcval_contract_free(r.contract);
	return r.rc;
}

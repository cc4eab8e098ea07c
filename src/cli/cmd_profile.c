/*
 * dcval profile: stream the inputs once through a validator that collects
 * column statistics and write the profile document (cli.md "profile");
 * --merge combines shards' profiles.
 */
#include <errno.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "cli/outfile.h"
#include "contract/contract_impl.h"
#include "engine/colstats.h"
#include "profile/profile.h"
#include "util/alloc.h"
#include "util/spool.h"

enum { OPT_MERGE = 256, OPT_TOP };

static const dv_opt profile_opts[] = {
	{ "contract", 'c', required_argument, "FILE",
	  "the contract (default: types inferred as `dcval infer` does)" },
	{ "format", 'f', required_argument, "FMT",
	  "input format: csv, tsv, jsonl, json (default: contract, extension, content)" },
	{ "help", 'h', no_argument, NULL, "show this help" },
	{ "merge", OPT_MERGE, no_argument, NULL,
	  "the FILEs are profiles of shards: write the profile of their concatenation" },
	{ "output", 'o', required_argument, "FILE", "write the profile there" },
	{ "top", OPT_TOP, required_argument, "N",
	  "most frequent values listed past 1,000 distinct (default 20)" },
};

#define N_PROFILE_OPTS (sizeof(profile_opts) / sizeof(profile_opts[0]))

struct args {
	const char *contract, *output;
	dcval_format format;
	unsigned long long top;
	bool merge;
	char **inputs;
	int n_inputs;
};

static void profile_help(void)
{
	puts("usage: dcval profile [-c CONTRACT] [-f FMT] [-o FILE] [--top N] FILE ...\n"
	     "       dcval profile --merge PROFILE ... [-o FILE]\n\n"
	     "Stream the inputs once and write per-column statistics as JSON: counts,\n"
	     "nulls, distinct values, min, max, mean, stddev, quantiles, lengths, the\n"
	     "most frequent values and mergeable sketches (a drift baseline).\n");
	dv_opts_help(stdout, profile_opts, N_PROFILE_OPTS);
	puts("\nexit codes: 0 written, 2 usage, invalid contract or profiles that do not\n"
	     "merge, 3 unreadable input or unwritable output, 4 internal error");
}

static bool take(int opt, const char *arg, void *ud)
{
	struct args *a = ud;

	switch (opt) {
	case 'c': a->contract = arg; return true;
	case 'o': a->output = arg; return true;
	case OPT_MERGE: a->merge = true; return true;
	case 'f':
		if (!dcval_format_parse(arg, &a->format) ||
		    a->format == DCVAL_FORMAT_AUTO) {
			dv_usagef("--format: unknown format '%s' (csv, tsv, jsonl, json)", arg);
			return false;
		}
		return true;
	case OPT_TOP:
		if (!dv_opts_uint(arg, &a->top) || a->top < 1 ||
		    a->top > DV_COLSTATS_TOP_MAX) {
			dv_usagef("--top: '%s' is not a number from 1 to %d", arg,
				  DV_COLSTATS_TOP_MAX);
			return false;
		}
		return true;
	}
	return false;
}

/* -1 to go on, else the exit code. */
static int parse(int argc, char **argv, struct args *a)
{
	int rc;

	memset(a, 0, sizeof(*a));
	a->top = DV_COLSTATS_TOP_DEFAULT;
	rc = dv_opts_parse(profile_opts, N_PROFILE_OPTS, "profile", argc, argv, take,
			   a, profile_help);
	if (rc >= 0)
		return rc;
	a->inputs = argv + optind;
	a->n_inputs = argc - optind;
	if (a->merge && (a->contract || a->format || a->top != DV_COLSTATS_TOP_DEFAULT)) {
		dv_usagef("profile: --merge takes only profiles and -o");
		return DCVAL_EXIT_USAGE;
	}
	if (a->n_inputs == 0) {
		dv_usagef(a->merge ? "profile: --merge needs at least one profile"
				   : "profile: no input given");
		return DCVAL_EXIT_USAGE;
	}
	return -1;
}

static bool open_out(dv_outfile *o, const char *target, FILE **fp)
{
	*fp = stdout;
	if (!target)
		return true;
	if (dv_outfile_open(o, target) != 0) {
		dv_errorf("%s: cannot open: %s", target, strerror(errno));
		return false;
	}
	*fp = o->f;
	return true;
}

/* Close and commit the output (keep: the document was written whole). */
static int close_out(dv_outfile *o, FILE *fp, const char *target, bool keep,
		     int rc)
{
	if (fp != stdout) {
		if (dv_outfile_close(o) != 0) {
			dv_errorf("%s: write error: %s", target, strerror(errno ? errno : EIO));
			keep = false;
			rc = DCVAL_EXIT_IO > rc ? DCVAL_EXIT_IO : rc;
		}
		if (!keep)
			dv_outfile_abort(o);
		else if (dv_outfile_commit(o) != 0) {
			dv_errorf("%s: write error: %s", target, strerror(errno ? errno : EIO));
			rc = DCVAL_EXIT_IO > rc ? DCVAL_EXIT_IO : rc;
		}
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		dv_errorf("standard output: write error: %s", strerror(errno ? errno : EIO));
		rc = DCVAL_EXIT_IO > rc ? DCVAL_EXIT_IO : rc;
	}
	return rc;
}

static int merge(const struct args *a)
{
	dv_profdoc *docs = dv_calloc((size_t)a->n_inputs, sizeof(*docs));
	dv_outfile o;
	FILE *fp;
	char why[512];
	int i, rc = DCVAL_EXIT_OK;
	dcval_status st = DCVAL_OK;

	memset(&o, 0, sizeof(o));
	if (!docs) {
		dv_errorf("out of memory");
		return DCVAL_EXIT_INTERNAL;
	}
	for (i = 0; i < a->n_inputs && rc == DCVAL_EXIT_OK; i++) {
		size_t len;
		char *text = dv_profdoc_read_file(a->inputs[i], &len);

		if (!text) {
			dv_errorf("%s: cannot read: %s", a->inputs[i], strerror(errno));
			rc = DCVAL_EXIT_IO;
			break;
		}
		st = dv_profdoc_parse(text, len, &docs[i], why, sizeof(why));
		dv_free(text);
		if (st == DCVAL_ENOMEM) {
			dv_errorf("out of memory");
			rc = DCVAL_EXIT_INTERNAL;
		} else if (st != DCVAL_OK) {
			dv_errorf("%s: not a dcval profile: %s", a->inputs[i], why);
			rc = DCVAL_EXIT_USAGE;
		}
	}
	if (rc == DCVAL_EXIT_OK && open_out(&o, a->output, &fp)) {
		st = dv_profile_merge(fp, docs, (const char *const *)a->inputs,
				      (size_t)a->n_inputs, why, sizeof(why));
		if (st == DCVAL_EUSAGE) {
			dv_errorf("%s", why);
			rc = DCVAL_EXIT_USAGE;
		} else if (st == DCVAL_ENOMEM) {
			dv_errorf("out of memory");
			rc = DCVAL_EXIT_INTERNAL;
		} else if (st != DCVAL_OK) {
			rc = DCVAL_EXIT_IO;
		}
		rc = close_out(&o, fp, a->output, rc == DCVAL_EXIT_OK, rc);
	} else if (rc == DCVAL_EXIT_OK) {
		rc = DCVAL_EXIT_IO;
	}
	for (i = 0; i < a->n_inputs; i++)
		dv_profdoc_release(&docs[i]);
	dv_free(docs);
	return rc;
}

/* Run one input; false when the run must stop. */
static bool run_input(dcval_validator *v, const char *path, int *rc)
{
	FILE *in = stdin;
	dcval_error err;
	dcval_status st;

	dcval_error_clear(&err);
	if (strcmp(path, "-") && !(in = fopen(path, "rb"))) {
		int e = errno;

		dv_errorf("%s: cannot open: %s", path, strerror(e));
		*rc = DCVAL_EXIT_IO > *rc ? DCVAL_EXIT_IO : *rc;
		return dcval_validator_input_failed(v, path, DCVAL_EIO,
						    strerror(e)) == DCVAL_OK;
	}
	st = dcval_validator_run(v, path, in, &err);
	if (in != stdin)
		fclose(in);
	if (st == DCVAL_OK)
		return true;
	if (st == DCVAL_EIO && err.status == DCVAL_EIO) {
		dv_error_print(&err);
		*rc = DCVAL_EXIT_IO > *rc ? DCVAL_EXIT_IO : *rc;
		return true;
	}
	dv_errorf("%s: %s", path, err.status ? err.text : dcval_status_str(st));
	*rc = DCVAL_EXIT_INTERNAL;
	return false;
}

static int write_profile(const struct args *a, const dcval_contract *c,
			 dcval_validator *v, int rc)
{
	const dcval_input_info *info;
	dv_profinput *inputs;
	dv_profile_col *cols;
	dv_profile_head h;
	dv_outfile o;
	FILE *fp;
	size_t n, i;
	dcval_status st;

	memset(&o, 0, sizeof(o));
	info = dcval_validator_inputs(v, &n);
	inputs = dv_calloc(n ? n : 1, sizeof(*inputs));
	cols = dv_calloc(c->n_columns, sizeof(*cols));
	if (!inputs || !cols) {
		dv_free(inputs);
		dv_free(cols);
		dv_errorf("out of memory");
		return DCVAL_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		inputs[i].path = (char *)info[i].path;
		inputs[i].format = info[i].format == DCVAL_FORMAT_AUTO
					   ? NULL
					   : (char *)dcval_format_name(info[i].format);
		inputs[i].bytes = info[i].bytes;
		inputs[i].has_bytes = true;
		inputs[i].records = info[i].counts.records;
	}
	for (i = 0; i < c->n_columns; i++) {
		cols[i].name = c->columns[i].name;
		cols[i].type_name = dv_type_name(c->columns[i].type);
		cols[i].s = dv_engine_stats(v, i);
	}
	memset(&h, 0, sizeof(h));
	h.has_contract = a->contract != NULL;
	h.c_name = c->name;
	h.c_version = c->version;
	h.c_sha = c->sha256;
	h.inputs = inputs;
	h.n_inputs = n;
	h.records = dcval_validator_counts(v)->records;
	if (open_out(&o, a->output, &fp)) {
		st = dv_profile_write(fp, &h, cols, c->n_columns);
		if (st == DCVAL_ENOMEM) {
			dv_errorf("out of memory");
			rc = DCVAL_EXIT_INTERNAL;
		} else if (st != DCVAL_OK) {
			dv_errorf("%s: write error: %s",
				  a->output ? a->output : "standard output",
				  strerror(errno ? errno : EIO));
			rc = DCVAL_EXIT_IO > rc ? DCVAL_EXIT_IO : rc;
		}
		rc = close_out(&o, fp, a->output, st == DCVAL_OK, rc);
	} else {
		rc = DCVAL_EXIT_IO;
	}
	dv_free(inputs);
	dv_free(cols);
	return rc;
}

/*
 * Without -c the inputs are read twice (infer, then profile). Standard
 * input is copied to a spool file in $TMPDIR first; infer reads it as
 * /dev/fd/N (written into path) and profile as standard input again,
 * rewound onto fd 0. Returns 0, or an exit code after a message.
 */
static int spool_stdin(char *path, size_t cap)
{
	const char *dir = getenv("TMPDIR");
	FILE *sp = dv_spool_open(dir && *dir ? dir : NULL);
	char buf[1 << 16];
	size_t n;

	if (!sp) {
		dv_errorf("%s: cannot create a spool file: %s",
			  dir && *dir ? dir : DV_SPOOL_DIR, strerror(errno));
		return DCVAL_EXIT_IO;
	}
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (fwrite(buf, 1, n, sp) != n)
			break;
	if (ferror(stdin) || ferror(sp) || fflush(sp) != 0 ||
	    lseek(fileno(sp), 0, SEEK_SET) != 0 ||
	    dup2(fileno(sp), STDIN_FILENO) < 0) {
		dv_errorf("-: cannot spool standard input: %s",
			  strerror(errno ? errno : EIO));
		fclose(sp);
		return DCVAL_EXIT_IO;
	}
	clearerr(stdin);
	snprintf(path, cap, "/dev/fd/%d", fileno(sp));
	/* sp stays open (and so does the file) until the process ends */
	return 0;
}

static int profile(const struct args *a)
{
	dcval_contract *c;
	dcval_validator *v = NULL;
	dcval_validate_opts vo;
	dcval_error err;
	int rc = DCVAL_EXIT_OK, i;
	bool go = true;

	dcval_error_clear(&err);
	if (a->contract) {
		c = dcval_contract_load_file(a->contract, &err);
	} else {
		const char **paths = dv_mallocarray((size_t)a->n_inputs, sizeof(*paths));
		char fdpath[32] = "";

		if (!paths) {
			dv_errorf("out of memory");
			return DCVAL_EXIT_INTERNAL;
		}
		for (i = 0; i < a->n_inputs; i++) {
			paths[i] = a->inputs[i];
			if (strcmp(paths[i], "-") != 0)
				continue;
			if (!fdpath[0]) {
				rc = spool_stdin(fdpath, sizeof(fdpath));
				if (rc) {
					dv_free(paths);
					return rc;
				}
			}
			paths[i] = fdpath;
		}
		c = dv_profile_infer_contract(paths, (size_t)a->n_inputs,
					      a->format, &err);
		dv_free(paths);
		if (!c && err.status == DCVAL_EIO) {
			dv_error_print(&err);
			return DCVAL_EXIT_IO;
		}
	}
	if (!c) {
		dv_error_print(&err);
		return err.status == DCVAL_ENOMEM ? DCVAL_EXIT_INTERNAL : DCVAL_EXIT_USAGE;
	}
	memset(&vo, 0, sizeof(vo));
	vo.format = a->format;
	v = dcval_validator_new(c, &vo, &err);
	if (!v || dv_engine_stats_enable(v, (uint32_t)a->top) != DCVAL_OK) {
		dv_errorf("out of memory");
		rc = DCVAL_EXIT_INTERNAL;
	} else {
		for (i = 0; i < a->n_inputs && go; i++)
			go = run_input(v, a->inputs[i], &rc);
		if (rc < DCVAL_EXIT_INTERNAL)
			rc = write_profile(a, c, v, rc);
	}
	dcval_validator_free(v);
	dcval_contract_free(c);
	return rc;
}

int dv_cmd_profile(int argc, char **argv)
{
	struct args a;
	int rc = parse(argc, argv, &a);

	if (rc >= 0)
		return rc;
	return a.merge ? merge(&a) : profile(&a);
}

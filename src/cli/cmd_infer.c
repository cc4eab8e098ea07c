/*
 * dcval infer [-f FMT] [--name NAME] [--records N] [--enum-max K]
 * [--bounds] [-o FILE] FILE ...: a draft contract from sample data
 * (spec cli.md "infer"). The library (src/infer/) infers; this file
 * parses options, opens inputs, prints diagnostics and writes the YAML.
 *
 * Exit codes: 0 the contract was written and the inputs satisfy it; 1
 * it was written but some records no contract can accept (malformed,
 * invalid UTF-8, ragged rows) were left out: validate will report them;
 * 2 a usage error; 3 an input or the output could not be read or
 * written (no contract is written); 4 out of memory.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/fileid.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "cli/outfile.h"
#include "dcval/dcval.h"
#include "infer/infer.h"

/* Bad records printed one by one; past this, only counted. */
#define DV_INFER_SHOWN 10

enum { OPT_NAME = 256, OPT_RECORDS, OPT_ENUM_MAX, OPT_BOUNDS };

static const dv_opt infer_opts[] = {
	{ "format", 'f', required_argument, "FMT",
	  "input format: csv, tsv, jsonl, json (default: by extension, then content)" },
	{ "name", OPT_NAME, required_argument, "NAME",
	  "contract name, [A-Za-z0-9_.-]+ (default: from the first file name)" },
	{ "records", OPT_RECORDS, required_argument, "N",
	  "read only the first N records (of all inputs together)" },
	{ "enum-max", OPT_ENUM_MAX, required_argument, "K",
	  "enum for a string column with at most K distinct values (default 10, 0: none)" },
	{ "bounds", OPT_BOUNDS, no_argument, NULL,
	  "add the observed minimum and maximum of integer, number, date, datetime and time columns" },
	{ "output", 'o', required_argument, "FILE",
	  "write the contract there instead of standard output" },
	{ "help", 'h', no_argument, NULL, "show this help" },
};

#define N_INFER_OPTS (sizeof(infer_opts) / sizeof(infer_opts[0]))

struct dv_infer_cli {
	dv_infer_opts o;
	const char *output;
	uint64_t shown;
};

static void infer_help(void)
{
	puts("usage: dcval infer [-f FMT] [--name NAME] [--records N] [--enum-max K]\n"
	     "                   [--bounds] [-o FILE] [FILE ...]\n\n"
	     "Write a draft contract (YAML) that the given inputs satisfy. No FILE, or\n"
	     "'-': standard input. Exit 1 when records that no contract can accept\n"
	     "(malformed, invalid UTF-8, ragged rows) were left out.\n");
	dv_opts_help(stdout, infer_opts, N_INFER_OPTS);
}

static bool name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' ||
		      *s == '-'))
			return false;
	return true;
}

static void on_bad(void *ctx, const char *path, uint64_t record,
		   uint64_t line, uint64_t col, const char *detail)
{
	struct dv_infer_cli *c = ctx;
	char where[64] = "";

	if (c->shown++ >= DV_INFER_SHOWN)
		return;
	if (record)
		snprintf(where, sizeof(where), " (record %llu left out)",
			 (unsigned long long)record);
	if (line && col)
		dv_errorf("%s:%llu:%llu: %s%s", path, (unsigned long long)line,
			  (unsigned long long)col, detail, where);
	else if (line)
		dv_errorf("%s:%llu: %s%s", path, (unsigned long long)line,
			  detail, where);
	else
		dv_errorf("%s: %s%s", path, detail, where);
}

static bool take(int opt, const char *arg, void *ud)
{
	struct dv_infer_cli *c = ud;
	unsigned long long n;

	switch (opt) {
	case 'f':
		if (!dcval_format_parse(arg, &c->o.format) ||
		    c->o.format == DCVAL_FORMAT_AUTO) {
			dv_usagef("infer: unknown format '%s' (csv, tsv, jsonl, json)", arg);
			return false;
		}
		return true;
	case OPT_NAME:
		if (!name_ok(arg)) {
			dv_usagef("infer: --name '%s' must match [A-Za-z0-9_.-]+", arg);
			return false;
		}
		c->o.name = arg;
		return true;
	case OPT_RECORDS:
		if (!dv_opts_uint(arg, &n) || n == 0) {
			dv_usagef("infer: --records wants a positive integer, got '%s'", arg);
			return false;
		}
		c->o.records = n;
		return true;
	case OPT_ENUM_MAX:
		if (!dv_opts_uint(arg, &n) || n > 100000) {
			dv_usagef("infer: --enum-max wants an integer from 0 to 100000, got '%s'",
				  arg);
			return false;
		}
		c->o.enum_max = (unsigned)n;
		return true;
	case OPT_BOUNDS:
		c->o.bounds = true;
		return true;
	case 'o':
		c->output = arg;
		return true;
	}
	return false;
}

/* Parse the options; returns -1 to go on, else the exit code. */
static int parse(struct dv_infer_cli *c, int argc, char **argv)
{
	return dv_opts_parse(infer_opts, N_INFER_OPTS, "infer", argc, argv, take, c,
			     infer_help);
}

/* -o naming one of the inputs: a usage error before anything is read. */
static bool clobbers(const char *out, char **files, int n)
{
	dv_file_id o, in;
	bool same = false;
	int i;

	if (!out || !strcmp(out, "-") || dv_file_id_init(&o, out, -1))
		return false;
	for (i = 0; i < n && !same; i++) {
		if (!strcmp(files[i], "-") ||
		    dv_file_id_init(&in, files[i], -1))
			continue;
		same = dv_file_id_same(&o, &in);
		dv_file_id_release(&in);
	}
	dv_file_id_release(&o);
	return same;
}

static int read_inputs(dv_infer *inf, char **files, int n)
{
	static char dash[] = "-";
	char *std[1] = { dash };
	dcval_error err;
	dcval_status st;
	FILE *in;
	int i;

	if (n == 0) {
		files = std;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		in = stdin;
		if (strcmp(files[i], "-") && !(in = fopen(files[i], "rb"))) {
			dv_errorf("%s: cannot open: %s", files[i], strerror(errno));
			return DCVAL_EXIT_IO;
		}
		dcval_error_clear(&err);
		st = dv_infer_input(inf, files[i], in, &err);
		if (in != stdin)
			fclose(in);
		if (st == DCVAL_EIO) {
			dv_error_print(&err);
			return DCVAL_EXIT_IO;
		}
		if (st != DCVAL_OK) {
			dv_errorf("%s: %s", files[i],
				  err.status ? err.text : dcval_status_str(st));
			return DCVAL_EXIT_INTERNAL;
		}
	}
	return DCVAL_EXIT_OK;
}

static int write_out(const char *target, const dv_buf *yaml)
{
	dv_outfile o;

	memset(&o, 0, sizeof(o));
	if (dv_outfile_open(&o, target ? target : "-") != 0) {
		dv_errorf("%s: cannot open: %s", target, strerror(errno));
		dv_outfile_abort(&o);
		return DCVAL_EXIT_IO;
	}
	if (fwrite(yaml->data, 1, yaml->len, o.f) != yaml->len ||
	    dv_outfile_close(&o) != 0 || dv_outfile_commit(&o) != 0) {
		dv_errorf("%s: write error: %s", target ? target : "standard output",
			  strerror(errno));
		dv_outfile_abort(&o);
		return DCVAL_EXIT_IO;
	}
	dv_outfile_abort(&o);
	return DCVAL_EXIT_OK;
}

int dv_cmd_infer(int argc, char **argv)
{
	struct dv_infer_cli c = { .o = { .enum_max = 10 } };
	dv_infer *inf;
	dv_buf yaml;
	int rc = parse(&c, argc, argv);
	uint64_t bad;

	if (rc >= 0)
		return rc;
	if (clobbers(c.output, argv + optind, argc - optind)) {
		dv_usagef("infer: output '%s' is one of the inputs", c.output);
		return DCVAL_EXIT_USAGE;
	}
	c.o.bad = on_bad;
	c.o.bad_ctx = &c;
	inf = dv_infer_new(&c.o);
	if (!inf) {
		dv_errorf("out of memory");
		return DCVAL_EXIT_INTERNAL;
	}
	dv_buf_init(&yaml, SIZE_MAX / 4);
	rc = read_inputs(inf, argv + optind, argc - optind);
	if (rc == DCVAL_EXIT_OK && dv_infer_yaml(inf, &yaml) != DCVAL_OK) {
		dv_errorf("out of memory");
		rc = DCVAL_EXIT_INTERNAL;
	}
	if (rc == DCVAL_EXIT_OK)
		rc = write_out(c.output, &yaml);
	bad = dv_infer_bad_records(inf);
	if (rc == DCVAL_EXIT_OK && bad) {
		dv_errorf("%llu record%s or input%s no contract can accept %s left out; validate reports %s",
			  (unsigned long long)bad, bad == 1 ? "" : "s",
			  bad == 1 ? "" : "s", bad == 1 ? "was" : "were",
			  bad == 1 ? "it" : "them");
		rc = DCVAL_EXIT_VIOLATIONS;
	}
	dv_buf_release(&yaml);
	dv_infer_free(inf);
	return rc;
}

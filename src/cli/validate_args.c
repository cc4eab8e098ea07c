/*
 * Option parsing of `dcval validate`: one table drives getopt_long and
 * the help text.
 */
#include <stdio.h>
#include <string.h>

#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "cli/validate_args.h"
#include "value/types.h"

enum {
	OPT_FAIL_FAST = 256,
	OPT_INVALID_OUT,
	OPT_MAX_FIELD,
	OPT_MAX_LINE,
	OPT_MAX_VIOLATIONS,
	OPT_NOW,
	OPT_PARTIAL_OUT,
	OPT_VALID_OUT,
	OPT_WARN_ONLY
};

static const dv_opt validate_opts[] = {
	{ "contract", 'c', required_argument, "FILE", "the contract (required)" },
	{ "fail-fast", OPT_FAIL_FAST, no_argument, NULL,
	  "stop at the first error-severity violation" },
	{ "format", 'f', required_argument, "FMT",
	  "input format: csv, tsv, jsonl, json (default: contract, extension\n"
	  "                               (also under .gz, .zst), content)" },
	{ "help", 'h', no_argument, NULL, "show this help" },
	{ "invalid-out", OPT_INVALID_OUT, required_argument, "FILE",
	  "copy invalid records there ('-': standard output)" },
	{ "jobs", 'j', required_argument, "N", "threads checking one large or live input (default: cores)" },
	{ "max-field-bytes", OPT_MAX_FIELD, required_argument, "N",
	  "largest csv record or field in bytes (default 16777216)" },
	{ "max-line-bytes", OPT_MAX_LINE, required_argument, "N",
	  "largest JSON Lines line or JSON element in bytes (default 67108864)" },
	{ "max-violations", OPT_MAX_VIOLATIONS, required_argument, "N",
	  "list at most N violations (default 100; 0: summary only; all)" },
	{ "now", OPT_NOW, required_argument, "TIMESTAMP",
	  "the time freshness and now() use (default: the clock)" },
	{ "output", 'o', required_argument, "FILE", "write the report there" },
	{ "partial-out", OPT_PARTIAL_OUT, required_argument, "FILE",
	  "also write the run's mergeable state there (see dcval merge)" },
	{ "quiet", 'q', no_argument, NULL, "no report, exit code only" },
	{ "report", 'r', required_argument, "FMT",
	  NULL /* "report format: " and the names of report_names() */ },
	{ "valid-out", OPT_VALID_OUT, required_argument, "FILE",
	  "copy valid records there ('-': standard output)" },
	{ "warn-only", OPT_WARN_ONLY, no_argument, NULL,
	  "report everything, exit 0 unless the contract or input is unusable" },
};

#define N_VALIDATE_OPTS (sizeof(validate_opts) / sizeof(validate_opts[0]))

/* "text, json, ...": every report format, from the library's table. */
const char *dv_report_names(char *buf, size_t n)
{
	const char *name;
	size_t o = 0;
	int i, k;

	buf[0] = '\0';
	for (i = 0; (name = dcval_report_format_name((dcval_report_format)i)); i++) {
		k = snprintf(buf + o, n - o, "%s%s", i ? ", " : "", name);
		if (k < 0 || (size_t)k >= n - o)
			break;
		o += (size_t)k;
	}
	return buf;
}

void dv_report_opts_help(const dv_opt *opts, size_t n)
{
	dv_opt copy[32];
	char names[128], report[160];
	size_t i;

	if (n > sizeof(copy) / sizeof(copy[0])) {
		dv_opts_help(stdout, opts, n);
		return;
	}
	memcpy(copy, opts, n * sizeof(copy[0]));
	snprintf(report, sizeof(report), "report format: %s",
		 dv_report_names(names, sizeof(names)));
	for (i = 0; i < n; i++)
		if (copy[i].shrt == 'r')
			copy[i].help = report;
	dv_opts_help(stdout, copy, n);
}

static void validate_help(void)
{
	puts("usage: dcval validate -c CONTRACT [options] [FILE ...]\n\n"
	     "Check every record of each FILE (none or '-': standard input) against\n"
	     "the contract and report the violations. Compressed inputs (a name ending\n"
	     "in .gz or .zst, or gzip or zstd data) are decompressed while they stream.\n");
	dv_report_opts_help(validate_opts, N_VALIDATE_OPTS);
	puts("\nexit codes: 0 valid (warnings allowed), 1 violations, 2 usage or\n"
	     "invalid contract, 3 unreadable input or unwritable output, 4 internal error");
}

static bool parse_size(const char *flag, const char *val,
		       unsigned long long *out)
{
	if (dv_opts_uint(val, out) && *out > 0)
		return true;
	dv_usagef("%s: '%s' is not a positive number", flag, val);
	return false;
}

bool dv_parse_max_violations(const char *val, uint64_t *out)
{
	unsigned long long n;

	if (!strcmp(val, "all")) {
		*out = DCVAL_REPORT_ALL;
		return true;
	}
	if (dv_opts_uint(val, &n)) {
		*out = n;
		return true;
	}
	dv_usagef("--max-violations: '%s' is not a number or 'all'", val);
	return false;
}

static bool parse_now(const char *val)
{
	int64_t secs;
	int32_t ns;

	if (dv_parse_datetime(val, strlen(val), &secs, &ns))
		return true;
	dv_usagef("--now: '%s' is not an RFC 3339 timestamp", val);
	return false;
}

/* One option; false on a usage error (already reported). */
static bool take(int opt, const char *arg, void *ud)
{
	struct dv_validate_args *a = ud;
	char names[128];

	switch (opt) {
	case 'c': a->contract = arg; return true;
	case 'f':
		if (dcval_format_parse(arg, &a->format) && a->format != DCVAL_FORMAT_AUTO)
			return true;
		dv_usagef("--format: unknown format '%s' (csv, tsv, jsonl, json)", arg);
		return false;
	case 'j': return parse_size("--jobs", arg, &a->jobs);
	case 'o': a->output = arg; return true;
	case 'q': a->quiet = true; return true;
	case 'r':
		if (dcval_report_format_parse(arg, &a->report))
			return true;
		dv_usagef("--report: unknown report format '%s' (%s)", arg,
			  dv_report_names(names, sizeof(names)));
		return false;
	case OPT_FAIL_FAST: a->fail_fast = true; return true;
	case OPT_INVALID_OUT: a->invalid_out = arg; return true;
	case OPT_MAX_FIELD: return parse_size("--max-field-bytes", arg, &a->max_field);
	case OPT_MAX_LINE: return parse_size("--max-line-bytes", arg, &a->max_line);
	case OPT_MAX_VIOLATIONS: return dv_parse_max_violations(arg, &a->max_violations);
	case OPT_NOW: a->now = arg; return parse_now(arg);
	case OPT_PARTIAL_OUT: a->partial_out = arg; return true;
	case OPT_VALID_OUT: a->valid_out = arg; return true;
	case OPT_WARN_ONLY: a->warn_only = true; return true;
	}
	return false;
}

int dv_validate_parse(int argc, char **argv, struct dv_validate_args *a)
{
	int rc;

	memset(a, 0, sizeof(*a));
	a->max_violations = 100;
	rc = dv_opts_parse(validate_opts, N_VALIDATE_OPTS, "validate", argc, argv,
			   take, a, validate_help);
	if (rc >= 0)
		return rc;
	if (!a->contract) {
		dv_usagef("validate: no contract given (-c FILE)");
		return DCVAL_EXIT_USAGE;
	}
	if (a->partial_out && a->fail_fast) {
		/* a part must hold every violation of its inputs */
		dv_usagef("validate: --partial-out and --fail-fast cannot be combined");
		return DCVAL_EXIT_USAGE;
	}
	a->inputs = argv + optind;
	a->n_inputs = argc - optind;
	rc = dv_validate_outputs_apart(a);
	return rc ? rc : -1;
}

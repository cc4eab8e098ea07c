/*
 * dcval export --sql DIALECT [--table NAME] [--now TIMESTAMP] CONTRACT:
 * print the contract as one SQL query counting its violations (spec
 * cli.md "export"). Exit 0 with the query on standard output; 2 on a
 * usage error, an invalid contract or a construct without an exact SQL
 * form (named in the message); 3 on a write error; 4 out of memory.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "dcval/dcval.h"
#include "export/export.h"
#include "value/types.h"

enum { OPT_NOW = 256, OPT_SQL, OPT_TABLE };

static const dv_opt export_opts[] = {
	{ "help", 'h', no_argument, NULL, "show this help" },
	{ "now", OPT_NOW, required_argument, "TIMESTAMP",
	  "the time that freshness and now() use (RFC 3339)" },
	{ "sql", OPT_SQL, required_argument, "DIALECT", "duckdb or postgres (required)" },
	{ "table", OPT_TABLE, required_argument, "NAME",
	  "the relation to read (default: input)" },
};

#define N_EXPORT_OPTS (sizeof(export_opts) / sizeof(export_opts[0]))

static void export_help(void)
{
	puts("usage: dcval export --sql duckdb|postgres [--table NAME] [--now TIMESTAMP] CONTRACT\n\n"
	     "Print one SQL query that counts the contract's violations in a relation\n"
	     "of text columns named as in the CSV header: one row per check (rule,\n"
	     "column, severity, violations), in contract order, zeros included.\n");
	dv_opts_help(stdout, export_opts, N_EXPORT_OPTS);
}

/* Parse the options into o; returns -1 to go on, else the exit code. */
/* What export's options fill in. */
struct export_args {
	dv_export_opts *o;
	bool have_sql;
};

static bool take(int opt, const char *arg, void *ud)
{
	struct export_args *x = ud;
	dv_export_opts *o = x->o;

	switch (opt) {
	case OPT_SQL:
		if (!dv_sql_dialect_parse(arg, &o->dialect)) {
			dv_usagef("--sql: unknown dialect '%s' (%s)", arg,
				  dv_sql_dialect_names());
			return false;
		}
		x->have_sql = true;
		return true;
	case OPT_TABLE:
		if (!arg[0]) {
			dv_usagef("--table: empty name");
			return false;
		}
		o->table = arg;
		return true;
	case OPT_NOW:
		if (!dv_parse_datetime(arg, strlen(arg), &o->now_secs, &o->now_ns)) {
			dv_usagef("--now: '%s' is not an RFC 3339 timestamp", arg);
			return false;
		}
		o->has_now = true;
		return true;
	}
	return false;
}

static int parse(int argc, char **argv, dv_export_opts *o, bool *have_sql)
{
	struct export_args x = { o, false };
	int rc = dv_opts_parse(export_opts, N_EXPORT_OPTS, "export", argc, argv,
			       take, &x, export_help);

	*have_sql = x.have_sql;
	return rc;
}

int dv_cmd_export(int argc, char **argv)
{
	dv_export_opts o;
	dcval_contract *c;
	dcval_error err;
	dcval_status st;
	bool have_sql = false;
	dv_buf out;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = parse(argc, argv, &o, &have_sql);
	if (rc >= 0)
		return rc;
	if (!have_sql) {
		dv_usagef("export: --sql DIALECT is required (%s)", dv_sql_dialect_names());
		return DCVAL_EXIT_USAGE;
	}
	if (optind != argc - 1) {
		dv_usagef(optind >= argc ? "export: no contract given"
					 : "export: one contract only");
		return DCVAL_EXIT_USAGE;
	}
	dcval_error_clear(&err);
	c = dcval_contract_load_file(argv[optind], &err);
	if (!c) {
		dv_error_print(&err);
		return err.status == DCVAL_ENOMEM ? DCVAL_EXIT_INTERNAL : DCVAL_EXIT_USAGE;
	}
	dv_buf_init(&out, (size_t)1 << 30);
	st = dv_export_sql(c, &o, &out, &err);
	dcval_contract_free(c);
	if (st != DCVAL_OK) {
		dv_error_print(&err);
		dv_buf_release(&out);
		return st == DCVAL_ECONTRACT || st == DCVAL_EUSAGE ? DCVAL_EXIT_USAGE
								   : DCVAL_EXIT_INTERNAL;
	}
	rc = DCVAL_EXIT_OK;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0 ||
	    ferror(stdout)) {
		dv_errorf("write error: standard output");
		rc = DCVAL_EXIT_IO;
	}
	dv_buf_release(&out);
	return rc;
}

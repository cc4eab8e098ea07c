/*
 * dcval diff [-r text|json] OLD NEW
 * dcval diff [-r text|json] --git REV CONTRACT ...
 *
 * Classify every change between two versions of a contract and check
 * the version bump (src/diff/). Exit 0 when every NEW version carries
 * the bump its changes need, 1 when one does not (or went down), 2 for
 * usage errors and invalid, unreadable or unrelated contracts, 3 when
 * git fails; the highest wins. With --git, a file absent at REV is a new
 * contract (no changes, exit 0) and the json form is an array.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/exitcode.h"
#include "cli/gitshow.h"
#include "cli/msg.h"
#include "cli/opts.h"
#include "dcval/contract.h"
#include "diff/diff.h"
#include "report/jsonw.h"
#include "util/buf.h"

/* Contracts are at most this long (as for every contract). */
#define DV_DIFF_MAX_BYTES (16u << 20)

enum { OPT_GIT = 256 };

static const dv_opt diff_opts[] = {
	{ "git", OPT_GIT, required_argument, "REV",
	  "compare each CONTRACT with its content at git revision REV" },
	{ "help", 'h', no_argument, NULL, "show this help" },
	{ "report", 'r', required_argument, "FMT",
	  "report format: text (default) or json" },
};

#define N_DIFF_OPTS (sizeof(diff_opts) / sizeof(diff_opts[0]))

static void diff_help(void)
{
	puts("usage: dcval diff [-r text|json] OLD_CONTRACT NEW_CONTRACT\n"
	     "       dcval diff [-r text|json] --git REV CONTRACT ...\n\n"
	     "List every change between two versions of a contract, classify it\n"
	     "(breaking, relaxing, metadata) and check the semantic version:\n"
	     "breaking changes need a major bump (minor while the major is 0),\n"
	     "relaxing ones a minor bump (patch while 0), metadata a patch bump.\n"
	     "Exit 0 when the version is right, 1 when the bump is missing or\n"
	     "too small or the version went down, 2 for invalid contracts, 3\n"
	     "when git fails.\n");
	dv_opts_help(stdout, diff_opts, N_DIFF_OPTS);
}

/* One loaded side: bytes, tree, compiled contract. */
struct side {
	dv_arena tree;
	dcval_contract *c;
	dv_dside s;
};

static void side_release(struct side *sd)
{
	dcval_contract_free(sd->c);
	dv_arena_release(&sd->tree);
}

static int status_exit(dcval_status st)
{
	return st == DCVAL_ENOMEM ? DCVAL_EXIT_INTERNAL : DCVAL_EXIT_USAGE;
}

/* The two sides of a diff and their bytes: empty, then released. */
static void sides_init(struct side *x, struct side *y, dv_buf *ba, dv_buf *bb)
{
	dv_buf_init(ba, DV_DIFF_MAX_BYTES);
	dv_buf_init(bb, DV_DIFF_MAX_BYTES);
	memset(x, 0, sizeof(*x));
	memset(y, 0, sizeof(*y));
	dv_arena_init(&x->tree);
	dv_arena_init(&y->tree);
}

static void sides_release(struct side *x, struct side *y, dv_buf *ba,
			  dv_buf *bb)
{
	side_release(x);
	side_release(y);
	dv_buf_release(ba);
	dv_buf_release(bb);
}

/* Compile buf as contract `name` (the path shown in reports: `shown`). */
static int side_load(struct side *sd, const char *name, const char *shown,
		     const dv_buf *b)
{
	const char *data = b->data ? b->data : "";
	dcval_error err;

	/* sd->tree is initialised by the caller */
	sd->c = NULL;
	dcval_error_clear(&err);
	/* cli.md "diff": a drift baseline's path is compared as text, the file
	 * is not read */
	sd->c = dv_contract_load_buffer_flags(name, data, b->len,
					      DV_LOAD_NO_BASELINE, &err);
	if (sd->c)
		sd->s.root = dv_ytree_parse(&sd->tree, name, data, b->len, &err);
	if (!sd->c || !sd->s.root) {
		dv_error_print(&err);
		return status_exit(err.status);
	}
	sd->s.c = sd->c;
	sd->s.path = shown;
	return DCVAL_EXIT_OK;
}

/* The bytes of a contract file; exit 2 when unreadable, as validate. */
static int read_path(const char *path, dv_buf *b)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = DCVAL_EXIT_OK;

	if (!f) {
		dv_errorf("%s: cannot read contract: %s", path, strerror(errno));
		return DCVAL_EXIT_USAGE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && !rc) {
		if (dv_buf_append(b, chunk, n) != DCVAL_OK) {
			dv_errorf("%s: contract is larger than %u MiB", path,
				  DV_DIFF_MAX_BYTES >> 20);
			rc = DCVAL_EXIT_USAGE;
		}
	}
	if (!rc && ferror(f)) {
		dv_errorf("%s: cannot read contract: %s", path, strerror(errno));
		rc = DCVAL_EXIT_USAGE;
	}
	fclose(f);
	return rc;
}

struct run {
	bool json;
	bool git;
	bool printed;  /* a result was printed */
	dv_jsonw w;
};

/* Diff two loaded sides, print the result; the exit code. */
static int report(struct run *rn, const dv_dside *old, const dv_dside *new)
{
	dv_dresult r;
	dv_diff d;
	dcval_error err;
	int rc = DCVAL_EXIT_OK;

	memset(&r, 0, sizeof(r));
	r.old = old;
	r.new = new;
	dv_diff_init(&d);
	if (old) {
		dcval_error_clear(&err);
		if (dv_diff_run(&d, old, new, &err) != DCVAL_OK) {
			dv_error_print(&err);
			rc = status_exit(err.status);
			goto out_release;
		}
		r.diff = &d;
		dv_gate_eval(old->c->version, new->c->version, dv_diff_worst(&d),
			     &r.gate);
	} else {
		r.gate.version_ok = true;
	}
	if (rn->json)
		dv_dreport_json(&rn->w, &r);
	else
		dv_dreport_text(stdout, &r);
	rn->printed = true;
	rc = r.gate.version_ok ? DCVAL_EXIT_OK : DCVAL_EXIT_VIOLATIONS;

out_release:
	dv_diff_release(&d);
	return rc;
}

/* A new side must have a version too (an old one: dv_diff_run). */
static int need_version(const struct side *sd, const char *name)
{
	if (sd->c->version)
		return DCVAL_EXIT_OK;
	dv_errorf("%s:%lu:%lu: missing required key 'version' (dcval diff compares versions)",
		  name, sd->s.root->line, sd->s.root->col);
	return DCVAL_EXIT_USAGE;
}

static int diff_files(struct run *rn, const char *a, const char *b)
{
	struct side x, y;
	dv_buf ba, bb;
	int rc;

	sides_init(&x, &y, &ba, &bb);
	rc = read_path(a, &ba);
	if (!rc)
		rc = side_load(&x, a, a, &ba);
	if (!rc)
		rc = read_path(b, &bb);
	if (!rc)
		rc = side_load(&y, b, b, &bb);
	if (!rc)
		rc = report(rn, &x.s, &y.s);
	sides_release(&x, &y, &ba, &bb);
	return rc;
}

/* One CONTRACT against its content at rev. */
static int diff_git_one(struct run *rn, const char *rev, const char *path)
{
	struct side x, y;
	dv_buf ba, bb;
	char msg[1024], *name = NULL;
	dv_gitshow_result g;
	int rc;

	sides_init(&x, &y, &ba, &bb);
	rc = read_path(path, &bb);
	if (!rc)
		rc = side_load(&y, path, path, &bb);
	if (rc)
		goto out_release;
	g = dv_gitshow(rev, path, &ba, msg, sizeof(msg));
	if (g == DV_GITSHOW_FAIL) {
		dv_errorf("%s", msg);
		rc = DCVAL_EXIT_IO;
		goto out_release;
	}
	if (g == DV_GITSHOW_ABSENT) {
		rc = need_version(&y, path);
		if (!rc)
			rc = report(rn, NULL, &y.s);
		goto out_release;
	}
	/* the old side is named REV:PATH in messages */
	name = malloc(strlen(rev) + strlen(path) + 2);
	if (!name) {
		rc = DCVAL_EXIT_INTERNAL;
		goto out_release;
	}
	sprintf(name, "%s:%s", rev, path);
	rc = side_load(&x, name, path, &ba);
	if (!rc)
		rc = report(rn, &x.s, &y.s);

out_release:
	sides_release(&x, &y, &ba, &bb);
	free(name);
	return rc;
}

/* What diff's options fill in. */
struct diff_args {
	struct run *rn;
	const char **rev;
};

static bool take(int opt, const char *arg, void *ud)
{
	struct diff_args *d = ud;

	switch (opt) {
	case OPT_GIT:
		*d->rev = arg;
		d->rn->git = true;
		return true;
	case 'r':
		if (!strcmp(arg, "json") || !strcmp(arg, "text")) {
			d->rn->json = !strcmp(arg, "json");
			return true;
		}
		dv_usagef("diff: unknown report format '%s': expected text or json", arg);
		return false;
	}
	return false;
}

/* -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, struct run *rn,
		      const char **rev)
{
	struct diff_args d = { rn, rev };
	int rc = dv_opts_parse(diff_opts, N_DIFF_OPTS, "diff", argc, argv, take,
			       &d, diff_help);

	if (rc >= 0)
		return rc;
	if (rn->git && optind >= argc) {
		dv_usagef("diff: --git needs at least one contract");
		return DCVAL_EXIT_USAGE;
	}
	if (!rn->git && argc - optind != 2) {
		dv_usagef("diff: expected OLD_CONTRACT NEW_CONTRACT, or --git REV CONTRACT ...");
		return DCVAL_EXIT_USAGE;
	}
	if (rn->git && !*rev[0]) {
		dv_usagef("diff: --git needs a revision");
		return DCVAL_EXIT_USAGE;
	}
	return -1;
}

int dv_cmd_diff(int argc, char **argv)
{
	struct run rn;
	const char *rev = "";
	int rc, r, i;

	memset(&rn, 0, sizeof(rn));
	rc = parse_args(argc, argv, &rn, &rev);
	if (rc >= 0)
		return rc;
	dv_jsonw_init(&rn.w, stdout);
	if (rn.json && rn.git)
		dv_jsonw_array(&rn.w, true);
	if (!rn.git) {
		rc = diff_files(&rn, argv[optind], argv[optind + 1]);
	} else {
		for (i = optind; i < argc; i++) {
			r = diff_git_one(&rn, rev, argv[i]);
			if (r > rc)
				rc = r;
		}
	}
	if (rn.json && rn.git)
		dv_jsonw_end(&rn.w);
	if (rn.json && (rn.git || rn.printed))
		fputc('\n', stdout);
	if (fflush(stdout) != 0 || ferror(stdout) ||
	    dv_jsonw_status(&rn.w) == DCVAL_EIO) {
		dv_errorf("write error: standard output");
		return DCVAL_EXIT_IO;
	}
	return rc;
}

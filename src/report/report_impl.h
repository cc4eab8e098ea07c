/*
 * Internals of the reports: the report object every format shares, the
 * per-format ops table, aggregation and the summary of a finished run.
 *
 * report.c owns the common part: it counts every violation, aggregates
 * it per (rule, column, severity) (aggs.c), hands it to ops->tally(),
 * the first max_violations of them to ops->violation() and, at the end,
 * a dv_report_run to ops->finish(). Each format is one file (text.c,
 * json.c, jsonl.c, junit.c, github.c, sarif.c) defining one
 * dv_report_ops; what only it needs (junit's per-input aggregates, the
 * spill file of json and sarif, sarif's rule ids) is its private state
 * in r->state, made by ops->start() and freed by ops->release().
 */
#ifndef DV_REPORT_REPORT_IMPL_H
#define DV_REPORT_REPORT_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "util/buf.h"

/* Distinct example values kept per aggregate, and first messages per
 * testcase (junit). */
#define DV_REPORT_EXAMPLES 5

/* Room for a display value, unescaped: 80 bytes, "...", NUL. */
#define DV_REPORT_SHOW_RAW (DCVAL_VALUE_SHOW_MAX + 4)

/* Room for a display value escaped: every byte may become \xNN. */
#define DV_REPORT_SHOW_ESC (4 * DCVAL_VALUE_SHOW_MAX + 4)

/* Longest message built for a report; a longer detail is cut. */
#define DV_REPORT_MESSAGE_MAX (64 * 1024)

/* Most distinct aggregate keys per table (DCVAL_ELIMIT past it). */
#define DV_REPORT_MAX_AGGS 100000

/* How dv_report_show() escapes. */
typedef enum dv_report_esc {
	DV_ESC_NONE = 0,    /* bytes as they are */
	DV_ESC_CONTROL = 1, /* control bytes and invalid UTF-8 as \n, \xNN */
	DV_ESC_VALUE = 2    /* DV_ESC_CONTROL, and \\ and \" as well */
} dv_report_esc;

/* One distinct example value of an aggregate. */
typedef struct dv_report_example {
	uint64_t count;                /* violations showing this value */
	size_t len;                    /* bytes in text */
	char text[DV_REPORT_SHOW_RAW]; /* display value, unescaped, NUL-terminated */
} dv_report_example;

/* Violations of one key: (rule, column, severity), or with path too. */
typedef struct dv_report_agg {
	const char *path;        /* input path; NULL in the run table, and in
				    a table by input (junit's) for a
				    dataset-level violation of several
				    inputs */
	const char *rule;        /* rule id */
	const char *column;      /* column, NULL when none */
	dcval_severity severity; /* error or warn */
	uint64_t count;          /* exact number of violations */
	bool redacted;           /* a sensitive value was hidden */
	bool more;               /* values seen beyond the kept examples */
	unsigned n_examples;     /* used entries of examples */
	dv_report_example examples[DV_REPORT_EXAMPLES]; /* run table only */
	size_t index;            /* place in its table's items */
	uint32_t hash;           /* of the key */
	char keys[];             /* storage of path, rule and column */
} dv_report_agg;

/* Aggregates in first-seen order, with a hash index on the key. */
typedef struct dv_report_aggs {
	dv_report_agg **items; /* first-seen order */
	size_t n;              /* used entries of items */
	size_t alloc;          /* allocated entries of items */
	uint32_t *slots;       /* open addressing: index + 1, 0 when free */
	size_t nslots;         /* a power of two, or 0 */
} dv_report_aggs;

/*
 * The aggregate of v's key in t (path NULL for the run table), created
 * in first-seen order when new. NULL with *st set on failure:
 * DCVAL_ELIMIT past DV_REPORT_MAX_AGGS keys, DCVAL_ENOMEM.
 */
dv_report_agg *dv_report_aggs_get(dv_report_aggs *t, const char *path,
				  const dcval_violation *v, dcval_status *st);

/* Free the aggregates of t and its index; t is then empty. */
void dv_report_aggs_release(dv_report_aggs *t);

/* The finished run as reports see it: lineage, inputs and totals. */
typedef struct dv_report_run {
	const char *contract_name;      /* NULL when unknown */
	const char *contract_version;   /* NULL when the contract has none */
	const char *contract_owner;     /* NULL when the contract has none */
	const char *contract_source;    /* NULL when the contract has none */
	const char *contract_sha256;    /* NULL when unknown */
	const dcval_input_info *inputs; /* borrowed, n_inputs entries */
	size_t n_inputs;                /* entries in inputs */
	dcval_counts counts;            /* totals over all inputs */
	/* a cross-field rule's `description` by rule id, NULL when none
	 * (the sarif report's rule texts); the function may be NULL */
	const char *(*rule_description)(const void *ctx, const char *id);
	const void *rule_ctx;
} dv_report_run;

typedef struct dv_report_ops dv_report_ops;

/* What every format shares; a format's own fields live in state. */
struct dcval_report {
	const dv_report_ops *ops; /* the format */
	FILE *out;                /* borrowed output */
	uint64_t max_violations;  /* listing cap */
	uint64_t seen;            /* violations received */
	uint64_t listed;          /* violations handed to ops->violation */
	dv_report_aggs rules;     /* per (rule, column, severity) */
	dv_buf msg;               /* scratch: message of one violation */
	dv_buf line;              /* scratch: location of one violation */
	void *state;              /* the format's own: ops->start, ops->release */
	dcval_status failed;      /* first write error, sticky */
};

/*
 * One report format: one file and one row of report.c's table. Every
 * member but name and finish may be NULL (nothing to do). The dcval_status
 * ones return DCVAL_OK, DCVAL_EIO on a write error, or DCVAL_ENOMEM.
 *
 * start()     makes the format's private state in r->state, from the
 *             options of dcval_report_new() (a failure fails it);
 * tally()     sees every violation, listed or not, once the run table
 *             has counted it (not past DV_REPORT_MAX_AGGS keys);
 * violation() gets each listed violation as it arrives;
 * finish()    writes the rest of the report;
 * release()   frees r->state, also after a failed start();
 * spool_errno() is dcval_report_spool_errno(): the errno of a failure
 *             of the format's temporary file, 0 when none.
 */
struct dv_report_ops {
	const char *name; /* "text", ... */
	dcval_status (*start)(dcval_report *r, const dcval_report_opts *opts);
	dcval_status (*tally)(dcval_report *r, const dcval_violation *v);
	dcval_status (*violation)(dcval_report *r, const dcval_violation *v);
	dcval_status (*finish)(dcval_report *r, const dv_report_run *run);
	void (*release)(dcval_report *r);
	int (*spool_errno)(const dcval_report *r);
};

extern const dv_report_ops dv_report_text_ops;
extern const dv_report_ops dv_report_json_ops;
extern const dv_report_ops dv_report_jsonl_ops;
extern const dv_report_ops dv_report_junit_ops;
extern const dv_report_ops dv_report_github_ops;
extern const dv_report_ops dv_report_sarif_ops;

/*
 * Write the summary of a finished run: what dcval_report_finish() does
 * once it has read the contract and validator into `run` (the seam for
 * unit tests). Returns as dcval_report_finish().
 */
dcval_status dv_report_finish_summary(dcval_report *r, const dv_report_run *run);

/* DCVAL_EIO when out has its error flag set, else DCVAL_OK. */
dcval_status dv_report_check(FILE *out);

/* True when a violation was given to the report and not listed. */
bool dv_report_truncated(const dcval_report *r);

/*
 * Show s[0..len) in buf (NUL-terminated, at most cap bytes, cap >= 8),
 * escaped as `esc` says; "..." is appended when `cut` is set or when the
 * text does not fit (then it is cut between characters). Returns the
 * length written.
 */
size_t dv_report_show(const char *s, size_t len, bool cut, dv_report_esc esc,
		      char *buf, size_t cap);

/*
 * The message of v (see dcval_violation_message()) in b, replacing its
 * content; a message past DV_REPORT_MESSAGE_MAX bytes is cut.
 */
dcval_status dv_report_message(const dcval_violation *v, dv_buf *b);

/*
 * The location of v in b, replacing its content: "PATH:LINE:FIELD",
 * "PATH:LINE" when there is no field, "PATH" when there is no line, ""
 * for a dataset-level violation of several inputs (no path). PATH is
 * escaped as src/util/esc.h says, so the location is one line of text.
 */
dcval_status dv_report_location(const dcval_violation *v, dv_buf *b);

/* Append s escaped for one-line text (src/util/esc.h) to b. */
dcval_status dv_report_append_shown(dv_buf *b, const char *s);

/* "1 error", "2 errors", "0 warnings"... into buf (at least 32 bytes). */
const char *dv_report_plural(uint64_t n, const char *one, char *buf,
			     size_t cap);

/*
 * The summary lines of the text and github formats: one line per input,
 * one per aggregate, then the truncation note. See text.c.
 */
dcval_status dv_report_text_summary(dcval_report *r, const dv_report_run *run);

/*
 * Shared by json.c and jsonl.c. dv_report_json_violation() writes the
 * violation object of v (one line); dv_report_json_members() writes the
 * members of the json document from report_version to rules into the
 * open object, arrays one element per line when `pretty`.
 */
struct dv_jsonw;
dcval_status dv_report_json_violation(struct dv_jsonw *w, dcval_report *r,
				      const dcval_violation *v);
void dv_report_json_members(struct dv_jsonw *w, const dcval_report *r,
			    const dv_report_run *run, bool pretty);

/*
 * Pieces of the json document that other formats embed (sarif's run
 * properties): the contract object, a counts object, and `valid` (no
 * error, and every input read to its end).
 */
void dv_report_json_contract(struct dv_jsonw *w, const dv_report_run *run);
void dv_report_json_counts(struct dv_jsonw *w, const dcval_counts *c);
bool dv_report_run_valid(const dv_report_run *run);

/* What a built-in rule id means (rule_help.c). */
typedef struct dv_rule_help {
	const char *id;    /* rule id */
	const char *brief; /* a title: one line, no final period */
	const char *full;  /* what the check found, in sentences */
	const char *help;  /* how to resolve it, in sentences */
} dv_rule_help;

/* The help of a built-in rule id; NULL for an id without one (the name
 * of a cross-field rule of the contract). Static. */
const dv_rule_help *dv_report_rule_help(const char *id);

/*
 * The spill file of the formats that write their listed violations at
 * the end (spill.c), part of their private state.
 * dv_report_spill_init() fills s for the folder `dir` (borrowed; NULL:
 * DV_SPOOL_DIR); dv_report_spill_open() creates the file on first use
 * (DCVAL_EIO when it cannot, DCVAL_ENOMEM); dv_report_spill_copy()
 * writes each of its lines, ready-made JSON values, as one element of
 * the array open in w (JSON text holds no raw newline; nothing when no
 * spill file was made). dv_report_spill_failed() keeps the errno of a
 * spill-file failure in s->err (the first one) and returns DCVAL_EIO;
 * dv_report_spill_release() closes the file.
 */
typedef struct dv_report_spill {
	FILE *f;         /* listed violations, one JSON value a line, or NULL */
	const char *dir; /* folder of f, NULL: DV_SPOOL_DIR; borrowed */
	int err;         /* errno of a failure on f, 0 when none */
} dv_report_spill;

void dv_report_spill_init(dv_report_spill *s, const char *dir);
dcval_status dv_report_spill_open(dv_report_spill *s);
dcval_status dv_report_spill_copy(dv_report_spill *s, struct dv_jsonw *w);
dcval_status dv_report_spill_failed(dv_report_spill *s);
void dv_report_spill_release(dv_report_spill *s);

#endif

/*
 * Reports: turn violations into text, JSON, JSON Lines, JUnit XML,
 * GitHub workflow commands or a SARIF 2.1.0 log, with exact counts and a
 * per-rule summary.
 */
#ifndef DCVAL_REPORT_H
#define DCVAL_REPORT_H

#include <stdio.h>
#include "dcval/dcval.h"

typedef struct dcval_report dcval_report;

typedef enum dcval_report_format {
	DCVAL_REPORT_TEXT = 0,
	DCVAL_REPORT_JSON = 1,
	DCVAL_REPORT_JSONL = 2,
	DCVAL_REPORT_JUNIT = 3,
	DCVAL_REPORT_GITHUB = 4,
	DCVAL_REPORT_SARIF = 5
} dcval_report_format;

/* Parse "text", "json", "jsonl", "junit", "github", "sarif"; false if
 * unknown. */
bool dcval_report_format_parse(const char *name, dcval_report_format *out);

/*
 * The name of a report format ("text", ...), or NULL for a value that is
 * none: formats 0, 1, 2, ... up to the first NULL are every format there
 * is. Static string.
 */
const char *dcval_report_format_name(dcval_report_format format);

/* No cap on listed violations. */
#define DCVAL_REPORT_ALL UINT64_MAX

typedef struct dcval_report_opts {
	dcval_report_format format; /* output format */
	uint64_t max_violations;    /* list at most this many, DCVAL_REPORT_ALL: no cap */
	const char *spool_dir;      /* folder of temporary spool files (json), NULL: /tmp;
				       borrowed, must outlive the report */
} dcval_report_opts;

/*
 * Create a report writing to `out` (borrowed, not closed). Returns: new,
 * free with dcval_report_free(); NULL with `err` set (DCVAL_ENOMEM).
 */
dcval_report *dcval_report_new(const dcval_report_opts *opts, FILE *out,
			       dcval_error *err);

/*
 * Take one violation. Has the dcval_violation_fn signature: pass the
 * report as the `ud` of dcval_validate_opts. Listing stops at the cap;
 * counting never does. Returns DCVAL_OK, or DCVAL_EIO when a write to the
 * output fails.
 */
dcval_status dcval_report_violation(void *report, const dcval_violation *v);

/*
 * Flush the report's output: what the streamed formats (text, jsonl,
 * github) wrote so far reaches its reader. Has the dcval_flush_fn
 * signature: pass the report as the `flush_ud` of dcval_validate_opts for
 * live inputs. Returns DCVAL_OK or DCVAL_EIO.
 */
dcval_status dcval_report_flush(void *report);

/*
 * Write what comes after the violations (summary, counts, lineage) for
 * a finished run. Returns DCVAL_OK, DCVAL_EIO on a write error, or
 * DCVAL_ENOMEM.
 */
dcval_status dcval_report_finish(dcval_report *r, const dcval_contract *contract,
				 const dcval_validator *v);

/*
 * The errno of the failure when a DCVAL_EIO came from the report's
 * temporary spool file in opts.spool_dir (the json report keeps the
 * listed violations there until the document ends) rather than from its
 * output; 0 when the spool file did not fail.
 */
int dcval_report_spool_errno(const dcval_report *r);

/* Free a report. NULL is a harmless no-op. */
void dcval_report_free(dcval_report *r);

#endif

/*
 * Output files of the command. Quarantine outputs that are regular files
 * (or do not exist yet) are written to a temporary file beside the target
 * and renamed over it on success, so an interrupted run never leaves a
 * half file in place of a good one. "-" is standard output; devices and
 * pipes are written directly. SIGINT, SIGTERM and SIGHUP remove the
 * temporary files still open before the process ends.
 */
#ifndef DV_CLI_OUTFILE_H
#define DV_CLI_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct dv_outfile {
	const char *target; /* as given */
	char *tmp;          /* temporary path, or NULL when written directly */
	FILE *f;            /* open stream */
	bool is_stdout;     /* target is "-" */
} dv_outfile;

/* Open target for writing (atomic: via a temporary file where possible).
 * Returns 0, or -1 with errno set. */
int dv_outfile_open(dv_outfile *o, const char *target, bool atomic);

/* Flush what is buffered and check for a write error, without closing.
 * Returns 0, or -1 with errno set. */
int dv_outfile_flush(dv_outfile *o);

/* Flush, close and rename into place. Returns 0, or -1 with errno set
 * (the temporary file is removed). Standard output is only flushed. */
int dv_outfile_commit(dv_outfile *o);

/* Close and remove the temporary file; the target is left as it was. */
void dv_outfile_abort(dv_outfile *o);

/* Whether two paths name the same file (same device and inode, or the
 * same string when either does not exist). */
bool dv_same_file(const char *a, const char *b);

#endif

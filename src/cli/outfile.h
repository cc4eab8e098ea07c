/*
 * Output files of the command (spec cli.md "Behaviour users count on").
 *
 * A regular file, or a name not there yet, is written to a temporary file
 * TARGET.dcval-XXXXXX in the folder of the final target (after following
 * symlinks), flushed to disk and renamed over the target when the run is
 * complete: a failed or interrupted run leaves the old file as it was,
 * never a half file. A new file gets mode 0666 & ~umask; an existing one
 * keeps its mode, its owner and group (as far as we may set them) and
 * every symlink pointing at it, since the link's target is what is
 * replaced. An existing target with no write permission bit for anyone,
 * or that we may not write, is refused (as root access(2) allows any
 * write, so the mode bits decide). "-" is standard output; devices and
 * pipes are written directly. SIGINT, SIGTERM and SIGHUP remove the
 * temporary files still present before the process ends.
 */
#ifndef DV_CLI_OUTFILE_H
#define DV_CLI_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

/* What a failed dv_outfile_open() could not do. */
typedef enum dv_outfile_fail {
	DV_OUTFILE_OPEN = 0,     /* open the target (errno) */
	DV_OUTFILE_READONLY = 1, /* the target has no write permission bit */
	DV_OUTFILE_TEMP = 2      /* create the temporary file in `dir` (errno) */
} dv_outfile_fail;

typedef struct dv_outfile {
	const char *target;   /* as given */
	char *final;          /* target after following symlinks, or NULL */
	char *tmp;            /* temporary path, or NULL when written directly */
	char *dir;            /* folder of the temporary file, or NULL */
	FILE *f;              /* open stream, NULL once closed */
	struct dv_zout *zout; /* f's compressing state (cli/zout.h), or NULL */
	int fd;               /* descriptor of a temporary file under f */
	bool is_stdout;       /* target is "-" */
	dv_outfile_fail fail; /* why dv_outfile_open() failed */
} dv_outfile;

/*
 * Open target for writing. Returns 0, or -1 with errno set and o->fail
 * saying what failed (o->dir names the folder for DV_OUTFILE_TEMP); call
 * dv_outfile_abort() in both cases when done.
 */
int dv_outfile_open(dv_outfile *o, const char *target);

/* Flush what is buffered and check for a write error, without closing.
 * Returns 0, or -1 with errno set. */
int dv_outfile_flush(dv_outfile *o);

/*
 * Flush, sync a temporary file to disk and close (standard output is
 * only flushed). The temporary file stays until dv_outfile_commit() or
 * dv_outfile_abort(). Returns 0, or -1 with errno set.
 */
int dv_outfile_close(dv_outfile *o);

/* Rename a closed temporary file over the target. Returns 0, or -1 with
 * errno set (the temporary file is removed). */
int dv_outfile_commit(dv_outfile *o);

/* Close and remove the temporary file; the target is left as it was.
 * Frees what o holds; harmless on a zeroed or finished o. */
void dv_outfile_abort(dv_outfile *o);

#endif

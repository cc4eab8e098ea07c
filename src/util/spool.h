/*
 * Spool files: anonymous temporary files for data that must wait (the
 * json report's violations until the document ends). They live in a
 * folder the caller names (the CLI passes $TMPDIR, default /tmp) and are
 * unlinked as soon as they are created, so nothing is left behind
 * whatever ends the process.
 */
#ifndef DV_UTIL_SPOOL_H
#define DV_UTIL_SPOOL_H

#include <stdio.h>

/* The folder used when the caller names none. */
#define DV_SPOOL_DIR "/tmp"

/*
 * Create a spool file in `dir` (NULL: DV_SPOOL_DIR), open for reading and
 * writing. Returns: new, close with fclose(); NULL with errno set.
 */
FILE *dv_spool_open(const char *dir);

#endif

/*
 * A file's content at a git revision, for `dcval diff --git REV`: git is
 * run as a child process (no shell) in the file's folder, so a path
 * relative to the current folder or absolute works, in any repository.
 */
#ifndef DV_CLI_GITSHOW_H
#define DV_CLI_GITSHOW_H

#include <stddef.h>

#include "util/buf.h"

typedef enum dv_gitshow_result {
	DV_GITSHOW_OK = 0,   /* the file's bytes are in the buffer */
	DV_GITSHOW_ABSENT,   /* the revision exists, the file did not; or
				REV is HEAD before the first commit */
	DV_GITSHOW_FAIL      /* git failed: not a repository, bad revision,
				git missing; `msg` says why */
} dv_gitshow_result;

/*
 * The content of file `path` at revision `rev` into `out` (at most its
 * cap). On DV_GITSHOW_FAIL `msg` (msg_cap bytes) holds a message without
 * the "dcval: " prefix: "PATH: git: WHY".
 */
dv_gitshow_result dv_gitshow(const char *rev, const char *path, dv_buf *out,
			     char *msg, size_t msg_cap);

#endif

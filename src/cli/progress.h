/*
 * Progress on the terminal for large inputs (issue #4): one line on
 * standard error, "dcval: PATH: 312.5 MiB of 1.2 GiB (25%), 4012345
 * records, 1503214 records/s", redrawn at most 10 times a second and
 * cleared with "\r\033[K" when the input ends or before a violation is
 * printed. Shown only when standard error is a terminal, the run is not
 * quiet, and the input is a regular file larger than 64 MiB, or of
 * unknown size (a pipe) once 64 MiB of it were read.
 */
#ifndef DV_CLI_PROGRESS_H
#define DV_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "dcval/dcval.h"

/* Inputs smaller than this never show progress. */
#define DV_PROGRESS_MIN_BYTES ((uint64_t)64 * 1024 * 1024)

typedef struct dv_progress {
	bool enabled;               /* terminal and not quiet */
	bool active;                /* this input may show progress */
	bool shown;                 /* a progress line is on the screen */
	uint64_t size;              /* input size, 0 when unknown */
	struct timespec start;      /* when this input started */
	struct timespec last;       /* last redraw */
	dcval_violation_fn next;    /* the violation callback wrapped */
	void *next_ud;              /* its user data */
} dv_progress;

/* Decide once per run: enabled when stderr is a terminal and !quiet. */
void dv_progress_init(dv_progress *p, bool quiet);

/* A new input is read from `in` (its size from fstat when regular). */
void dv_progress_start(dv_progress *p, FILE *in);

/* dcval_progress_fn: redraw if due. ud is the dv_progress. */
void dv_progress_update(void *ud, const char *path, uint64_t bytes,
			uint64_t records);

/* dcval_violation_fn: clear the line, then call p->next. ud is the
 * dv_progress. */
dcval_status dv_progress_violation(void *ud, const dcval_violation *v);

/* The input ended: clear the line if one is shown. */
void dv_progress_end(dv_progress *p);

#endif

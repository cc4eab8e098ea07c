/*
 * Live inputs: a pipe, a terminal or a socket (anything fstat(2) does not
 * call a regular file), standard input included. Its records must be
 * checked as soon as their bytes arrive, so it is read with read(2) on
 * its descriptor, taking what has arrived, where a regular file is read
 * with fread(3) in whole chunks (the large-buffer path, for speed).
 *
 * A live input is read through its descriptor from the start: nothing may
 * have been read through the FILE * before (bytes in its buffer would be
 * skipped).
 */
#ifndef DV_READ_LIVE_H
#define DV_READ_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dcval/dcval.h"

/* Whether `in` is live; *fd gets its descriptor (-1 when it has none: a
 * memory stream, which is never live). */
bool dv_live_is_live(FILE *in, int *fd);

/*
 * One read(2) of at most cap bytes into buf: *len gets what arrived (0 at
 * the end, with *eof set). Waits only while nothing has arrived; an
 * interrupted read is retried and a non-blocking descriptor is polled.
 * Returns DCVAL_OK, or DCVAL_EIO with *err the errno (and *eof set).
 */
dcval_status dv_live_read(int fd, char *buf, size_t cap, size_t *len,
			  bool *eof, int *err);

/*
 * Whether the first bytes p[0..n) of an input say enough to go on: they
 * are no proper prefix of a gzip or zstd magic number or of a UTF-8 byte
 * order mark (4 bytes at least when the name says compressed: `named`),
 * and hold a byte that is no space, so that the format can be sniffed.
 */
bool dv_live_decisive(const char *p, size_t n, bool named);

#endif

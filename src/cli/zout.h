/*
 * Compressed quarantine outputs: an output whose own name ends in .gz or
 * .zst is written compressed (gzip level 6 with zlib, zstd level 3 with a
 * frame checksum, as `gzip` and `zstd` write by default); any other name
 * is written as it is. The compressing stream is a FILE * (fopencookie)
 * over the output's own stream, so the engine writes quarantine records
 * as to any stream, and closing it closes the stream underneath.
 */
#ifndef DV_CLI_ZOUT_H
#define DV_CLI_ZOUT_H

#include <stdio.h>

/* A compressing stream's state, owned by the stream: fclose frees it. */
struct dv_zout;

/*
 * When target's name ends in .gz or .zst (any case), replace *f with a
 * stream that compresses into it (which it then owns: fclose of the new
 * stream finishes the data and closes the old) and set *handle to its
 * state, for dv_zout_finish() and dv_zout_flush(). Otherwise leave *f and
 * *handle as they are. Returns 0, or -1 with errno set (*f unchanged).
 */
int dv_zout_wrap(FILE **f, const char *target, struct dv_zout **handle);

/*
 * End the compressed data of a stream made by dv_zout_wrap(): what is
 * buffered is compressed, the trailer (gzip CRC-32 and length, zstd
 * checksum) written and the stream underneath flushed, so that a full
 * disk shows now rather than at fclose. Later writes fail. NULL: nothing
 * to do. Returns 0, or -1 with errno set.
 */
int dv_zout_finish(struct dv_zout *z);

/*
 * Make what was written to a stream from dv_zout_wrap() so far readable
 * at the other end: f (NULL: none) is flushed and, when z is its
 * dv_zout_wrap() state, compressed and flushed (a gzip sync flush, a zstd
 * block flush) into the stream underneath, which is flushed. For live
 * inputs, after each record; costs some compression. Returns 0, or -1
 * with errno set.
 */
int dv_zout_flush(FILE *f, struct dv_zout *z);

#endif

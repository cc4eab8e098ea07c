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

/*
 * When target's name ends in .gz or .zst (any case), replace *f with a
 * stream that compresses into it (which it then owns: fclose of the new
 * stream finishes the data and closes the old). Otherwise leave *f as it
 * is. Returns 0, or -1 with errno set (*f unchanged).
 */
int dv_zout_wrap(FILE **f, const char *target);

/*
 * End the compressed data of a stream made by dv_zout_wrap(): what is
 * buffered is compressed, the trailer (gzip CRC-32 and length, zstd
 * checksum) written and the stream underneath flushed, so that a full
 * disk shows now rather than at fclose. Later writes fail. Any other
 * stream: nothing to do. Returns 0, or -1 with errno set.
 */
int dv_zout_finish(FILE *f);

/*
 * Make what was written to a stream from dv_zout_wrap() so far readable
 * at the other end: compressed and flushed (a gzip sync flush, a zstd
 * block flush) into the stream underneath, which is flushed. Any other
 * stream is just flushed. For live inputs, after each record; costs some
 * compression. Returns 0, or -1 with errno set.
 */
int dv_zout_flush(FILE *f);

#endif

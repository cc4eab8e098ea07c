/*
 * The fuzz targets' invariant check: a failed condition is reported with
 * its place and aborts, which libFuzzer (and the corpus replay of make
 * check, tests/fuzz/replay.c) reports as a crash with the input kept.
 */
#ifndef DV_FUZZ_ASSERT_H
#define DV_FUZZ_ASSERT_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond)                                                   \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",    \
				__FILE__, __LINE__, #cond);                 \
			abort();                                            \
		}                                                           \
	} while (0)

#endif

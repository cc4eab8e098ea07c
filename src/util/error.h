/*
 * Filling dcval_error records (first error wins).
 */
#ifndef DV_UTIL_ERROR_H
#define DV_UTIL_ERROR_H

#include "dcval/dcval.h"

/* Set err (if not NULL and not already set): status, file (may be NULL),
 * 1-based line and column (0: none), printf-style text. Returns status. */
dcval_status dv_error_set(dcval_error *err, dcval_status status,
			  const char *file, unsigned long line,
			  unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif

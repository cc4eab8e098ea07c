/*
 * YAML scalars written safely: every string is double-quoted, so that no
 * text (`null`, `yes`, `~`, `012`, `a: b`, `#x`, leading spaces) can be
 * read back as anything but the same string.
 */
#ifndef DV_INFER_YQUOTE_H
#define DV_INFER_YQUOTE_H

#include <stddef.h>

#include "dcval/dcval.h"
#include "util/buf.h"

/*
 * Append s[0..len) as a YAML double-quoted scalar: '"' and '\' escaped,
 * characters YAML does not allow raw, or that would change meaning
 * (C0 controls, DEL, C1 controls U+0080..U+009F, U+2028, U+2029, U+FEFF,
 * U+FFFE, U+FFFF), as escapes (\t \n \r \0 \xNN \uNNNN); other UTF-8 as
 * it is. A byte that is not valid UTF-8 is written as \xNN (the
 * character U+00NN: callers hand valid UTF-8 only).
 */
dcval_status dv_yq_string(dv_buf *b, const char *s, size_t len);

#endif

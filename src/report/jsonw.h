/*
 * dv_jsonw: a small streaming JSON writer to a FILE. It places commas,
 * line breaks and two-space indentation itself; a container opened
 * "multiline" puts each member on its own line, any other is written on
 * one line with ", " and ": " separators. Strings are escaped per RFC
 * 8259 and always come out as valid UTF-8: a byte that is not part of a
 * valid UTF-8 sequence is written as U+FFFD.
 *
 * Write errors do not stop the writer: they are remembered and reported
 * by dv_jsonw_status().
 */
#ifndef DV_REPORT_JSONW_H
#define DV_REPORT_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"

/* Deepest nesting of containers. */
#define DV_JSONW_MAX_DEPTH 16

typedef struct dv_jsonw {
	FILE *out;                           /* borrowed */
	unsigned depth;                      /* open containers */
	bool multiline[DV_JSONW_MAX_DEPTH];  /* per open container */
	bool has_items[DV_JSONW_MAX_DEPTH];  /* per open container */
	char close[DV_JSONW_MAX_DEPTH];      /* '}' or ']' per open container */
	bool after_key;                      /* a key was written, its value not yet */
	dcval_status status;                 /* first failure */
} dv_jsonw;

void dv_jsonw_init(dv_jsonw *w, FILE *out);

/* Open an object or array; close the innermost one with dv_jsonw_end(). */
void dv_jsonw_object(dv_jsonw *w, bool multiline);
void dv_jsonw_array(dv_jsonw *w, bool multiline);
void dv_jsonw_end(dv_jsonw *w);

/* The key of the next object member (a C string). */
void dv_jsonw_key(dv_jsonw *w, const char *key);

/* Values. dv_jsonw_cstr() writes null for a NULL string. */
void dv_jsonw_str(dv_jsonw *w, const char *s, size_t len);
void dv_jsonw_cstr(dv_jsonw *w, const char *s);
void dv_jsonw_uint(dv_jsonw *w, uint64_t n);
void dv_jsonw_bool(dv_jsonw *w, bool b);
void dv_jsonw_null(dv_jsonw *w);

/*
 * A value written by the caller as ready-made JSON text: dv_jsonw_raw_begin()
 * writes the separator, then any number of dv_jsonw_raw() calls the text.
 */
void dv_jsonw_raw_begin(dv_jsonw *w);
void dv_jsonw_raw(dv_jsonw *w, const void *p, size_t n);

/* DCVAL_OK, DCVAL_EIO after a failed write, DCVAL_EINTERNAL on misuse
 * (nesting too deep, end without open container). */
dcval_status dv_jsonw_status(const dv_jsonw *w);

#endif

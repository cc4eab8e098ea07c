/*
 * The `vector` type (contract.md Types): `[1.0, 2.5, ...]`. Brackets,
 * elements in `number` syntax (dv_parse_number's: no NaN or Inf text),
 * commas; spaces (and tabs) may stand after `[`, before `]` and around
 * commas; `[]` has dimension 0. JSON arrays reach the engine as their
 * compact text (no spaces), which is the same syntax.
 *
 * The parser streams over the text once and keeps only a count and a
 * sum of squares: a 768-element vector costs no allocation at all.
 */
#ifndef DV_VALUE_VECTOR_H
#define DV_VALUE_VECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a vector's checks need to know of it. */
typedef struct dv_vecstat {
	uint64_t dim;        /* elements */
	uint64_t nonfinite;  /* 1-based position of the first element beyond the double range, 0: none */
	double norm;         /* Euclidean (L2) norm of the elements; meaningless when nonfinite */
} dv_vecstat;

/*
 * Whether s[0..len) is a vector. An element in number syntax whose value
 * is beyond the double range (`1e999`) is valid syntax: it is counted and
 * its position kept in out->nonfinite (a `finite` matter, not a type
 * one). Elements too small for a double (`1e-999`) are 0.
 *
 * The norm is the square root of the sum of squares. When that sum
 * overflows while every element is finite (elements near 1e154 and
 * above), the text is read a second time with scaling (as BLAS dnrm2
 * does), so that the norm is exact to rounding unless it is itself
 * beyond the double range (then it is infinity).
 */
bool dv_parse_vector(const char *s, size_t len, dv_vecstat *out);

#endif

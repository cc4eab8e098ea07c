/*
 * The text of a measured figure in a dataset-level violation (a null
 * fraction, a mean, a PSI): contract.md "Dataset checks" asks for the
 * shortest form that reads back, at most 6 significant digits
 * (`0.0712`, `3`, `512.5`). Locale-free.
 */
#ifndef DV_VALUE_FIGURE_H
#define DV_VALUE_FIGURE_H

#include <stddef.h>

/* Enough for any figure: sign, 6 digits, point, exponent, NUL. */
#define DV_FIGURE_MAX 32

/* Write x into buf (DV_FIGURE_MAX bytes): the shortest %g form of 1 to 6
 * significant digits that reads back as x rounded to 6 significant
 * digits; "nan", "inf", "-inf" for those; -0 is "0". Returns its length. */
size_t dv_figure(double x, char buf[DV_FIGURE_MAX]);

#endif

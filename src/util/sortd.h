/*
 * Sorting doubles in place without qsort's indirect comparison calls
 * (the KLL sketch sorts a level at every compaction: profile and drift
 * spent a tenth of their time there with qsort).
 */
#ifndef DV_UTIL_SORTD_H
#define DV_UTIL_SORTD_H

#include <stddef.h>

/* Sort a[0..n) ascending by `<`. NaN must not occur (its order is
 * unspecified, as with qsort and a `<` comparison). O(n log n) worst
 * case: introsort (Musser 1997, "Introspective Sorting and Selection
 * Algorithms"): quicksort with median-of-three pivots, heapsort past a
 * depth of 2 log2 n, insertion sort for short runs. */
void dv_sort_doubles(double *a, size_t n);

#endif

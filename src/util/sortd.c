/*
 * Introsort of doubles; see sortd.h.
 */
#include "util/sortd.h"

#define SMALL 16

static void insertion(double *a, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		double x = a[i];

		for (j = i; j > 0 && x < a[j - 1]; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

static void sift(double *a, size_t i, size_t n)
{
	double x = a[i];
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && a[c] < a[c + 1])
			c++;
		if (!(x < a[c]))
			break;
		a[i] = a[c];
		i = c;
	}
	a[i] = x;
}

static void heapsort_d(double *a, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift(a, i, n);
	while (n > 1) {
		double t = a[0];

		a[0] = a[--n];
		a[n] = t;
		sift(a, 0, n);
	}
}

static void swap(double *x, double *y)
{
	double t = *x;

	*x = *y;
	*y = t;
}

static void intro(double *a, size_t n, unsigned depth)
{
	while (n > SMALL) {
		size_t m = n / 2, i, j;
		double p;

		if (depth-- == 0) {
			heapsort_d(a, n);
			return;
		}
		/* median of three into a[m], with a[0] <= a[m] <= a[n-1] */
		if (a[m] < a[0])
			swap(&a[m], &a[0]);
		if (a[n - 1] < a[m]) {
			swap(&a[n - 1], &a[m]);
			if (a[m] < a[0])
				swap(&a[m], &a[0]);
		}
		p = a[m];
		/* Hoare partition over a[1..n-2]: the ends are sentinels */
		i = 0;
		j = n - 1;
		for (;;) {
			do
				i++;
			while (a[i] < p);
			do
				j--;
			while (p < a[j]);
			if (i >= j)
				break;
			swap(&a[i], &a[j]);
		}
		/* a[0..j] <= p <= a[j+1..n): loop on the larger side, recurse
		 * on the smaller (stack depth log2 n) */
		if (j + 1 < n - j - 1) {
			intro(a, j + 1, depth);
			a += j + 1;
			n -= j + 1;
		} else {
			intro(a + j + 1, n - j - 1, depth);
			n = j + 1;
		}
	}
	insertion(a, n);
}

void dv_sort_doubles(double *a, size_t n)
{
	unsigned depth = 0;
	size_t m;

	for (m = n; m > 1; m >>= 1)
		depth += 2;
	intro(a, n, depth);
}
